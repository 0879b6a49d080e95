import PlanKit

/// Renders a `MarkdownDocument` to HTML as cmark-gfm's renderer does (tested against it, node kind by node kind),
/// writing ids and links through a `LinkScope` so that each emitted form (site folder, self-contained page, one-file
/// bundle) gets its own without rewriting finished HTML. Page parts render themselves.
public struct MarkdownHTML: Sendable {
    /// How ids and links are written.
    public let scope: LinkScope

    public init(scope: LinkScope = .site) { self.scope = scope }

    /// The HTML of `blocks`.
    public func html(_ blocks: [MarkdownBlock]) -> String {
        var output = Output()
        for block in blocks { render(block, tight: false, into: &output) }
        return output.text
    }

    /// The HTML of `inlines`.
    public func html(_ inlines: [MarkdownInline]) -> String {
        var output = Output()
        for inline in inlines { render(inline, into: &output) }
        return output.text
    }

    /// Text escaped as cmark escapes it: `&`, `<`, `>` and `"`.
    public static func escape(_ text: String) -> String { Markup.escaped(text, apostrophes: false) }

    /// A URL escaped as cmark escapes link destinations: unsafe bytes percent-encoded, `&` and `'` as entities.
    public static func escapeURL(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;"
            case UInt8(ascii: "'"): result += "&#x27;"
            default:
                if urlSafe.contains(byte) {
                    result.unicodeScalars.append(UnicodeScalar(byte))
                } else {
                    let hex = String(byte, radix: 16, uppercase: true)
                    result += "%" + (hex.count == 1 ? "0" : "") + hex
                }
            }
        }
        return result
    }

    private static let urlSafe: Set<UInt8> = Set(
        Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+!*(),%#@?=;:/$~".utf8))

    // MARK: - Blocks

    /// cmark's output buffer: `cr()` starts a line unless one was just started.
    private struct Output {
        var text = ""
        mutating func cr() { if let last = text.utf8.last, last != 10 { text += "\n" } }
    }

    private func render(_ block: MarkdownBlock, tight: Bool, into output: inout Output) {
        switch block.kind {
        case .paragraph:
            if tight {
                output.text += html(block.inlines)
            } else {
                output.cr()
                output.text += "<p>" + html(block.inlines) + "</p>\n"
            }
        case .heading(let level, let anchor):
            output.cr()
            output.text += "<h\(level)" + (anchor.map { " id=\"\(scope.id($0))\"" } ?? "") + ">"
            output.text += html(block.inlines) + "</h\(level)>\n"
        case .codeBlock(let info, let code):
            output.cr()
            let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            output.text += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(Self.escape(language))\">"
            output.text += Self.escape(code) + "</code></pre>\n"
        case .html(let html):
            output.cr()
            output.text += html
            output.cr()
        case .thematicBreak:
            output.cr()
            output.text += "<hr />\n"
        case .blockQuote:
            output.cr()
            output.text += "<blockquote>\n"
            for child in block.children { render(child, tight: false, into: &output) }
            output.cr()
            output.text += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            output.cr()
            output.text += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
            for item in block.children { render(item, tight: isTight, into: &output) }
            output.text += ordered ? "</ol>\n" : "</ul>\n"
        case .item(let task):
            output.cr()
            output.text += "<li>"
            if let checked = task {
                output.text += checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                    : "<input type=\"checkbox\" disabled=\"\" /> "
            }
            for child in block.children { render(child, tight: tight, into: &output) }
            output.text += "</li>\n"
        case .table, .tableRow, .tableCell:
            renderTable(block, into: &output)
        case .part(let part):
            output.cr()
            output.text += part.html(self)
        }
    }

    private func renderTable(_ table: MarkdownBlock, into output: inout Output) {
        guard case .table(let alignments) = table.kind else { return }
        output.cr()
        output.text += "<table>"
        var bodyOpen = false
        for row in table.children {
            guard case .tableRow(let header) = row.kind else { continue }
            output.cr()
            if header {
                output.text += "<thead>"
                output.cr()
            } else if !bodyOpen {
                output.text += "<tbody>"
                output.cr()
                bodyOpen = true
            }
            output.text += "<tr>"
            for (index, cell) in row.children.enumerated() {
                output.cr()
                let align = index < alignments.count ? alignments[index] : nil
                let attribute = align.map { [" align=\"left\"", " align=\"center\"", " align=\"right\""][["l", "c", "r"].firstIndex(of: $0) ?? 0] } ?? ""
                output.text += (header ? "<th" : "<td") + attribute + ">" + html(cell.inlines) + (header ? "</th>" : "</td>")
            }
            output.cr()
            output.text += "</tr>"
            if header {
                output.cr()
                output.text += "</thead>"
            }
        }
        if bodyOpen {
            output.cr()
            output.text += "</tbody>"
            output.cr()
        }
        output.cr()
        output.text += "</table>"
        output.cr()
    }

    // MARK: - Inlines

    private func render(_ inline: MarkdownInline, into output: inout Output) {
        switch inline.kind {
        case .text(let text): output.text += Self.escape(text)
        case .softBreak: output.text += "\n"
        case .lineBreak: output.text += "<br />\n"
        case .code(let code): output.text += "<code>" + Self.escape(code) + "</code>"
        case .html(let html): output.text += html
        case .emphasis: output.text += "<em>" + html(inline.children) + "</em>"
        case .strong: output.text += "<strong>" + html(inline.children) + "</strong>"
        case .strikethrough: output.text += "<del>" + html(inline.children) + "</del>"
        case .link(let destination, let title):
            output.text += "<a href=\"" + href(destination) + "\""
            if !title.isEmpty { output.text += " title=\"" + Self.escape(title) + "\"" }
            output.text += ">" + html(inline.children) + "</a>"
        case .image(let source, let title):
            output.text += "<img src=\"" + Self.escapeURL(source) + "\" alt=\""
                + Self.escape(inline.children.map(\.plainText).joined()) + "\""
            if !title.isEmpty { output.text += " title=\"" + Self.escape(title) + "\"" }
            output.text += " />"
        case .part(let part): output.text += part.html(self)
        }
    }

    private func href(_ destination: MarkdownLink) -> String {
        switch destination {
        case .url(let url):
            if url.hasPrefix("#") { return "#" + Self.escapeURL(scope.id(String(url.dropFirst()))) }
            return Self.escapeURL(url)
        case .page(let slug, let anchor):
            return Self.escapeURL(scope.page(slug, anchor))
        }
    }
}

