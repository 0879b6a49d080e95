import ArgumentParser
import Foundation
import PlanbookCore

extension Planbook {
    /// `planbook diff [A] [B]`: every computed number of two builds of the study, compared.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare every computed number of two builds of the study.",
            discussion: """
                A and B are each a git revision of the study's repository or a folder `planbook build` wrote (which \
                carries its numbers in ledger.json); A defaults to HEAD and B to the working tree. Revisions are \
                built in a temporary folder through the study's cache, so one whose programs and parameters are \
                cached compiles nothing. Lists, page by page, each number that changed (where it is, old → new, the \
                ratio and the relative change), then those that appeared or disappeared — and first, every claim \
                whose verdict flipped. Numbers are compared at the precision the pages show them.

                Exit status: 0, also when numbers changed, unless --exit-code: then 1 when anything changed; 1 \
                when a build fails; 2 bad usage.

                Examples:
                  planbook diff                       # HEAD against the working tree
                  planbook diff v1.0 HEAD --md        # a Markdown table for a response to reviewers
                  planbook diff HEAD~1 --tolerance 1% --exit-code
                  planbook diff review-site site      # two built site folders
                """
        )

        @Argument(help: "The old build: a git revision or a built site folder (default: HEAD).")
        var old: String?

        @Argument(help: "The new build: a git revision or a built site folder (default: the working tree).")
        var new: String?

        @OptionGroup var study: StudyOptions

        @Flag(help: "List the unchanged numbers too.")
        var all = false

        @Flag(name: .customLong("md"), help: "Print Markdown tables, to paste into a response to reviewers.")
        var markdown = false

        @Option(
            help: ArgumentHelp(
                "Count a relative change smaller than this as none (e.g. 1% or 0.01).", valueName: "share"))
        var tolerance: String?

        @Flag(help: "Exit with status 1 when any number changed, appeared or disappeared, like git diff --exit-code.")
        var exitCode = false

        func validate() throws {
            if markdown && study.json { throw ValidationError("--md and --json cannot be used together") }
            if let tolerance, Self.share(tolerance) == nil {
                throw ValidationError("--tolerance takes a share such as 1% or 0.01; got '\(tolerance)'")
            }
        }

        func run() throws {
            let options = study.buildOptions()
            let comparison: LedgerComparison
            do {
                let oldSource = try LedgerSource.parse(old ?? "HEAD", options: options)
                let newSource =
                    try new.map { argument throws(BuildFailure) in
                        try LedgerSource.parse(argument, options: options)
                    } ?? .workingTree
                func ledger(_ source: LedgerSource) throws(BuildFailure) -> Ledger {
                    try source.ledger(options: options) { report($0, of: source, progress: options.progress) }
                }
                comparison = LedgerComparison(
                    old: try ledger(oldSource), new: try ledger(newSource),
                    oldName: oldSource.name, newName: newSource.name, tolerance: tolerance.flatMap(Self.share) ?? 0)
            } catch {
                study.report(error, what: "diff")
                throw ExitCode.failure
            }
            if study.json {
                FileHandle.standardOutput.write(comparison.json(all: all))
            } else if markdown {
                print(comparison.markdown(all: all), terminator: "")
            } else {
                let loud: (String) -> String = { Console.standardOutputColour ? "\u{1B}[1;31m\($0)\u{1B}[0m" : $0 }
                print(comparison.text(all: all, loud: loud), terminator: "")
            }
            if exitCode && !comparison.isEmpty { throw ExitCode.failure }
        }

        /// Says what building `source` cost ("[HEAD] Numbers of 6 page(s): plan programs compiled 0, run 6, reused
        /// from cache 0."), its `--explain` lines and its warnings, each named by the revision as given, as the
        /// build's progress lines name it.
        private func report(_ summary: SiteBuild.Summary, of source: LedgerSource, progress: BuildProgress) {
            var revision: String?
            if case .revision(let name, _) = source { revision = name }
            let prefix = revision.map { "[\($0)] " } ?? ""
            progress.report(
                prefix + "Numbers of \(summary.pages.count) page(s) in \(Build.seconds(summary.seconds)): "
                    + "plan programs compiled \(summary.compiled), run \(summary.ran), reused from cache "
                    + "\(summary.reused).")
            var named = summary
            named.explanations = summary.explanations.map { (prefix + $0.report, $0.explanation) }
            if let revision {
                named.warnings = summary.warnings.map { warning in
                    var named = warning
                    named.file = "\(revision):\(warning.file)"
                    return named
                }
            }
            study.printExplanations(named)
        }

        /// "1%" → 0.01, "0.01" → 0.01; nil for anything else.
        static func share(_ text: String) -> Double? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("%") {
                return Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)).flatMap {
                    $0 >= 0 ? $0 / 100 : nil
                }
            }
            return Double(trimmed).flatMap { $0 >= 0 && $0 < 1 ? $0 : nil }
        }
    }
}
