import Foundation
import PlanRecord

extension SiteBuild {
    /// What a successful build produced.
    public struct Summary: Sendable {
        /// Pages written, in navigation order (their file names).
        public var pages: [String]
        /// Figures laid out by Graphviz.
        public var figures: Int
        /// The site folder, resolved.
        public var output: URL
        /// Every claim, by report, in navigation order, with its report line.
        public var claims: [(report: String, claim: PlanRecord.Claim, line: Int)]
        /// Per report with plan blocks: why it was compiled, run or reused.
        public var explanations: [(report: String, explanation: String)]
        /// Reports whose plan program was compiled, and run, in this build.
        public var compiled: Int
        public var ran: Int
        /// Reports with plan blocks whose outputs came from the cache.
        public var reused: Int
        /// How long the build took, in seconds.
        public var seconds: Double
        /// How long each step took, in seconds, in the order they ran (`--verbose` prints them).
        public var steps: [(step: String, seconds: Double)]
        /// Problems that did not stop the build, file by file.
        public var warnings: [Diagnostic]
        /// The scenarios built, in the order declared (each a copy of the study under `scenarios/<name>/`).
        public var scenarios: [String]
        /// Whether the build found its inputs and its site as the last build left them, and so did nothing
        /// (`BuildStamp`); its pages, claims, warnings and ledgers are the last build's.
        public var upToDate = false
        /// Every computed number of the site, with its place and unit (read back from the site's `ledger.json`
        /// when the build was up to date).
        public var ledger: Ledger { ledgers.study }
        /// The ledger of each scenario's copy of the study, in the order declared.
        public var scenarioLedgers: [Ledger] { ledgers.scenarios }
        private var ledgers: Ledgers
        /// What changed since the build `--compare-to` named, when it was given.
        public var comparison: LedgerComparison?

        init(_ study: Study, seconds: Double, steps: [(step: String, seconds: Double)] = []) {
            let withCode = study.pages.filter { !$0.outline.cells.isEmpty }
            pages = study.pages.map(\.report.outputName)
            figures = study.pages.reduce(0) { $0 + ($1.items?.figures.count ?? 0) }
            output = study.options.url(study.options.output).standardizedFileURL
            claims = study.pages.flatMap { page in
                (page.outputs?.claims ?? []).map { _, claim in
                    (page.report.path, claim, PlanProgram.location(of: claim.place, in: page.outline.cells)?.line ?? 1)
                }
            }
            explanations = withCode.map { ($0.report.path, $0.explanation) }
            compiled = withCode.filter(\.compiled).count
            ran = withCode.filter(\.ran).count
            reused = withCode.filter { !$0.ran && $0.outputs != nil }.count
            self.seconds = seconds
            self.steps = steps
            warnings = DiagnosticOrder.sorted(study.problems.filter { $0.severity == .warning })
            scenarios = study.scenarioSites.map(\.scenario.name)
            ledgers = .built(study: study.ledger, scenarios: study.scenarioSites.map(\.ledger))
            comparison = study.comparison
        }

        /// The summary of the build `stamp` vouches for, as that build said it; nothing compiled or ran.
        init(_ stamp: BuildStamp, output: URL) {
            pages = stamp.pages
            figures = stamp.figures
            self.output = output
            claims = stamp.claims.map { ($0.report, $0.claim, $0.line) }
            explanations = stamp.reports.map {
                ($0, "up to date: the site was built from these sources, parameters and toolchain")
            }
            (compiled, ran, reused) = (0, 0, stamp.reused)
            seconds = 0
            steps = []
            warnings = stamp.warnings
            scenarios = stamp.scenarios
            upToDate = true
            ledgers = .published(site: output, scenarios: stamp.scenarios)
            comparison = nil
        }

        /// The ledgers a build made, or where an up-to-date build finds the last build's.
        private enum Ledgers: Sendable {
            case built(study: Ledger, scenarios: [Ledger])
            case published(site: URL, scenarios: [String])

            var study: Ledger {
                switch self {
                case .built(let study, _): study
                case .published(let site, _): (try? Ledger(site: site, displayPath: site.path)) ?? Ledger()
                }
            }

            var scenarios: [Ledger] {
                switch self {
                case .built(_, let scenarios): scenarios
                case .published(let site, let names):
                    names.map {
                        let folder = site.appendingPathComponent("scenarios/\($0)")
                        return (try? Ledger(site: folder, displayPath: folder.path)) ?? Ledger(scenario: $0)
                    }
                }
            }
        }
    }
}

/// The order problems are listed in.
enum DiagnosticOrder {
    /// Problems file by file, top to bottom (a stable sort, so problems at one place keep their order), each once
    /// (shared code and `--param` problems would otherwise repeat for every report). A compiler's errors stay in
    /// its order, under its first error (`Diagnostic.listedAt`).
    static func sorted(_ problems: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return problems.enumerated().sorted { a, b in
            let (placeA, placeB) = (a.element.listedAt ?? .init(a.element), b.element.listedAt ?? .init(b.element))
            return placeA != placeB ? placeA < placeB : a.offset < b.offset
        }.map(\.element).filter { seen.insert($0).inserted }
    }
}
