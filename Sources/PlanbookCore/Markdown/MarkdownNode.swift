/// A report's Markdown as Swift values, parsed once (see `CommonMark.parse`): blocks holding blocks or inlines, each
/// node with the place it came from and an id that names it in the document.
///
/// Site steps rewrite the tree (`MarkdownBlock.rewritten`): headings get anchors, links to reports point at pages,
/// plan blocks and figures become page parts (`MarkdownPart`). `MarkdownHTML` renders it.
public struct MarkdownDocument: Sendable {
    /// The top-level blocks, in order.
    public var blocks: [MarkdownBlock]
}

/// Where a node starts in the parsed text (1-based). Table-cell contents, which cmark-gfm gives no position, take
/// their table's line and column 1.
public struct MarkdownPosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
}

/// One block of a document.
public struct MarkdownBlock: Sendable {
    /// What the block is.
    public enum Kind: Sendable {
        case paragraph
        /// A heading; `anchor` is its id once the anchors step gave it one.
        case heading(level: Int, anchor: String?)
        /// A fenced or indented code block: the info string (empty if none) and the code.
        case codeBlock(info: String, code: String)
        /// Raw HTML.
        case html(String)
        case blockQuote
        /// A list; `tight` lists render their items' paragraphs without `<p>`.
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil, or whether a task-list box is checked.
        case item(task: Bool?)
        case thematicBreak
        /// A pipe table with each column's alignment (`l`, `c`, `r` or none).
        case table(alignments: [Character?])
        case tableRow(header: Bool)
        case tableCell
        /// A part of a Planbook page that replaced the block (a plan cell with its outputs, a figure, a callout).
        case part(any MarkdownPart)
    }

    /// The node's id: its position in document order among all nodes, from 0.
    public var id: Int
    public var position: MarkdownPosition
    public var kind: Kind
    /// Child blocks (quotes, lists, items, tables and rows).
    public var children: [MarkdownBlock] = []
    /// Inline content (paragraphs, headings, table cells).
    public var inlines: [MarkdownInline] = []
}

/// One inline node of a document.
public struct MarkdownInline: Sendable {
    /// What the inline is.
    public enum Kind: Sendable {
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case html(String)
        case emphasis
        case strong
        case strikethrough
        case link(MarkdownLink, title: String)
        case image(source: String, title: String)
        /// A part of a Planbook page that replaced the inline (an inline value, a cross-reference).
        case part(any MarkdownPart)
    }

    public var id: Int
    public var position: MarkdownPosition
    public var kind: Kind
    /// Children of emphasis, strong, strikethrough, links and images.
    public var children: [MarkdownInline] = []
}

/// Where a link points: a URL as written, or a page of the study (after the links step).
public enum MarkdownLink: Sendable, Equatable {
    case url(String)
    /// A report's page (`slug`), and an anchor in it.
    case page(slug: String, anchor: String?)

    /// The destination as written, for a `.url`.
    public var url: String? {
        if case .url(let text) = self { return text }
        return nil
    }
}

/// A piece of a Planbook page that stands in the Markdown tree where a block or inline was, and renders itself.
public protocol MarkdownPart: Sendable {
    /// The part's HTML, written with `renderer`'s links and ids.
    func html(_ renderer: MarkdownHTML) -> String
}

extension MarkdownBlock {
    /// This block with `transform` applied to every block and inline below it, innermost first: where it returns a
    /// node, that node takes the original's place.
    public func rewritten(
        blocks transformBlock: (MarkdownBlock) -> MarkdownBlock?, inlines transformInline: (MarkdownInline) -> [MarkdownInline]?
    ) -> MarkdownBlock {
        var copy = self
        copy.children = children.map { $0.rewritten(blocks: transformBlock, inlines: transformInline) }
        copy.inlines = inlines.flatMap { $0.rewritten(transformInline) }
        return transformBlock(copy) ?? copy
    }
}

extension MarkdownInline {
    /// This inline, its children rewritten by `transform`, then itself (replaced by what `transform` returns).
    public func rewritten(_ transform: (MarkdownInline) -> [MarkdownInline]?) -> [MarkdownInline] {
        var copy = self
        copy.children = children.flatMap { $0.rewritten(transform) }
        return transform(copy) ?? [copy]
    }

    /// The plain text of this inline and its children (code as its text, breaks as spaces).
    public var plainText: String {
        switch kind {
        case .text(let text), .code(let text): return text
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }
}

extension MarkdownDocument {
    /// The document with every node rewritten (see `MarkdownBlock.rewritten`).
    public func rewritten(
        blocks: (MarkdownBlock) -> MarkdownBlock?, inlines: (MarkdownInline) -> [MarkdownInline]? = { _ in nil }
    ) -> MarkdownDocument {
        MarkdownDocument(blocks: self.blocks.map { $0.rewritten(blocks: blocks, inlines: inlines) })
    }
}
