import PlanRecord

/// Makes each report a page: its Markdown tree with plan cells, figures, values and references as page parts, its
/// claims summary and its provenance.
struct RenderStep: BuildStep {
    func run(_ study: inout Study) {
        let slugs = Set(study.pages.map(\.report.slug))
        let overrides = Set(study.options.parameters.map(\.name))
        for index in study.pages.indices {
            let page = study.pages[index]
            guard let items = page.items else { continue }
            let usesPlanCode = !page.outline.cells.isEmpty
            var provenance = Provenance(
                report: page.report, shared: study.shared, parameters: page.outputs?.parameters ?? [],
                toolchain: usesPlanCode ? study.toolchain : nil, usesPlanCode: usesPlanCode, overrides: overrides)
            if !items.figures.isEmpty { provenance.drawings = DrawStep.drawingTools }
            let assembly = PageAssembly(
                outline: page.outline, items: items, outputs: page.outputs, drawings: page.drawings,
                references: study.references, slugs: slugs)
            study.pages[index].rendered = assembly.page(provenance: provenance)
        }
    }
}