/// How one emitted form of a page writes its ids, its links to pages and its links to downloads.
///
/// In the site folder and in self-contained pages ids are as given and pages are files (`large-ep.html#memory`);
/// in the one-file bundle each page's ids are prefixed with its name (`large-ep--memory`) and page links point
/// inside the file. Self-contained pages and the bundle embed downloads as `data:` links.
public struct LinkScope: Sendable {
    /// The id an anchor `id` of this page takes.
    public var id: @Sendable (String) -> String
    /// The link to page `slug` (at `anchor`, if given).
    public var page: @Sendable (_ slug: String, _ anchor: String?) -> String
    /// The attributes of a link to the download at `path` (relative to the site root): `href="…"`, and for an
    /// embedded file a `download="NAME"` too.
    public var download: @Sendable (_ path: String, _ contents: String) -> String

    public init(
        id: @escaping @Sendable (String) -> String, page: @escaping @Sendable (String, String?) -> String,
        download: @escaping @Sendable (String, String) -> String
    ) {
        self.id = id
        self.page = page
        self.download = download
    }

    /// Pages as files of the site folder, downloads as files beside them; file names percent-encoded where a URL
    /// would read them otherwise (`SitePath`: a report `q&a #2.md` is `q&a%20%232.html`).
    public static let site = LinkScope(
        id: { $0 }, page: { slug, anchor in SitePath.href("\(slug).html") + (anchor.map { "#\($0)" } ?? "") },
        download: { path, _ in "href=\"\(MarkdownHTML.escape(SitePath.href(path)))\"" })
}
