import PlanKit

/// Keeps of parsed HTML or SVG only what the allow-list allows, and says what it removed.
///
/// HTML is written back from the tree (canonical markup: lowercase names, attributes in double quotes, `&`, `<`,
/// `>` and `"` escaped), so what a browser reads is what was checked, whatever the source's quirks; markup that
/// needs no change comes back byte for byte. SVG documents are only checked: a drawing that passes is published as
/// it is. Marker comments (`markerPrefix` followed by a number) split the output into pieces, so that raw HTML
/// spread over a report can be checked as the one stream a browser parses (see `RawHTMLSanitizer`).
public struct MarkupSanitizer {
    /// One thing the sanitizer removed.
    public struct Removal: Sendable, Equatable {
        /// What it was, for an error message: "the element `<iframe>`", "the attribute `onerror=` of `<img>`".
        public var what: String
        /// The line of the parsed text it was on.
        public var line: Int
        /// Text that starts it in the source, to find its column (`<iframe`, `onerror`).
        public var needle: String
        /// The piece of output it was in (counting marker comments before it).
        public var piece: Int
    }

    private enum Dialect { case html, svgInHTML, svg }

    private let markerPrefix: String?
    /// Whether markup is written out (HTML), or only checked (SVG documents).
    private let writes: Bool
    private var pieces: [String] = [""]
    /// The numbers of the marker comments, in the order met.
    private var markers: [Int] = []
    private var removals: [Removal] = []

    private init(markerPrefix: String?, writes: Bool) {
        self.markerPrefix = markerPrefix
        self.writes = writes
    }

    /// `nodes` (the content of an HTML body) sanitized: the markup split at marker comments, the markers' numbers in
    /// the order they were met, and what was removed.
    public static func sanitizeHTML(
        _ nodes: [MarkupNode], markerPrefix: String? = nil
    ) -> (pieces: [String], markers: [Int], removals: [Removal]) {
        var sanitizer = MarkupSanitizer(markerPrefix: markerPrefix, writes: true)
        for node in nodes { sanitizer.walk(node, dialect: .html, live: true) }
        return (sanitizer.pieces, sanitizer.markers, sanitizer.removals)
    }

    /// What the allow-list would remove from an SVG document's root element.
    public static func removals(inSVG root: MarkupElement) -> [Removal] {
        var sanitizer = MarkupSanitizer(markerPrefix: nil, writes: false)
        sanitizer.walk(.element(root), dialect: .svg, live: true)
        return sanitizer.removals
    }

    // MARK: - Walking

    /// `live` is false inside a removed element: nothing is written or reported there, but markers still count.
    private mutating func walk(_ node: MarkupNode, dialect: Dialect, live: Bool) {
        switch node {
        case .element(let element):
            walk(element, dialect: dialect, live: live)
        case .text(let text):
            if live && writes { emit(Markup.escaped(text, quotes: false, apostrophes: false)) }
        case .comment(let text, let line):
            if let markerPrefix, text.hasPrefix(markerPrefix), let number = Int(text.dropFirst(markerPrefix.count)) {
                markers.append(number)
                pieces.append("")
            } else if dialect == .svg {
                return  // an XML comment ends at the first "--": it cannot hide markup from an XML parser
            } else if Self.isSafeComment(text) {
                if live && writes { emit("<!--\(text)-->") }
            } else if live {
                remove("a comment holding markup or `--`", line: line, needle: "<!--")
            }
        case .other(let kind, let line):
            if live { remove(kind, line: line, needle: "<") }
        }
    }

    private mutating func walk(_ element: MarkupElement, dialect: Dialect, live: Bool) {
        let dialect = dialect == .html && element.name == "svg" ? .svgInHTML : dialect
        let allowed: Bool
        switch dialect {
        case .html: allowed = AllowList.htmlElements.contains(element.name)
        case .svgInHTML: allowed = AllowList.svgElementsByLowercase[element.name] != nil
        case .svg:
            allowed =
                AllowList.svgElements.contains(element.name)
                && (element.namespace == nil || element.namespace == AllowList.svgNamespace)
        }
        guard allowed else {
            if live { remove("the element `<\(element.name)>`", line: element.line, needle: "<\(element.name)") }
            for child in element.children { walk(child, dialect: dialect, live: false) }
            return
        }
        var tag = writes ? "<\(element.name)" : ""
        for attribute in element.attributes {
            if let problem = Self.problem(with: attribute, of: element, dialect: dialect) {
                if live { remove(problem, line: element.line, needle: attribute.name) }
                continue
            }
            guard writes else { continue }
            tag +=
                attribute.value.map { " \(attribute.name)=\"\(Markup.escaped($0, apostrophes: false))\"" }
                ?? " \(attribute.name)"
        }
        let emitsTags = live && writes
        if dialect == .svgInHTML && element.children.isEmpty {
            if emitsTags { emit(tag + "/>") }
            return
        }
        if emitsTags { emit(tag + ">") }
        if dialect == .html && AllowList.voidElements.contains(element.name) { return }
        for child in element.children { walk(child, dialect: dialect, live: live) }
        if emitsTags { emit("</\(element.name)>") }
    }

