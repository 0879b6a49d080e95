/// Makes the pages Planbook adds to the reports': the scenario matrix (`scenarios/index.html`) when the study's
/// scenarios were built, and "What changed since REV" (`what-changed.html`) with `--compare-to`.
struct SitePagesStep: BuildStep {
    func run(_ study: inout Study) {
        if !study.scenarioSites.isEmpty {
            study.generatedPages.append(ScenarioMatrixPage.make(study: study.ledger, scenarios: study.scenarioSites))
        }
        if let comparison = study.comparison {
            study.generatedPages.append(ChangesPage.make(comparison))
        }
    }
}
