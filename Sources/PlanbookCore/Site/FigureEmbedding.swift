/// How a figure's drawing goes into its page: inline, sized so that no text in it renders below a legible size, or —
/// past `inlineLimit` bytes of SVG — as a linked, lazy-loaded image that opens on a page of its own.
///
/// An inline drawing keeps its natural width where the page has room, and breaks out of the text column when it is
/// wider (`figure-wide`); it shrinks to fit no further than keeps its smallest text at `desktopFontSize` CSS pixels
/// on a wide screen and `phoneFontSize` on a phone, and scrolls sideways inside its box beyond that. Forms that must
/// stand alone (self-contained pages, the bundle: `LinkScope.embedsFiles`) inline every drawing.
public struct FigureEmbedding: Sendable, Equatable {
    /// Drawings of more SVG bytes than this are linked files instead of inline (`--inline-limit`, in kB).
    public var inlineLimit: Int
    /// The smallest text size an inline figure may render at, in CSS pixels, on a desktop and on a phone.
    public static let desktopFontSize = 9.0
    public static let phoneFontSize = 7.0
    /// The default `inlineLimit`: 256 kB, which keeps every page of the seed study under 1 MB.
    public static let defaultInlineLimit = 256 * 1024
    /// The width of the text column a figure has before it breaks out, in CSS pixels (70ch of the page's text).
    static let columnWidth = 670.0

    public init(inlineLimit: Int = FigureEmbedding.defaultInlineLimit) { self.inlineLimit = inlineLimit }

    /// Whether `svg` goes into a page written with `scope` as a linked file.
    func links(_ svg: String, scope: LinkScope) -> Bool { !scope.embedsFiles && svg.utf8.count > inlineLimit }
}

/// What a page needs to know of an SVG drawing to size it: its natural size in CSS pixels and the smallest text in
/// it at that size, read from the root element's `width`, `height` and `viewBox` (Graphviz writes points, PlanKit's
/// charts pixels) and every `font-size` attribute.
struct SVGMetrics: Sendable, Equatable {
    var width: Double
    var height: Double
    /// The smallest `font-size` in the drawing at its natural size, in CSS pixels; nil when it has no text.
    var smallestFont: Double?

    init?(_ svg: String) {
        guard let open = svg.firstRange(of: "<svg") else { return nil }
        let tag = svg[open.upperBound...].prefix { $0 != ">" }
        guard let width = Self.length(Self.attribute("width", in: tag)),
            let height = Self.length(Self.attribute("height", in: tag)), width > 0
        else { return nil }
        self.width = width
        self.height = height
        // User units per CSS pixel: the viewBox's width against the element's.
        let box = Self.attribute("viewBox", in: tag)?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap {
            Double($0)
        }
        let scale = box.flatMap { $0.count == 4 && $0[2] > 0 ? width / $0[2] : nil } ?? 1
        var smallest: Double?
        var rest = svg[open.lowerBound...]
        while let found = rest.firstRange(of: "font-size=\"") {
            let digits = rest[found.upperBound...].prefix { $0.isNumber || $0 == "." }
            if let size = Double(digits), size > 0 { smallest = min(smallest ?? .infinity, size * scale) }
            rest = rest[found.upperBound...]
        }
        smallestFont = smallest
    }

    /// The narrowest width at which the smallest text is still `fontSize` CSS pixels tall.
    func minimumWidth(forFont fontSize: Double) -> Double {
        guard let smallestFont else { return 0 }
        return (width * fontSize / smallestFont).rounded(.up)
    }

    /// The value of attribute `name` in the text of a start tag.
    private static func attribute(_ name: String, in tag: Substring) -> Substring? {
        var search = tag[...]
        while let found = search.firstRange(of: "\(name)=\"") {
            let before = search[..<found.lowerBound].last
            if before == nil || before == " " || before == "\n" || before == "\t" {
                return search[found.upperBound...].prefix { $0 != "\"" }
            }
            search = search[found.upperBound...]
        }
        return nil
    }

    /// A length in CSS pixels: "890pt" → 1186.67, "560" or "560px" → 560.
    private static func length(_ text: Substring?) -> Double? {
        guard let text else { return nil }
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits) else { return nil }
        switch text.dropFirst(digits.count) {
        case "pt": return value * 4 / 3
        case "", "px": return value
        default: return nil
        }
    }
}
