import ArgumentParser
import PlanbookCore

extension Planbook {
    /// `planbook bundle`: the whole study as one HTML file, for reviewers.
    struct Bundle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the whole study as one self-contained HTML file.",
            discussion: """
                Every page becomes a section of one file, the navigation becomes in-page links, and the \
                stylesheet, drawings and downloads are embedded: the file opens from disk with nothing else.

                Examples:
                  planbook bundle -o study.html
                  planbook bundle -o review/study.html --param batch=256
                """
        )

        @OptionGroup var study: StudyOptions

        @Option(name: [.short, .customLong("output")], help: "The HTML file to write.")
        var output = "study.html"

        @Flag(help: "Replace an existing file that Planbook did not write.")
        var force = false

        func run() throws {
            var options = study.buildOptions()
            options.bundle = output
            options.force = force
            do {
                let summary = try SiteBuild(options: options).run()
                study.printExplanations(summary)
                if study.json { BuildReport(summary).print() }
                study.console.summary("Bundled \(summary.pages.count) page(s) into \(output).")
            } catch {
                study.report(error, what: "bundle", consequence: "\(output) was left as it was")
                throw ExitCode.failure
            }
        }
    }
}
