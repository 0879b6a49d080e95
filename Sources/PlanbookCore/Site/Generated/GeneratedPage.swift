/// A page Planbook makes beside the reports' — the scenario matrix, "What changed since …" — as a rendered page: a
/// report of its own name with no source, whose body is one part.
enum GeneratedPage {
    /// The page `slug` (its file `slug.html`, which may lie in a folder), titled `title`, its body `part`.
    static func make(
        slug: String, title: String, summary: String, part: any MarkdownPart,
        toc: [RenderedPage.TOCEntry] = [], downloads: [(path: String, contents: String)] = []
    ) -> RenderedPage {
        let report = Report(
            path: "", slug: slug, frontMatter: FrontMatter(title: title, summary: summary), body: "", bodyFirstLine: 1)
        let body = [MarkdownBlock(id: -1, position: MarkdownPosition(line: 1, column: 1), kind: .part(part))]
        return RenderedPage(report: report, title: title, body: body, toc: toc, downloads: downloads)
    }
}

/// A part whose HTML is made with the page's link scope.
struct ScopedHTMLPart: MarkdownPart {
    var make: @Sendable (LinkScope) -> String

    func html(_ renderer: MarkdownHTML) -> String { make(renderer.scope) }
}
