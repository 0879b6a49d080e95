/// A block or inline element of a Markdown document that Planbook reads or rewrites: headings, code, raw HTML, links.
///
/// `index` numbers these elements in document order; the same source always gives the same numbering, so an
/// index found by `CommonMark.elements(in:)` names the same element in `CommonMark.renderHTML(_:rewrites:)`.
public struct MarkdownElement: Sendable, Equatable {
    /// What kind of element this is.
    public enum Kind: Sendable, Equatable {
        /// An ATX or setext heading of level 1–6; `text` is its plain text.
        case heading(level: Int)
        /// A fenced or indented code block; `text` is its code, `info` the fence's info string (empty if none).
        case codeBlock(info: String)
        /// A raw HTML block; `text` is the HTML.
        case htmlBlock
        /// Raw HTML inside a paragraph; `text` is the HTML.
        case htmlInline
        /// A code span; `text` is its content.
        case inlineCode
        /// A link; `text` is its destination.
        case link
        /// An image; `text` is its source.
        case image
        /// A block quote; `text` is the plain text of its first paragraph.
        case blockQuote
        /// A run of plain text that holds an `@` (so may hold cross-references such as `@fig-layout`); `text` is it.
        case referenceText
    }

    /// Position among all elements of the document, from 0 in document order.
    public var index: Int
    /// What kind of element this is.
    public var kind: Kind
    /// Its text: plain text of a heading, code of a code block or span, HTML, or a link's destination.
    public var text: String
    /// 1-based line of the element's first character in the parsed source.
    public var line: Int
    /// 1-based column of the element's first character in the parsed source.
    public var column: Int

    /// `line` and `column` as cmark gives them; where it gives none (0, as for the contents of table cells),
    /// `enclosingLine` (the line of the nearest enclosing block) and column 1.
    public init(index: Int, kind: Kind, text: String, line: Int, column: Int, enclosingLine: Int = 1) {
        self.index = index
        self.kind = kind
        self.text = text
        self.line = line > 0 ? line : max(1, enclosingLine)
        self.column = line > 0 ? max(1, column) : 1
    }
}

/// A change to one element when rendering Markdown to HTML.
public enum MarkdownRewrite: Sendable, Equatable {
    /// Put this HTML where the element was (a block for block elements, inline for inline ones).
    case html(String)
    /// Render the heading as usual, with this `id` attribute.
    case headingID(String)
    /// Render the link as usual, pointing at this destination instead.
    case linkDestination(String)
    /// Render a block quote that starts with a GitHub alert marker (`[!NOTE]`) as a callout box:
    /// `<div class="callout callout-KIND"><p class="callout-title">TITLE</p>…</div>`, without the marker.
    case callout(kind: String, title: String)
}
