import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown parsing by libcmark-gfm: the CommonMark reference implementation with GitHub's extensions (pipe tables,
/// strikethrough, autolinks, task lists), which readers of Markdown expect.
///
/// This is the only file that touches cmark pointers. `parse` turns the C tree into Swift values at once
/// (`MarkdownDocument`) and frees it; everything else works on the Swift tree. Raw HTML is kept, as CommonMark
/// specifies (cmark's `UNSAFE` option); Planbook checks it elsewhere.
public enum CommonMark {
    private static let options = CMARK_OPT_UNSAFE
    /// The GitHub extensions every document is parsed with.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// `source` as a tree of Swift values.
    public static func parse(_ source: String) -> MarkdownDocument {
        var document = MarkdownDocument(blocks: [])
        withDocument(source) { root, _ in
            var converter = Converter()
            document.blocks = converter.blocks(under: root, enclosingLine: 1)
        }
        return document
    }

    /// `source` rendered by cmark-gfm's own HTML renderer: the reference `MarkdownHTML` is tested against.
    public static func referenceHTML(_ source: String) -> String {
        var html = ""
        withDocument(source) { root, extensions in html = takeString(cmark_render_html(root, options, extensions)) }
        return html
    }

    /// Parses `source` with the GitHub extensions and hands the tree and the parser's extension list to `body`;
    /// frees both afterwards.
    private static func withDocument(
        _ source: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> Void
    ) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(options) else { return }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        let utf8 = Array(source.utf8)
        utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(root) }
        body(root, cmark_parser_get_syntax_extensions(parser))
    }

    /// Copies the C tree into Swift values, numbering nodes in document order.
    private struct Converter {
        var nextID = 0

        mutating func blocks(under parent: OpaquePointer, enclosingLine: Int) -> [MarkdownBlock] {
            children(of: parent).compactMap { block($0, enclosingLine: enclosingLine) }
        }

        mutating func block(_ node: OpaquePointer, enclosingLine: Int) -> MarkdownBlock? {
            let position = self.position(node, enclosingLine: enclosingLine)
            let id = takeID()
            var block = MarkdownBlock(id: id, position: position, kind: .paragraph)
            let line = position.line
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH: block.inlines = inlines(under: node, enclosingLine: line)
            case CMARK_NODE_HEADING:
                block.kind = .heading(level: Int(cmark_node_get_heading_level(node)), anchor: nil)
                block.inlines = inlines(under: node, enclosingLine: line)
            case CMARK_NODE_CODE_BLOCK:
                block.kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(node))
            case CMARK_NODE_HTML_BLOCK: block.kind = .html(literal(node))
            case CMARK_NODE_THEMATIC_BREAK: block.kind = .thematicBreak
            case CMARK_NODE_BLOCK_QUOTE:
                block.kind = .blockQuote
                block.children = blocks(under: node, enclosingLine: line)
            case CMARK_NODE_LIST:
                block.kind = .list(
                    ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                    start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
                block.children = blocks(under: node, enclosingLine: line)
            case CMARK_NODE_ITEM:
                let isTask = typeName(node) == "tasklist"
                block.kind = .item(task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
                block.children = blocks(under: node, enclosingLine: line)
            default:
                switch typeName(node) {
                case "table":
                    let count = Int(cmark_gfm_extensions_get_table_columns(node))
                    let raw = cmark_gfm_extensions_get_table_alignments(node)
                    block.kind = .table(alignments: (0..<count).map { index in
                        raw.flatMap { $0[index] == 0 ? nil : Character(UnicodeScalar($0[index])) }
                    })
                    block.children = blocks(under: node, enclosingLine: line)
                case "table_row", "table_header":
                    block.kind = .tableRow(header: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
                    block.children = blocks(under: node, enclosingLine: line)
                case "table_cell":
                    block.kind = .tableCell
                    block.inlines = inlines(under: node, enclosingLine: line)
                default:
                    return nil
                }
            }
            return block
        }

        mutating func inlines(under parent: OpaquePointer, enclosingLine: Int) -> [MarkdownInline] {
            var result: [MarkdownInline] = []
            for node in children(of: parent) {
                guard let inline = inline(node, enclosingLine: enclosingLine) else { continue }
                // cmark splits text at characters that might open a link or an emphasis; join such runs back.
                if case .text(let text) = inline.kind, let last = result.last, case .text(let previous) = last.kind {
                    result[result.count - 1].kind = .text(previous + text)
                } else {
                    result.append(inline)
                }
            }
            return result
        }

        mutating func inline(_ node: OpaquePointer, enclosingLine: Int) -> MarkdownInline? {
            let position = self.position(node, enclosingLine: enclosingLine)
            var inline = MarkdownInline(id: takeID(), position: position, kind: .softBreak)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: inline.kind = .text(literal(node))
            case CMARK_NODE_SOFTBREAK: inline.kind = .softBreak
            case CMARK_NODE_LINEBREAK: inline.kind = .lineBreak
            case CMARK_NODE_CODE: inline.kind = .code(literal(node))
            case CMARK_NODE_HTML_INLINE: inline.kind = .html(literal(node))
            case CMARK_NODE_EMPH: inline.kind = .emphasis
            case CMARK_NODE_STRONG: inline.kind = .strong
            case CMARK_NODE_LINK:
                inline.kind = .link(.url(string(cmark_node_get_url(node))), title: string(cmark_node_get_title(node)))
            case CMARK_NODE_IMAGE:
                inline.kind = .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            default:
                guard typeName(node) == "strikethrough" else { return nil }
                inline.kind = .strikethrough
            }
            inline.children = inlines(under: node, enclosingLine: position.line)
            return inline
        }

        mutating func takeID() -> Int {
            defer { nextID += 1 }
            return nextID
        }

        func position(_ node: OpaquePointer, enclosingLine: Int) -> MarkdownPosition {
            let line = Int(cmark_node_get_start_line(node))
            guard line > 0 else { return MarkdownPosition(line: max(1, enclosingLine), column: 1) }
            return MarkdownPosition(line: line, column: max(1, Int(cmark_node_get_start_column(node))))
        }

        func children(of node: OpaquePointer) -> [OpaquePointer] {
            var result: [OpaquePointer] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                result.append(current)
                child = cmark_node_next(current)
            }
            return result
        }

        func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

        func typeName(_ node: OpaquePointer) -> String { string(cmark_node_get_type_string(node)) }
    }

    // MARK: - C strings

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Copies a string cmark allocated for the caller, and frees it.
    private static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

private func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