    private mutating func emit(_ text: String) { pieces[pieces.count - 1] += text }

    private mutating func remove(_ what: String, line: Int, needle: String) {
        removals.append(Removal(what: what, line: line, needle: needle, piece: pieces.count - 1))
    }

    // MARK: - Attributes

    /// Nil when the attribute may stay; else what is wrong with it.
    private static func problem(with attribute: MarkupAttribute, of element: MarkupElement, dialect: Dialect) -> String?
    {
        let name: String
        switch dialect {
        case .html:
            name = attribute.name
            if let use = AllowList.htmlURLAttributes[element.name]?[name] {
                return URLPolicy.problem(with: attribute.value ?? "", as: use).map { urlProblem($0, name, element) }
            }
            return AllowList.htmlAttributes.contains(name) ? nil : "the attribute `\(name)=` of `<\(element.name)>`"
        case .svgInHTML:
            if attribute.name == "xmlns" || attribute.name == "xmlns:xlink" { return nil }
            name = AllowList.svgAttributesByLowercase[attribute.name] ?? attribute.name
        case .svg:
            switch attribute.namespace {
            case nil: name = attribute.name
            case AllowList.xlinkNamespace?: name = "xlink:" + attribute.localName
            case AllowList.xmlNamespace?: name = "xml:" + attribute.localName
            default: return "the attribute `\(attribute.name)=` of `<\(element.name)>` (in another namespace)"
            }
        }
        let elementName = dialect == .svg ? element.name : AllowList.svgElementsByLowercase[element.name] ?? element.name
        let value = attribute.value ?? ""
        if let use = AllowList.svgURLAttributes[elementName]?[name] {
            return URLPolicy.problem(with: value, as: use).map { urlProblem($0, name, element) }
        }
        guard AllowList.svgAttributes.contains(name) else { return "the attribute `\(name)=` of `<\(element.name)>`" }
        if name == "style", let problem = styleProblem(value) { return "\(problem) in `style=` of `<\(element.name)>`" }
        if let problem = urlFunctionProblem(value) { return "\(problem) in `\(name)=` of `<\(element.name)>`" }
        return nil
    }

    private static func urlProblem(_ problem: String, _ name: String, _ element: MarkupElement) -> String {
        "a URL with \(problem) in `\(name)=` of `<\(element.name)>`"
    }

    /// A problem with a `style` attribute of SVG: only presentation properties, and no escapes, at-rules or
    /// URLs other than `url(#id)`.
    static func styleProblem(_ css: String) -> String? {
        for declaration in css.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            let property = parts.first.map { $0.trimmingCharacters(in: " \t\n").lowercased() } ?? ""
            if parts.count < 2 {
                if property.isEmpty { continue }
                return "an unreadable declaration `\(declaration)`"
            }
            guard AllowList.svgProperties.contains(property) else { return "the property `\(property)`" }
            let value = parts[1].lowercased()
            if value.contains("\\") || value.contains("<") || value.contains("@") || value.contains("expression")
                || value.contains("javascript")
            {
                return "a value that can run script or hide text (`\(parts[1])`)"
            }
            if let problem = urlFunctionProblem(String(parts[1])) { return problem }
        }
        return nil
    }

    /// A problem with `url(…)` in an attribute value: only `url(#id)` (a part of the same drawing) may appear.
    static func urlFunctionProblem(_ value: String) -> String? {
        // Most values (coordinates, colours) hold no "(": look no further. Drawings run to megabytes.
        guard value.utf8.contains(40) else { return nil }
        var rest = Substring(value.lowercased())
        while let start = rest.firstRange(of: "url(") {
            rest = rest[start.upperBound...]
            let target = rest.prefix { $0 != ")" }.trimmingCharacters(in: " \t\n\"'")
            if !target.hasPrefix("#") { return "a `url(\(target))` outside the drawing" }
        }
        return nil
    }

    // MARK: - Text

    /// A comment every browser reads as this comment and nothing else: HTML ends comments early at `--!>`, `<!-->`
    /// and `<!--->`, and old browsers read `<!--[if …]>` as markup; so no `--`, no angle brackets, no leading `[`.
    static func isSafeComment(_ text: String) -> Bool {
        !text.contains("--") && !text.contains("<") && !text.contains(">") && !text.hasPrefix("[")
            && !text.hasSuffix("-")
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        return String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
