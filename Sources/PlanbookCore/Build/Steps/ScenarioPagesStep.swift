/// Finishes the study's scenario copies (`ScenarioStep` ran them, the draw step drew them): numbers, renders and
/// lists each in a ledger of its own, side by side, and hands them to the study as its `scenarioSites`, with their
/// problems said to be the scenario's.
struct ScenarioPagesStep: BuildStep {
    /// The steps each copy goes through here.
    static let steps: [any BuildStep] = [ReferenceStep(), LedgerStep(), RenderStep()]

    func run(_ study: inout Study) {
        guard !study.scenarioCopies.isEmpty else { return }
        let copies = study.scenarioCopies.concurrentMap { $0.through(Self.steps) }
        study.scenarioCopies = []
        // A warning the study itself gave (a `--param` no report reads) is not repeated for every scenario.
        let own = Set(study.problems)
        for copy in copies {
            study.problems += copy.study.problems.filter { !own.contains($0) }.map {
                Self.placed($0, scenario: copy.scenario)
            }
            study.scenarioSites.append(
                ScenarioSite(scenario: copy.scenario, pages: copy.study.pages, ledger: copy.study.ledger))
        }
    }

    /// A scenario's problem, said to be the scenario's.
    private static func placed(_ problem: Diagnostic, scenario: Scenario) -> Diagnostic {
        var placed = problem
        placed.message = "in scenario `\(scenario.name)`: \(problem.message)"
        return placed
    }
}
