import PlanRecord

/// Makes each report a page: its Markdown tree with plan cells, figures, values and references as page parts, its
/// claims summary and its provenance — above it the scenario switcher when the study declares scenarios, and with
/// `--compare-to` the marks of every number that changed and a note of them.
struct RenderStep: BuildStep {
    func run(_ study: inout Study) {
        let slugs = Set(study.pages.map(\.report.slug))
        let overrides = Set(study.options.parameters.map(\.name))
        let scenarios = study.buildsScenarioCopies ? study.declaredScenarios : []
        for index in study.pages.indices {
            let page = study.pages[index]
            guard let items = page.items else { continue }
            let usesPlanCode = !page.outline.cells.isEmpty
            var provenance = Provenance(
                report: page.report, shared: study.shared, parameters: page.outputs?.parameters ?? [],
                toolchain: usesPlanCode ? study.toolchain : nil, usesPlanCode: usesPlanCode, overrides: overrides,
                scenario: study.scenario)
            if !items.figures.isEmpty { provenance.drawings = DrawStep.drawingTools }
            var assembly = PageAssembly(
                outline: page.outline, items: items, outputs: page.outputs, drawings: page.drawings,
                references: study.references, slugs: slugs)
            if !scenarios.isEmpty {
                assembly.top.append(ScenarioSwitcherPart(
                    current: study.scenario?.name, scenarios: scenarios, file: page.report.outputName))
                assembly.scenarioRoot = study.scenario == nil ? "" : "../../"
            }
            if let comparison = study.comparison {
                let marks = ChangeMarks(comparison, page: page.report.slug)
                assembly.marks = marks
                assembly.top.append(ChangeBannerPart(marks: marks, changesPage: ChangesPage.slug))
            }
            study.pages[index].rendered = assembly.page(provenance: provenance)
        }
    }
}
