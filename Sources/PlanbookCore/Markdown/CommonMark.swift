import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown parsing and HTML rendering by libcmark-gfm: the CommonMark reference implementation with GitHub's
/// extensions (pipe tables, strikethrough, autolinks, task lists), which readers of Markdown expect.
///
/// This is the only file that touches cmark pointers. Each function parses the source, does its work on the C tree
/// and frees the tree and the parser before returning; nothing that points into C memory escapes. Raw HTML is kept,
/// as CommonMark specifies (cmark's `UNSAFE` option); Planbook checks it elsewhere.
public enum CommonMark {
    private static let options = CMARK_OPT_UNSAFE
    /// The GitHub extensions every document is parsed with.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// The headings, code blocks, raw HTML, code spans, links and images of `source`, in document order.
    public static func elements(in source: String) -> [MarkdownElement] {
        var result: [MarkdownElement] = []
        withDocument(source) { root, _ in
            forEachElement(root) { node, kind, index, enclosingLine in
                let text: String
                switch kind {
                case .heading: text = plainText(of: node)
                case .link, .image: text = string(cmark_node_get_url(node))
                case .blockQuote: text = cmark_node_first_child(node).map(plainText(of:)) ?? ""
                default: text = string(cmark_node_get_literal(node))
                }
                result.append(MarkdownElement(
                    index: index, kind: kind, text: text,
                    line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
                    enclosingLine: enclosingLine))
            }
        }
        return result
    }

    /// `source` rendered to HTML, with the elements named by index in `rewrites` changed as they say.
    public static func renderHTML(_ source: String, rewrites: [Int: MarkdownRewrite] = [:]) -> String {
        var html = ""
        withDocument(source) { root, extensions in
            var targets: [(OpaquePointer, MarkdownElement.Kind, MarkdownRewrite)] = []
            forEachElement(root) { node, kind, index, _ in
                if let rewrite = rewrites[index] { targets.append((node, kind, rewrite)) }
            }
            // Replace after the walk (changing the tree while cmark iterates it is not allowed), innermost first, so
            // that an element rewritten as a whole (a callout, a heading) renders with its children's rewrites.
            for (node, kind, rewrite) in targets.reversed() {
                replace(node, kind: kind, with: rewrite, extensions: extensions)
            }
            html = takeString(cmark_render_html(root, options, extensions))
        }
        return html
    }

    // MARK: - Tree walking

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

    /// Visits every element in document order with its index and the start line of the nearest enclosing node
    /// that has one (cmark-gfm gives no position to the contents of table cells).
    private static func forEachElement(
        _ root: OpaquePointer, _ visit: (OpaquePointer, MarkdownElement.Kind, Int, Int) -> Void
    ) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var index = 0
        var lastKnownLine = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if line > 0 { lastKnownLine = line }
            guard let kind = kind(of: node) else { continue }
            visit(node, kind, index, lastKnownLine)
            index += 1
        }
    }

    private static func kind(of node: OpaquePointer) -> MarkdownElement.Kind? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CODE: return .inlineCode
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_TEXT:
            return string(cmark_node_get_literal(node)).contains("@") ? .referenceText : nil
        default: return nil
        }
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    // MARK: - Rewriting

    private static func replace(
        _ node: OpaquePointer, kind: MarkdownElement.Kind, with rewrite: MarkdownRewrite,
        extensions: UnsafeMutablePointer<cmark_llist>?
    ) {
        let html: String
        switch rewrite {
        case .linkDestination(let destination):
            cmark_node_set_url(node, destination)
            return
        case .html(let replacement): html = replacement
        case .callout(let kind, let title):
            html = calloutHTML(takeString(cmark_render_html(node, options, extensions)), kind: kind, title: title)
        case .headingID(let id):
            let rendered = takeString(cmark_render_html(node, options, extensions))
            guard case .heading(let level) = kind, rendered.hasPrefix("<h\(level)>") else { return }
            html = "<h\(level) id=\"\(id)\">" + rendered.dropFirst("<h\(level)>".count)
        }
        let isInline: Bool
        switch kind {
        case .htmlInline, .inlineCode, .link, .image, .referenceText: isInline = true
        default: isInline = false
        }
        guard let newNode = cmark_node_new(isInline ? CMARK_NODE_HTML_INLINE : CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(newNode, html)
        if cmark_node_replace(node, newNode) == 1 {
            cmark_node_free(node)
        } else {
            cmark_node_free(newNode)
        }
    }

    /// A rendered `<blockquote>` whose first paragraph starts with `[!KIND]`, as a callout box without the marker.
    private static func calloutHTML(_ quote: String, kind: String, title: String) -> String {
        var body = Substring(quote)
        if body.hasPrefix("<blockquote>\n") { body = body.dropFirst("<blockquote>\n".count) }
        if body.hasSuffix("</blockquote>\n") { body = body.dropLast("</blockquote>\n".count) }
        if body.hasPrefix("<p>["), let close = body.firstIndex(of: "]") {
            let rest = body[body.index(after: close)...]
            if rest.hasPrefix("</p>\n") {
                body = rest.dropFirst("</p>\n".count)
            } else {
                body = "<p>" + rest.drop { $0 == "\n" || $0 == " " }
            }
        }
        return "<div class=\"callout callout-\(kind)\">\n<p class=\"callout-title\">\(title)</p>\n\(body)</div>\n"
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
