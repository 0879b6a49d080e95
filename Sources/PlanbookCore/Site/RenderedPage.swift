/// One report turned into HTML, ready to be placed in a template: its body, table of contents and download files.
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
    /// The body as HTML.
    public var bodyHTML: String
    /// Level-2 and level-3 headings, in order.
    public var toc: [TOCEntry]
    /// Files the page links to, by path relative to the site root (e.g. `index/layout.svg`), in page order.
    public var downloads: [(path: String, contents: String)]
}
