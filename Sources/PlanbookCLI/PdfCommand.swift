import ArgumentParser
import PlanbookCore

extension Planbook {
    /// `planbook pdf`: the whole study as one PDF, printed by headless Chromium.
    struct Pdf: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the whole study to one PDF through headless Chromium.",
            discussion: """
                The one-file bundle of the study is printed under its print stylesheet: every folded block open, \
                no table clipped, figures kept with their captions, link addresses after external links, page \
                numbers at the foot and the study's title at the head. Needs Chromium (Debian: apt-get install \
                chromium).

                Examples:
                  planbook pdf
                  planbook pdf -o review/study.pdf --param batch=256
                """
        )

        @OptionGroup var study: StudyOptions

        @Option(name: [.short, .customLong("output")], help: "The PDF file to write.")
        var output = "study.pdf"

        @Flag(help: "Replace an existing file that Planbook did not write.")
        var force = false

        func run() throws {
            do {
                let summary = try StudyPDF.write(options: study.buildOptions(), to: output, force: force)
                study.printExplanations(summary)
                if study.json { BuildReport(summary).print() }
                study.console.summary("Printed \(summary.pages.count) page(s) into \(output).")
            } catch {
                study.report(error, what: "pdf", consequence: "\(output) was left as it was")
                throw ExitCode.failure
            }
        }
    }
}
