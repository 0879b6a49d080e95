import Foundation
import PlanRecord

/// `planbook build`: the whole pipeline from `Reports/*.md` to a published `site/`, as a list of named steps that
/// each take the `Study` and hand it on.
///
/// load → check (static problems, before anything compiles) → program → compile → run → math (KaTeX, once for every
/// formula) → scenario (a copy of the study per scenario, its cached programs run with the scenario's parameters) →
/// draw (the study's figures and its copies', together) → references → ledger → compare (with `--compare-to`) →
/// render → scenario pages (each copy numbered, listed and rendered) → site pages (the scenario matrix, "What
/// changed") → emit. A build whose inputs and site are as the last build left them does nothing (`BuildStamp`).
/// Every problem of every
/// report is collected and listed file by file and line by line; a step after which the study has an error stops the
/// build, so nothing is written unless every step succeeded, and then the site is swapped in at once (see
/// `SitePublisher`).
public struct SiteBuild: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    /// The steps, in order. `check` ends the build on a static problem before any program is compiled.
    static let steps: [any BuildStep] = [
        LoadStep(), CheckStep(), ProgramStep(), CompileStep(), RunStep(), MathStep(), ScenarioStep(), DrawStep(),
        ReferenceStep(), LedgerStep(), CompareStep(), RenderStep(), ScenarioPagesStep(), SitePagesStep(), EmitStep(),
    ]

    /// Runs every step; throws every problem found.
    public func run() throws(BuildFailure) -> Summary {
        let start = ContinuousClock.now
        // A site whose inputs, and whose folder, are as the last build left them is not built again.
        let inputs = BuildStamp.applies(to: options) ? BuildInputs.hash(options) : nil
        let sources = inputs == nil ? nil : BuildInputs.sources(options)
        if let inputs, var summary = BuildStamp.unchanged(options, inputs: inputs) {
            summary.seconds = (ContinuousClock.now - start).seconds
            summary.steps = [("up to date", summary.seconds)]
            return summary
        }
        var study = Study(options: options)
        var timings: [(step: String, seconds: Double)] = []
        for step in Self.steps {
            if let message = step.progress(study) { options.progress.report(message) }
            let stepStart = ContinuousClock.now
            step.run(&study)
            timings.append((step.name, (ContinuousClock.now - stepStart).seconds))
            if study.failed, step.stopsOnError {
                study.layoutPool.cancel()
                throw BuildFailure(DiagnosticOrder.sorted(study.problems))
            }
        }
        let summary = Summary(study, seconds: (ContinuousClock.now - start).seconds, steps: timings)
        // Stamped only when nothing it read changed while it built (a report saved mid-build builds again next time).
        if let inputs, let listing = study.publishedListing, BuildInputs.sources(options) == sources {
            BuildStamp.record(summary, inputs: inputs, listing: listing, options: options)
        }
        return summary
    }
}

/// One named step of `SiteBuild`.
protocol BuildStep: Sendable {
    /// Takes the study and hands it on with what the step made and the problems it found.
    func run(_ study: inout Study)
    /// The progress line to show before the step, if any.
    func progress(_ study: Study) -> String?
    /// Whether the build ends after this step when the study has an error.
    var stopsOnError: Bool { get }
}

extension BuildStep {
    func progress(_ study: Study) -> String? { nil }
    var stopsOnError: Bool { true }
    /// The step's name as the architecture names it: `load`, `check`, … (the type's name without `Step`).
    var name: String { String(String(describing: type(of: self)).dropLast(4)).lowercased() }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
