import PlanRecord

/// Makes each report a page: its findings, its Markdown tree with plan cells, figures, values and references as page
/// parts, and its provenance; the index also gets the study's whole verdict and the list of the site's figures and
/// tables — above it the scenario switcher when the study declares scenarios, and with `--compare-to` the marks of
/// every number that changed and a note of them.
struct RenderStep: BuildStep {
    func run(_ study: inout Study) {
        let slugs = Set(study.pages.map(\.report.slug))
        let overrides = Set(study.options.parameters.map(\.name))
        let index = study.pages.first { $0.report.slug == "index" }
        let studyEcho = index?.report.frontMatter.echo ?? .fold
        let verdicts = study.pages.filter { $0.report.slug != "index" }.compactMap { page -> FindingsPart.PageVerdict? in
            let claims = page.items?.claims.map(\.claim) ?? []
            return claims.isEmpty ? nil
                : FindingsPart.PageVerdict(slug: page.report.slug, title: page.outline.title, claims: claims)
        }
        let scenarios = study.buildsScenarioCopies ? study.declaredScenarios : []
        for index in study.pages.indices {
            let page = study.pages[index]
            guard let items = page.items else { continue }
            let usesPlanCode = !page.outline.cells.isEmpty
            var provenance = Provenance(
                report: page.report, shared: study.shared, parameters: page.outputs?.parameters ?? [],
                compiler: usesPlanCode ? study.compilerVersion : nil, usesPlanCode: usesPlanCode, overrides: overrides,
                scenario: study.scenario)
            if !items.figures.isEmpty { provenance.drawings = DrawStep.drawingTools }
            var assembly = PageAssembly(
                outline: page.outline, items: items, outputs: page.outputs, drawings: page.drawings,
                references: study.references, slugs: slugs)
            assembly.defaultEcho = page.report.frontMatter.echo ?? studyEcho
            assembly.math = page.math
            assembly.embedding = FigureEmbedding(inlineLimit: study.options.inlineLimit)
            if page.report.slug == "index", study.pages.count > 1 {
                assembly.study = verdicts
                assembly.listing = study.references.listing
            }
            if !scenarios.isEmpty {
                assembly.top.append(ScenarioSwitcherPart(
                    current: study.scenario?.name, scenarios: scenarios, file: page.report.outputName))
                assembly.scenarioRoot = study.scenario == nil ? "" : "../../"
            }
            if let comparison = study.comparison {
                let marks = ChangeMarks(comparison, page: page.report.slug)
                assembly.marks = marks
                assembly.opening.append(ChangeBannerPart(marks: marks, changesPage: ChangesPage.slug))
            }
            study.pages[index].rendered = assembly.page(provenance: provenance)
        }
    }
}
