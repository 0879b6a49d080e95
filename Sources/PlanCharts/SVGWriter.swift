import PlanKit

/// Builds SVG markup one element at a time: escaped text and attributes, coordinates with at most two decimals,
/// so that the same drawing always gives byte-identical text.
///
/// Attributes are written in the order given; an attribute whose value is empty is left out.
struct SVGWriter {
    /// The markup written so far (the document's body, without the `<svg>` element around it).
    private(set) var markup = ""

    /// An element with no children, or with `text` as its escaped content.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) {
        markup += "<\(name)\(Self.attributes(attributes))"
        if let text { markup += ">\(Self.escape(text))</\(name)>\n" } else { markup += "/>\n" }
    }

    /// Opens an element that `close` ends.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        markup += "<\(name)\(Self.attributes(attributes))>\n"
    }

    /// Ends the element `open` began.
    mutating func close(_ name: String) { markup += "</\(name)>\n" }

    /// A rectangle; `extra` attributes follow the geometry.
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String,
                       extra: KeyValuePairs<String, String> = [:]) {
        markup += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" "
            + "height=\"\(Self.n(max(0, height)))\" fill=\"\(fill)\"\(Self.attributes(extra))/>\n"
    }

    /// A straight line in `color` (the text colour unless given) at `opacity`.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, opacity: Double = 1,
                       width: Double = 1, color: String = "currentColor", extra: KeyValuePairs<String, String> = [:]) {
        markup += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" "
            + "stroke=\"\(color)\"" + (opacity == 1 ? "" : " stroke-opacity=\"\(Self.n(opacity))\"")
            + (width == 1 ? "" : " stroke-width=\"\(Self.n(width))\"") + "\(Self.attributes(extra))/>\n"
    }

    /// Text at (x, y); `anchor` is start, middle or end; `extra` may set weight, opacity, fill or transform.
    mutating func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start",
                       size: Double = ChartStyle.fontSize, extra: KeyValuePairs<String, String> = [:]) {
        markup += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\""
            + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")
            + (size == ChartStyle.fontSize ? "" : " font-size=\"\(Self.n(size))\"")
            + "\(Self.attributes(extra))>\(Self.escape(content))</text>\n"
    }

    /// Markup built elsewhere, appended as it is.
    mutating func raw(_ text: String) { markup += text }

    /// `value` with at most two decimals and no trailing zeros ("12", "3.5", "-0.25"); never "-0".
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = SIFormat.fixed(value, decimals: 2)
        while text.contains("."), text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// `text` with the five XML special characters escaped (PlanKit's one escaper, `Markup`).
    static func escape(_ text: String) -> String { Markup.escaped(text) }

    private static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
        var out = ""
        for (key, value) in pairs where !value.isEmpty { out += " \(key)=\"\(escape(value))\"" }
        return out
    }

    /// A standalone SVG document: XML prolog, `<svg>` sized `width` × `height` with a matching viewBox, the page's
    /// fonts and `currentColor`, then `<title>` and `<desc>` (named by `aria-labelledby`), `defs` and `body`.
    static func document(width: Double, height: Double, title: String, desc: String, defs: String = "",
                         body: String) -> String {
        let w = n(width)
        let h = n(height)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
            + "role=\"img\" aria-labelledby=\"title desc\" font-family=\"\(escape(ChartStyle.fontFamily))\" "
            + "font-size=\"\(n(ChartStyle.fontSize))\" fill=\"currentColor\">\n"
            + "<title id=\"title\">\(escape(title))</title>\n"
            + "<desc id=\"desc\">\(escape(desc))</desc>\n"
            + (defs.isEmpty ? "" : "<defs>\n\(defs)</defs>\n")
            + body
            + "</svg>\n"
    }
}
