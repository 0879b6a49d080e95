/// A block or inline element of a Markdown document that Planbook reads or rewrites: headings, code, raw HTML, links.
///
/// A flat view of a `MarkdownDocument` for the steps that read it (`MarkdownDocument.elements`); `index` is the
/// node's id in the tree, so a step that found an element can replace that node.
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

extension MarkdownDocument {
    /// The headings, code blocks, raw HTML, code spans, links, images, block quotes and text runs holding an `@` of
    /// the document, in document order.
    public var elements: [MarkdownElement] {
        var result: [MarkdownElement] = []
        func visit(_ block: MarkdownBlock) {
            let position = block.position
            func element(_ kind: MarkdownElement.Kind, _ text: String) {
                result.append(MarkdownElement(index: block.id, kind: kind, text: text, line: position.line, column: position.column))
            }
            switch block.kind {
            case .heading(let level, _): element(.heading(level: level), block.inlines.map(\.plainText).joined())
            case .codeBlock(let info, let code): element(.codeBlock(info: info), code)
            case .html(let html): element(.htmlBlock, html)
            case .blockQuote: element(.blockQuote, block.children.first.map(\.plainText) ?? "")
            default: break
            }
            block.children.forEach(visit)
            block.inlines.forEach(visit)
        }
        func visit(_ inline: MarkdownInline) {
            let position = inline.position
            func element(_ kind: MarkdownElement.Kind, _ text: String) {
                result.append(MarkdownElement(index: inline.id, kind: kind, text: text, line: position.line, column: position.column))
            }
            switch inline.kind {
            case .html(let html): element(.htmlInline, html)
            case .code(let code): element(.inlineCode, code)
            case .link(let destination, _): element(.link, destination.url ?? "")
            case .image(let source, _): element(.image, source)
            case .text(let text) where text.contains("@"): element(.referenceText, text)
            default: break
            }
            inline.children.forEach(visit)
        }
        blocks.forEach(visit)
        return result
    }
}

extension MarkdownBlock {
    /// The plain text of the block's inlines and children.
    public var plainText: String {
        (inlines.map(\.plainText) + children.map(\.plainText)).joined()
    }
}
