import ArgumentParser
import Foundation
import PlanbookCore

extension Planbook {
    /// `planbook build`: every `Reports/*.md` to a page of `site/`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build every report into a page of the site.",
            discussion: """
                Reads REPORTS/*.md, fills TEMPLATES/page.mustache, and publishes the site into OUT at once: \
                a failed build leaves the previous site as it was.

                Examples:
                  planbook build
                  planbook build --reports Reports --templates Templates --out site
                """
        )

        @Option(help: "Folder of Markdown reports.")
        var reports = "Reports"

        @Option(help: "Folder of Mustache templates and assets.")
        var templates = "Templates"

        @Option(help: "Folder to publish the site into.")
        var out = "site"

        @Flag(help: "Write into an output folder that holds files Planbook did not write (they are kept).")
        var force = false

        func run() throws {
            let options = BuildOptions(reports: reports, templates: templates, output: out, force: force)
            do {
                let summary = try SiteBuild(options: options).run()
                print("Built \(summary.pages.count) page(s) and \(summary.figures) figure(s).")
                print("Site: \(summary.output.appendingPathComponent("index.html").path)")
            } catch {
                for diagnostic in error.diagnostics { printToStandardError(diagnostic.description) }
                printToStandardError("error: build failed with \(error.diagnostics.count) problem(s); \(out)/ was left as it was")
                throw ExitCode.failure
            }
        }
    }
}

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
