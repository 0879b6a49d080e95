/// `@fig-NAME` and `@tbl-NAME` in prose: links to a numbered figure or table of any page, reading "Figure 3".
///
/// A reference is `@` (not after a letter or digit, so e-mail addresses are left alone), `fig-` or `tbl-`, and a name
/// of letters, digits, `-` and `_` (a trailing `-` or `_` is not part of it). An unknown reference is an error.
public struct CrossReferences: Sendable {
    /// One numbered item and the page (its slug) that holds it.
    public struct Target: Sendable, Equatable {
        public var page: String
        public var label: String
    }

    private var targets: [String: Target] = [:]

    public init() {}

    /// Registers the items of the page `page` (its slug); the first page to use an anchor keeps it.
    public mutating func add(_ items: PageItems, page: String) {
        for item in items.items where targets[item.anchor] == nil {
            targets[item.anchor] = Target(page: page, label: item.label)
        }
    }

    /// The target of `anchor`, if any page has it.
    public func target(_ anchor: String) -> Target? { targets[anchor] }

    /// The references in `text`: their anchor and offset (in characters) from the text's start.
    public static func references(in text: String) -> [(anchor: String, offset: Int)] {
        var found: [(String, Int)] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "@", index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
            else { continue }
            let rest = String(characters[(index + 1)...].prefix(4))
            guard rest == "fig-" || rest == "tbl-" else { continue }
            var end = index + 5
            while end < characters.count, characters[end].isASCII,
                characters[end].isLetter || characters[end].isNumber || characters[end] == "-" || characters[end] == "_" {
                end += 1
            }
            while end > index + 5, characters[end - 1] == "-" || characters[end - 1] == "_" { end -= 1 }
            guard end > index + 5 else { continue }
            found.append((String(characters[(index + 1)..<end]), index))
            index = end - 1
        }
        return found
    }

    /// `text` as HTML, each known reference a link from page `page` (a slug), written by `scope`; unknown
    /// references stay as text.
    public func html(_ text: String, onPage page: String, scope: LinkScope = .site) -> String {
        var html = ""
        let characters = Array(text)
        var cursor = 0
        for (anchor, offset) in Self.references(in: text) {
            guard let target = targets[anchor] else { continue }
            html += HTML.escape(String(characters[cursor..<offset]))
            let href = HTML.escape(target.page == page ? "#\(scope.id(anchor))" : scope.page(target.page, anchor))
            html += "<a class=\"xref\" href=\"\(href)\">\(target.label)</a>"
            cursor = offset + 1 + anchor.count
        }
        return html + HTML.escape(String(characters[cursor...]))
    }

    /// The problems with the cross-references in the text runs of `outline`: each one that names no figure or
    /// table of the site.
    public func unresolved(in outline: PageOutline) -> [Diagnostic] {
        outline.document.elements.flatMap { element -> [Diagnostic] in
            guard case .referenceText = element.kind else { return [] }
            return Self.references(in: element.text).compactMap { reference -> Diagnostic? in
                guard target(reference.anchor) == nil else { return nil }
                return Diagnostic(
                    file: outline.report.path, line: outline.report.bodyFirstLine + element.line - 1,
                    column: element.column + reference.offset,
                    "unknown cross-reference `@\(reference.anchor)`; no page has a figure or table with that id")
            }
        }
    }
}

/// A run of prose holding cross-references, as links.
struct CrossReferencePart: MarkdownPart {
    var text: String
    var references: CrossReferences
    var page: String

    func html(_ renderer: MarkdownHTML) -> String { references.html(text, onPage: page, scope: renderer.scope) }
}
