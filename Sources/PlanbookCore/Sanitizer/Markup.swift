/// A parsed piece of HTML or SVG as Swift values: elements with their attributes, text, comments — what the
/// sanitizer walks. `LibXML2` makes it; nothing here points into C memory.
public indirect enum MarkupNode: Sendable, Equatable {
    /// An element with its attributes and children.
    case element(MarkupElement)
    /// Character data, with character references decoded.
    case text(String)
    /// A comment's text (between `<!--` and `-->`).
    case comment(String, line: Int)
    /// Anything else the parser found — a processing instruction, a CDATA section, an entity reference, a doctype —
    /// named by `kind`; never published.
    case other(kind: String, line: Int)
}

/// One element of a parsed document.
public struct MarkupElement: Sendable, Equatable {
    /// Its local name: lowercase for HTML, as written for XML (`linearGradient`).
    public var name: String
    /// Its namespace URI (XML only; nil in HTML and for no namespace).
    public var namespace: String?
    public var attributes: [MarkupAttribute]
    public var children: [MarkupNode]
    /// The 1-based line of the parsed text it was found on.
    public var line: Int

    public init(
        name: String, namespace: String? = nil, attributes: [MarkupAttribute] = [], children: [MarkupNode] = [],
        line: Int = 1
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
    }
}

/// One attribute of an element.
public struct MarkupAttribute: Sendable, Equatable {
    /// The name as written, with its prefix (`xlink:href`); lowercase in HTML.
    public var name: String
    /// The namespace URI of a prefixed XML attribute (`http://www.w3.org/1999/xlink`), else nil.
    public var namespace: String?
    /// The value with character references decoded; nil for an HTML attribute written without one (`<details open>`).
    public var value: String?

    /// The name without its prefix.
    public var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

    public init(name: String, namespace: String? = nil, value: String?) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}
