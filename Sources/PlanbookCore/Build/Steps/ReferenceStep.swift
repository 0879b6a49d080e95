/// Collects every numbered figure and table of the site, in navigation order (the first page to use an anchor keeps
/// it), and reports each `@fig-`/`@tbl-` reference that names none — for pages whose plan code ran, since a page
/// that failed may not have made its figures.
struct ReferenceStep: BuildStep {
    func run(_ study: inout Study) {
        var references = CrossReferences()
        for page in study.pages {
            if let items = page.items { references.add(items, page: page.report.slug, title: page.outline.title) }
        }
        study.references = references
        for page in study.pages where page.outline.cells.isEmpty || page.outputs != nil {
            study.problems += references.unresolved(in: page.outline)
        }
    }
}
