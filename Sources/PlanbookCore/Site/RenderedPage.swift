/// One report made into a page: its title, table of contents, body as a tree of Markdown and page parts, and the
/// files it links to. Each emitter renders the same page with its own `LinkScope`.
public struct RenderedPage: Sendable {
    /// One entry of the table of contents.
    public struct TOCEntry: Sendable, Equatable {
        public var id: String
        public var text: String
        public var level: Int
    }

    /// The report it was made from.
    public var report: Report
    /// The page title: the front matter's, else the first level-1 heading's text, else the slug.
    public var title: String
    /// The body: the report's Markdown with its cells, figures and references replaced by page parts.
    public var body: [MarkdownBlock]
    /// Level-2 and level-3 headings, in order.
    public var toc: [TOCEntry]
    /// Files the page links to, by path relative to the site root (e.g. `index/layout.svg`), in page order.
    public var downloads: [(path: String, contents: String)]

    /// The body as HTML, with ids and links written by `scope`.
    public func bodyHTML(_ scope: LinkScope = .site) -> String { MarkdownHTML(scope: scope).html(body) }
}
