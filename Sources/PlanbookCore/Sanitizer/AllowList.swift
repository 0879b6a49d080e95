/// The elements, attributes and URLs that Planbook publishes from raw HTML and SVG — everything else is removed.
///
/// The shape of GitHub's and DOMPurify's sanitizers: an allow-list (never a list of what is forbidden), so that a
/// construct nobody thought of is dropped rather than published. Nothing on it can run script, load a frame or an
/// object, submit a form or animate an attribute; URLs keep only schemes that navigate or show an image.
public enum AllowList {
    // MARK: - HTML

    /// HTML elements that raw HTML may use (GitHub's list, with a few sectioning elements).
    public static let htmlElements: Set<String> = [
        "a", "abbr", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite", "code",
        "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "span", "strike", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var",
        "wbr",
    ]

    /// HTML elements that have no content and no end tag.
    public static let voidElements: Set<String> = ["br", "col", "hr", "img", "wbr"]

    /// Attributes any allowed HTML element may carry.
    public static let htmlAttributes: Set<String> = [
        "abbr", "align", "alt", "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "axis", "border",
        "cellpadding", "cellspacing", "char", "charoff", "class", "clear", "color", "cols", "colspan", "compact",
        "datetime", "dir", "headers", "height", "hreflang", "hspace", "id", "itemprop", "lang", "nowrap", "open",
        "rel", "rev", "reversed", "role", "rows", "rowspan", "rules", "scope", "span", "start", "summary",
        "tabindex", "target", "title", "translate", "type", "valign", "value", "vspace", "width",
    ]

    /// Attributes that hold a URL, by element, with what the URL may be.
    public static let htmlURLAttributes: [String: [String: URLPolicy.Use]] = [
        "a": ["href": .link], "img": ["src": .image], "blockquote": ["cite": .link], "q": ["cite": .link],
        "del": ["cite": .link], "ins": ["cite": .link],
    ]

    // MARK: - SVG

    /// The SVG namespace.
    public static let svgNamespace = "http://www.w3.org/2000/svg"
    /// The XLink namespace (`xlink:href`, `xlink:title`).
    public static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    /// The XML namespace (`xml:lang`, `xml:space`).
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// SVG elements that drawings may use: shapes, text, groups, links, gradients and patterns. No `script`,
    /// `style`, `foreignObject`, animation (`animate`, `set`, …) or filters.
    public static let svgElements: Set<String> = [
        "a", "circle", "clipPath", "defs", "desc", "ellipse", "g", "image", "line", "linearGradient", "marker",
        "mask", "metadata", "path", "pattern", "polygon", "polyline", "radialGradient", "rect", "stop", "svg",
        "symbol", "text", "textPath", "title", "tspan", "use",
    ]

    /// SVG presentation properties, allowed as attributes and as declarations of a `style` attribute.
    public static let svgProperties: Set<String> = [
        "alignment-baseline", "baseline-shift", "clip-path", "clip-rule", "color", "display", "dominant-baseline",
        "fill", "fill-opacity", "fill-rule", "font-family", "font-size", "font-stretch", "font-style",
        "font-variant", "font-weight", "letter-spacing", "marker-end", "marker-mid", "marker-start", "mask",
        "opacity", "paint-order", "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
        "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity",
        "stroke-width", "text-anchor", "text-decoration", "text-rendering", "vector-effect", "visibility",
        "word-spacing", "white-space",
    ]

    /// Other SVG attributes: geometry, structure and accessibility.
    public static let svgAttributes: Set<String> = svgProperties.union([
        "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "class", "clipPathUnits", "cx", "cy",
        "d", "dx", "dy", "focusable", "fr", "fx", "fy", "gradientTransform", "gradientUnits", "height", "id", "lang",
        "lengthAdjust", "markerHeight", "markerUnits", "markerWidth", "maskContentUnits", "maskUnits", "offset",
        "orient", "pathLength", "patternContentUnits", "patternTransform", "patternUnits", "points",
        "preserveAspectRatio", "r", "refX", "refY", "role", "rotate", "rx", "ry", "spreadMethod", "startOffset",
        "style", "tabindex", "target", "textLength", "transform", "version", "viewBox", "width", "x", "x1", "x2",
        "y", "y1", "y2", "xlink:title", "xlink:type", "xlink:show", "xml:lang", "xml:space",
    ])

    /// SVG attributes that hold a URL, by element, with what the URL may be.
    public static let svgURLAttributes: [String: [String: URLPolicy.Use]] = [
        "a": ["href": .link, "xlink:href": .link],
        "image": ["href": .image, "xlink:href": .image],
        "use": ["href": .fragment, "xlink:href": .fragment],
        "linearGradient": ["href": .fragment, "xlink:href": .fragment],
        "radialGradient": ["href": .fragment, "xlink:href": .fragment],
        "pattern": ["href": .fragment, "xlink:href": .fragment],
        "textPath": ["href": .fragment, "xlink:href": .fragment],
    ]

    /// `svgElements` by lowercase name, for SVG inside raw HTML (the HTML parser lowercases names, as browsers
    /// then restore them).
    static let svgElementsByLowercase = Dictionary(uniqueKeysWithValues: svgElements.map { ($0.lowercased(), $0) })
    static let svgAttributesByLowercase = Dictionary(uniqueKeysWithValues: svgAttributes.map { ($0.lowercased(), $0) })
}
