/// Whether a drawing may be published: Graphviz's SVG (a `dot` block's `URL=` becomes a link) and the SVG of chart
/// records (which any plan program can print) reach reviewers' browsers twice — as a file they open, read as XML,
/// and inline in a page, as `InlineSVG` writes it. Both forms are parsed (XML, strictly) and checked against the SVG
/// allow-list; a drawing that passes is published byte for byte as it was.
public enum SVGSanitizer {
    /// What the allow-list would remove from `svg`; empty when it may be published.
    public static func removals(in svg: String) -> [MarkupSanitizer.Removal] {
        switch LibXML2.parseXML(svg) {
        case .failure(let error): return removal("markup that is not well-formed XML (\(error.message))", line: error.line)
        case .success(let document):
            if let problem = prologProblem(document.prolog, rootName: document.root.name,
                                           hasInternalSubset: document.hasInternalSubset, inline: false) {
                return problem
            }
            let removals = MarkupSanitizer.removals(inSVG: document.root)
            return removals.isEmpty ? inlineRemovals(InlineSVG.make(svg, idPrefix: "p", label: "")) : removals
        }
    }

    /// A sentence naming what would be removed ("the element `<script>`, and 2 more"), or nil.
    public static func summary(_ removals: [MarkupSanitizer.Removal]) -> String? {
        guard let first = removals.first else { return nil }
        return first.what + (removals.count > 1 ? ", and \(removals.count - 1) more" : "")
    }

    /// What would be removed from the inline form of a drawing whose file passed. It has the file's elements and
    /// attributes (checked there), less its comments, plus a role and a label: what remains to check is that it
    /// parses as one tree of nothing but elements and text — read from libxml2's tree, not copied (`XMLShape`).
    private static func inlineRemovals(_ inline: String) -> [MarkupSanitizer.Removal] {
        switch LibXML2.parseXMLShape(inline) {
        case .failure(let error):
            return removal("markup that is not well-formed XML (\(error.message)) once inlined", line: error.line)
        case .success(let shape):
            if let problem = prologProblem(shape.prolog, rootName: shape.rootName,
                                           hasInternalSubset: shape.hasInternalSubset, inline: true) {
                return problem
            }
            if let (what, line) = shape.firstNonElement { return removal("\(what) inside the drawing", line: line) }
            return []
        }
    }

    /// What is wrong before or at the root element: a doctype of its own entities, a comment before an inline
    /// drawing, anything but a doctype (or, inline, anything at all) before the root, a root that is not `<svg>`.
    private static func prologProblem(
        _ prolog: [MarkupNode], rootName: String, hasInternalSubset: Bool, inline: Bool
    ) -> [MarkupSanitizer.Removal]? {
        if hasInternalSubset { return removal("a doctype that declares its own entities", line: 1) }
        for node in prolog {
            switch node {
            case .comment(_, let line) where inline: return removal("a comment before the drawing", line: line)
            case .other(let kind, let line) where kind != "a doctype" || inline: return removal(kind, line: line)
            default: continue
            }
        }
        guard rootName == "svg" else { return removal("a root element `<\(rootName)>`", line: 1) }
        return nil
    }

    private static func removal(_ what: String, line: Int) -> [MarkupSanitizer.Removal] {
        [MarkupSanitizer.Removal(what: what, line: line, needle: "<", piece: 0)]
    }
}
