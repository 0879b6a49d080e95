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
///
/// Read from the drawing's UTF-8 bytes (every name and number it looks for is ASCII): a large Graphviz drawing is
/// megabytes, read once per page it is shown on.
struct SVGMetrics: Sendable, Equatable {
    var width: Double
    var height: Double
    /// The smallest `font-size` in the drawing at its natural size, in CSS pixels; nil when it has no text.
    var smallestFont: Double?

    init?(_ svg: String) {
        var svg = svg
        guard let metrics = svg.withUTF8({ Self.read(ByteText($0)) }) else { return nil }
        self = metrics
    }

    private init(width: Double, height: Double, smallestFont: Double?) {
        self.width = width
        self.height = height
        self.smallestFont = smallestFont
    }

    private static func read(_ text: ByteText) -> SVGMetrics? {
        guard let open = text.find("<svg", from: 0) else { return nil }
        let tagEnd = text.find(">", from: open) ?? text.count
        let tag = open + 4..<tagEnd
        guard let width = length(text, attribute("width", in: tag, of: text)),
            let height = length(text, attribute("height", in: tag, of: text)), width > 0
        else { return nil }
        // User units per CSS pixel: the viewBox's width against the element's.
        var scale = 1.0
        if let box = attribute("viewBox", in: tag, of: text) {
            let values = text.string(box).split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if values.count == 4, values[2] > 0 { scale = width / values[2] }
        }
        var smallest: Double?
        var from = open
        while let found = text.find("font-size=\"", from: from) {
            let start = found + 11
            let digits = start..<text.end(of: start, while: { $0.isASCIIDigit || $0 == UInt8(ascii: ".") })
            if let size = Double(text.string(digits)), size > 0 { smallest = min(smallest ?? .infinity, size * scale) }
            from = start
        }
        return SVGMetrics(width: width, height: height, smallestFont: smallest)
    }

    /// The narrowest width at which the smallest text is still `fontSize` CSS pixels tall.
    func minimumWidth(forFont fontSize: Double) -> Double {
        guard let smallestFont else { return 0 }
        return (width * fontSize / smallestFont).rounded(.up)
    }

    /// The byte range of the value of attribute `name` in the start tag at `tag`.
    private static func attribute(_ name: String, in tag: Range<Int>, of text: ByteText) -> Range<Int>? {
        let pattern = name + "=\""
        var from = tag.lowerBound
        while let found = text.find(pattern, from: from), found < tag.upperBound {
            let start = found + pattern.utf8.count
            if found == tag.lowerBound || [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(
                text[found - 1])
            {
                return start..<min(text.end(of: start, while: { $0 != UInt8(ascii: "\"") }), tag.upperBound)
            }
            from = start
        }
        return nil
    }

    /// A length in CSS pixels: "890pt" → 1186.67, "560" or "560px" → 560.
    private static func length(_ text: ByteText, _ range: Range<Int>?) -> Double? {
        guard let range else { return nil }
        let digitsEnd = text.end(of: range.lowerBound, while: { $0.isASCIIDigit || $0 == UInt8(ascii: ".") })
        guard digitsEnd <= range.upperBound, let value = Double(text.string(range.lowerBound..<digitsEnd)) else {
            return nil
        }
        switch text.string(digitsEnd..<range.upperBound) {
        case "pt": return value * 4 / 3
        case "", "px": return value
        default: return nil
        }
    }
}

/// UTF-8 bytes searched for ASCII patterns.
private struct ByteText {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var count: Int { bytes.count }
    subscript(index: Int) -> UInt8 { bytes[index] }

    /// The offset of the first `pattern` at or after `from`.
    func find(_ pattern: String, from: Int) -> Int? {
        let needle = Array(pattern.utf8)
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = from
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The first offset at or after `start` whose byte does not satisfy `predicate` (or the end).
    func end(of start: Int, while predicate: (UInt8) -> Bool) -> Int {
        var index = start
        while index < bytes.count, predicate(bytes[index]) { index += 1 }
        return index
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension UInt8 {
    fileprivate var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
