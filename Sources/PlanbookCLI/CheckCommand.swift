import ArgumentParser
import PlanbookCore

extension Planbook {
    /// `planbook check`: runs everything, writes no site, and reports failed expectations and claims.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every report's plan blocks and check them, without writing the site.",
            discussion: """
                Prints every problem (failed expect(...), compile and runtime errors) and every claim that does \
                not hold. Exits 1 when there are problems, and with --strict also when a claim does not hold.

                Examples:
                  planbook check
                  planbook check --strict --param batch=256
                """
        )

        @OptionGroup var study: StudyOptions

        @Flag(help: "Also fail when a claim does not hold.")
        var strict = false

        func run() throws {
            var options = study.buildOptions()
            options.publish = false
            let summary: SiteBuild.Summary
            do {
                summary = try SiteBuild(options: options).run()
            } catch {
                study.report(error, what: "check")
                throw ExitCode.failure
            }
            study.printExplanations(summary)
            if study.json { BuildReport(summary).print() }
            let failing = summary.claims.filter { !$0.claim.holds }
            for (path, claim, line) in failing {
                let severity = strict ? "error" : "warning"
                guard !study.json else { continue }
                print("\(path):\(line):1: \(severity): claim does not hold: \(claim.label): paper \(claim.paper.text), "
                    + "computed \(claim.computed.text) (ratio \(CheckFormat.ratio(claim.ratio.number?.value ?? .nan)), "
                    + "tolerance ±\(CheckFormat.percent(claim.tolerance)))")
            }
            study.console.summary("Checked \(summary.pages.count) report(s): \(summary.claims.count - failing.count) of "
                + "\(summary.claims.count) claim(s) hold; no failed expectations.")
            if strict && !failing.isEmpty { throw ExitCode.failure }
        }
    }
}

/// Number formats of `planbook check`'s lines.
enum CheckFormat {
    static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return String((value * 1000).rounded() / 1000) + "×"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}
