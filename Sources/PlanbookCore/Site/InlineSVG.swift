/// Turns a standalone SVG document from Graphviz into markup that can sit inside an HTML page.
///
/// Drops the XML prolog, doctype and comments (which carry Graphviz's version), prefixes every `id` and every
/// reference to one (`url(#…)`, `href="#…"`) so that ids stay unique when a page holds several drawings, and labels
/// the drawing for screen readers.
public enum InlineSVG {
    /// The `<svg>` element of `svg` with ids prefixed by `idPrefix-` and `label` as its accessible name.
    public static func make(_ svg: String, idPrefix: String, label: String) -> String {
        guard let start = svg.firstRange(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        body = removingComments(body)
        body = body.replacing(" id=\"", with: " id=\"\(idPrefix)-")
        body = body.replacing("url(#", with: "url(#\(idPrefix)-")
        body = body.replacing("href=\"#", with: "href=\"#\(idPrefix)-")
        body = body.replacing("<svg ", with: "<svg role=\"img\" aria-label=\"\(HTML.escape(label))\" ", maxReplacements: 1)
        while body.last?.isWhitespace == true { body.removeLast() }
        return body
    }

    private static func removingComments(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "<!--") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "-->") else { return result }
            rest = rest[close.upperBound...]
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        return result + rest
    }
}
