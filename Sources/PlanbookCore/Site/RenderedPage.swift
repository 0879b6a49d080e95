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
    /// What the page opens with, above its table of contents and text (the template's `findings`): the
    /// `--compare-to` note when there is one, then the findings panel (when it has claims).
    public var findings: [MarkdownBlock] = []
    /// The drawings too large to sit in the page, each shown full size on a page of its own (site folder only).
    public var figurePages: [FigurePage] = []
    /// Whether it shows LaTeX math, and so needs KaTeX's stylesheet.
    public var hasMath = false

    /// The body as HTML, with ids and links written by `scope`.
    public func bodyHTML(_ scope: LinkScope = .site) -> String { MarkdownHTML(scope: scope).html(body) }

    /// The findings panel as HTML, with ids and links written by `scope`.
    public func findingsHTML(_ scope: LinkScope = .site) -> String { MarkdownHTML(scope: scope).html(findings) }
}

/// A drawing too large for its page, on a page of its own (`PAGE/NAME.html`, the `figure.mustache` template): its
/// number and caption, the drawing full size as an `<object>` (so its tooltips work), its text alternative, and a
/// link back to where it stands.
public struct FigurePage: Sendable, Equatable {
    /// The page's path, relative to the site root.
    public var path: String
    /// "Figure 2.9: The full deployment graph".
    public var title: String
    /// The drawing's file name, beside the page.
    public var svgFile: String
    public var width: Int
    public var height: Int
    /// What the drawing shows, for readers who cannot see it.
    public var alternative: String
    /// The page and anchor it belongs to, from beside the page: `../large-ep.html#fig-dag-full`.
    public var backHref: String
    public var backTitle: String
}
