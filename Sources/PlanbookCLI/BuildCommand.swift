import ArgumentParser
import PlanbookCore

extension Planbook {
    /// `planbook build`: every `Reports/*.md` to a page of `site/`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build every report into a page of the site.",
            discussion: """
                Reads REPORTS/*.md, runs their plan blocks, fills TEMPLATES/page.mustache, and publishes the site \
                into OUT at once: a failed build leaves the previous site as it was. Plan programs and their \
                outputs are cached in .planbook/cache, so a rebuild compiles only changed plan code and runs only \
                what changed code or parameters affect.

                Examples:
                  planbook build
                  planbook build --param batch=256 --explain
                  planbook build --self-contained --out review
                  planbook build --compare-to v1.0      # mark every number that changed since v1.0
                  planbook build --reports Reports --templates Templates --out site
                """
        )

        @OptionGroup var study: StudyOptions

        @Option(help: "Folder to publish the site into.")
        var out = "site"

        @Flag(help: "Write into an output folder that holds files Planbook did not write (they are kept).")
        var force = false

        @Flag(help: "Make every page work alone: stylesheet inlined, downloads embedded, no other file needed.")
        var selfContained = false

        @Option(help: ArgumentHelp(
            "Mark every number that differs from this build (a git revision, or a built site folder), and list them on "
                + "a \"What changed\" page.", valueName: "rev"))
        var compareTo: String?

        @Option(help: ArgumentHelp(
            "With --compare-to, count a relative change smaller than this as none (e.g. 1% or 0.01).",
            valueName: "share"))
        var tolerance: String?

        func validate() throws {
            if let tolerance, Diff.share(tolerance) == nil {
                throw ValidationError("--tolerance takes a share such as 1% or 0.01; got '\(tolerance)'")
            }
            if tolerance != nil && compareTo == nil { throw ValidationError("--tolerance needs --compare-to") }
        }

        func run() throws {
            var options = study.buildOptions()
            options.output = out
            options.force = force
            options.selfContained = selfContained
            do {
                if let compareTo {
                    let base = try LedgerSource.parse(compareTo, options: options)
                    options.compareTo = ComparisonBase(
                        name: base.name, ledger: try base.ledger(options: options),
                        tolerance: tolerance.flatMap(Diff.share) ?? 0)
                }
                let summary = try SiteBuild(options: options).run()
                study.printExplanations(summary)
                if study.json { BuildReport(summary).print() }
                study.console.summary(Self.summaryLine(summary))
                study.console.summary("Site: \(summary.output.appendingPathComponent("index.html").path)")
            } catch {
                let folder = out.hasSuffix("/") ? out : out + "/"
                study.report(error, what: "build", consequence: "\(folder) was left as it was")
                throw ExitCode.failure
            }
        }

        /// "Built 5 pages (3 plan programs reused, 1 compiled, 2 run) and 7 figures in 1.24 s."
        static func summaryLine(_ summary: SiteBuild.Summary) -> String {
            let scenarios = summary.scenarios.count
            if summary.upToDate {
                return "Up to date: nothing changed since the last build of \(summary.pages.count) page(s)"
                    + (scenarios > 0 ? " and \(scenarios) scenario(s)" : "")
                    + " (checked in \(Self.seconds(summary.seconds))); --no-cache builds anyway."
            }
            return "Built \(summary.pages.count) page(s) and \(summary.figures) figure(s)"
                + (scenarios > 0 ? ", and a copy of them for each of \(scenarios) scenario(s)," : "")
                + " in \(Self.seconds(summary.seconds)): plan programs compiled \(summary.compiled), run \(summary.ran), "
                + "reused from cache \(summary.reused)."
        }

        static func seconds(_ value: Double) -> String { "\((value * 100).rounded() / 100) s" }
    }
}
