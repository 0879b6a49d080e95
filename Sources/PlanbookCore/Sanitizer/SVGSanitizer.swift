/// Whether a drawing may be published: Graphviz's SVG (a `dot` block's `URL=` becomes a link) and the SVG of chart
/// records (which any plan program can print) reach reviewers' browsers twice — as a file they open, read as XML,
/// and inline in a page, as `InlineSVG` writes it. Both forms are parsed (XML, strictly) and checked against the SVG
/// allow-list; a drawing that passes is published byte for byte as it was.
public enum SVGSanitizer {
    /// What the allow-list would remove from `svg`; empty when it may be published.
    public static func removals(in svg: String) -> [MarkupSanitizer.Removal] {
        var removals = check(svg, inline: false)
        if removals.isEmpty { removals = check(InlineSVG.make(svg, idPrefix: "p", label: ""), inline: true) }
        return removals
    }

    /// A sentence naming what would be removed ("the element `<script>`, and 2 more"), or nil.
    public static func summary(_ removals: [MarkupSanitizer.Removal]) -> String? {
        guard let first = removals.first else { return nil }
        return first.what + (removals.count > 1 ? ", and \(removals.count - 1) more" : "")
    }

    private static func check(_ svg: String, inline: Bool) -> [MarkupSanitizer.Removal] {
        func removal(_ what: String, line: Int) -> [MarkupSanitizer.Removal] {
            [MarkupSanitizer.Removal(what: what, line: line, needle: "<", piece: 0)]
        }
        let document: LibXML2.XMLDocument
        switch LibXML2.parseXML(svg) {
        case .success(let parsed): document = parsed
        case .failure(let error):
            return removal(
                "markup that is not well-formed XML (\(error.message))\(inline ? " once inlined" : "")",
                line: error.line)
        }
        if document.hasInternalSubset { return removal("a doctype that declares its own entities", line: 1) }
        for node in document.prolog {
            switch node {
            case .comment(_, let line) where inline: return removal("a comment before the drawing", line: line)
            case .other(let kind, let line) where kind != "a doctype" || inline: return removal(kind, line: line)
            default: continue
            }
        }
        guard document.root.name == "svg" else { return removal("a root element `<\(document.root.name)>`", line: 1) }
        guard inline else { return MarkupSanitizer.removals(inSVG: document.root) }
        // The inline form has the file's elements and attributes (checked above), less its comments, plus a role and
        // a label: what remains to check is that it parses as the same one tree, with nothing but elements and text.
        if let (what, line) = firstNonElement(in: document.root) { return removal("\(what) inside the drawing", line: line) }
        return []
    }

    private static func firstNonElement(in element: MarkupElement) -> (String, Int)? {
        for child in element.children {
            switch child {
            case .comment(_, let line): return ("a comment", line)
            case .other(let kind, let line): return (kind, line)
            case .element(let inner): if let found = firstNonElement(in: inner) { return found }
            case .text: continue
            }
        }
        return nil
    }
}
