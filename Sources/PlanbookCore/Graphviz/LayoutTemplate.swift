import Foundation

/// A DOT graph with the text that cannot move its layout taken out, so that graphs that differ only in that text share
/// one Graphviz layout — a parameter change that only changes the tensor shapes in a DAG's tooltips and the numbers in
/// its legend is drawn without laying the graph out again.
///
/// Graphviz places nodes by the sizes of their labels; tooltips (`tooltip`, `edgetooltip`, `labeltooltip`,
/// `headtooltip`, `tailtooltip`) never count. Nor does the text of a graph's own label when `dot` sets every line of
/// it at the left margin (`labeljust="l"`, lines ending `\l`): the lines start at the same x whatever their width, so
/// only the number of lines counts — as long as the label is narrower than the drawing, which `fits(_:measured:)`
/// checks on the laid-out template against a bound on the text's width, or Graphviz's measure of the label alone where
/// the bound cannot tell. Each such text becomes a marker `PB#n#`; the template is laid out (and cached) in place of
/// the graph, and `filled(_:)` writes the texts into the SVG escaped as Graphviz escapes them. Every drawing goes
/// through its template, whether its layout was cached or not, so the bytes do not depend on what the cache held.
///
/// Left in the DOT: text Graphviz would expand or interpret (backslash escapes, `&` entities, control characters);
/// everything, in a graph laid out by another engine than `dot`, one that joins strings with `+`, uses character
/// references or name escapes (from which Graphviz could spell a marker) or sets `charset`; the label of a graph with
/// a cluster that could inherit it, of one whose drawing is padded, scaled or turned (`labelDeclining`), and of a
/// graph too small for a second layout to be worth risking (`labelStatements`). Such DOT is only shared when equal.
public struct LayoutTemplate: Sendable, Equatable {
    /// The DOT Graphviz lays out: the graph with markers in place of the texts.
    public let dot: String
    /// The texts, in marker order (marker `PB#n#` stands for `texts[n]`).
    public let texts: [String]
    /// An upper bound on the width in points of the graph label's widest line, when its lines were taken out; nil
    /// when the label stayed in the DOT.
    public let labelWidthBound: Double?
    /// The same bound for the markers laid out in the label's place.
    private let markerWidthBound: Double
    /// A graph of the label alone, in the graph's font, for Graphviz to measure when the bound is not enough (see
    /// `fits(_:measured:)`); nil when the label stayed in the DOT.
    public let labelMeasurement: String?

    /// The fewest statements (lines or `;`s) a graph has for its label to be taken out (500): a smaller graph is laid
    /// out again in tens of milliseconds, and is often narrower than its label, which would cost a second layout
    /// (see `fits(_:)`). Its tooltips are taken out whatever its size.
    public static let labelStatements = 500

    /// Root attributes that scale, pad, turn or clip the drawing, or re-read its text (`charset`): with any of them the
    /// drawing's width is not the graph's, and the label stays in the DOT.
    static let labelDeclining: Set<String> = [
        "pad", "margin", "size", "dpi", "resolution", "rotate", "landscape", "orientation", "viewport", "ratio", "page",
        "charset",
    ]

    /// The template of `dot` laid out with `engine`. With `keepingLabel`, the graph's label stays in the DOT (for a
    /// graph narrower than its label, see `fits(_:measured:)`), as it does in graphs of fewer than `labelStatements`
    /// statements. Only `dot` layouts are templated.
    public init(dot source: String, engine: String, keepingLabel: Bool = false, labelStatements: Int = labelStatements) {
        let bytes = Array(source.utf8)
        let scan = DOTScan(bytes)
        // Text Graphviz makes from other text (joined strings, character references, `\N`-style escapes) could
        // spell a marker, and `charset` re-reads every string: such DOT is laid out as it is.
        guard engine == "dot", !scan.concatenates, !scan.rootAttributes.contains("charset"),
            !Self.spellsMarker(bytes)
        else {
            (dot, texts, labelWidthBound, markerWidthBound, labelMeasurement) = (source, [], nil, 0, nil)
            return
        }
        var replacements: [(range: Range<Int>, text: String)] = scan.tooltips.compactMap { range in
            Self.plainText(bytes[range]).map { (range, $0) }
        }
        var bound: Double?
        var measurement: String?
        // Graphviz's default font size; a size written other than as a plain number keeps the label in.
        let size: Double? = scan.rootFontSize.map { written in
            Double(written.hasPrefix("\"") ? String(written.dropFirst().dropLast()) : written)
        } ?? 14
        if !keepingLabel, scan.statements >= labelStatements, let size, size >= 1,
            scan.rootAttributes.isDisjoint(with: Self.labelDeclining), let label = scan.rootLabel,
            scan.rootLabelJustification == "l", let lines = Self.leftJustifiedLines(bytes[label])
        {
            var start = label.lowerBound
            for line in lines {
                let end = start + line.utf8.count
                replacements.append((start..<end, line))
                start = end + 2  // past `\l`
            }
            bound = lines.map { Self.widthBound($0, fontSize: size) }.max()
            let attributes = [("label", "\"" + String(decoding: bytes[label], as: UTF8.self) + "\""), ("labeljust", "l")]
                + (scan.rootFont.map { [("fontname", $0)] } ?? []) + (scan.rootFontSize.map { [("fontsize", $0)] } ?? [])
            measurement = "digraph { graph [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "] }"
        }
        replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
        guard !replacements.isEmpty else {
            (dot, texts, labelWidthBound, markerWidthBound, labelMeasurement) = (source, [], nil, 0, nil)
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for (index, replacement) in replacements.enumerated() {
            output.append(contentsOf: bytes[cursor..<replacement.range.lowerBound])
            output.append(contentsOf: Self.marker(index))
            cursor = replacement.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        texts = replacements.map(\.text)
        dot = String(decoding: output, as: UTF8.self)
        // The markers are laid out in the label's place: none is wider than the last one's.
        markerWidthBound = Self.widthBound(String(decoding: Self.marker(texts.count), as: UTF8.self), fontSize: size ?? 14)
        labelWidthBound = bound
        labelMeasurement = measurement
    }

    /// Whether the template's drawing `svg` is wider than its graph label, so that the label's text did not set the
    /// drawing's width and any text of as many lines gives the same layout (always, when the label stayed in the DOT).
    /// Graphviz pads a graph label by 8 pt a side and the drawing by 4 pt (no root attribute that pads or scales the
    /// drawing is set, see `labelDeclining`); with 16 pt more as a margin, a bound on the text's width from the
    /// pinned fonts' widest glyph decides when it can; otherwise `measured`, Graphviz's drawing of
    /// `labelMeasurement` (the label alone, as wide as its padded text plus the drawing's margins), must be
    /// narrower than the template's.
    public func fits(_ svg: String, measured: String? = nil) -> Bool {
        guard let bound = labelWidthBound else { return true }
        guard let width = Self.drawingWidth(svg), markerWidthBound + 40 <= width else { return false }
        if bound + 40 <= width { return true }
        guard let measured, let labelWidth = Self.drawingWidth(measured) else { return false }
        return labelWidth + 1 <= width
    }

    /// `svg`, the template's drawing, with each marker replaced by its text, escaped as Graphviz escapes text. The
    /// markers are found by `memchr` for their first byte (a DAG's drawing runs to megabytes, once per scenario copy).
    public func filled(_ svg: String) -> String {
        guard !texts.isEmpty else { return svg }
        let escaped = texts.map(Self.escaped)
        var svg = svg
        return svg.withUTF8 { source -> String in
            let count = source.count
            guard let base = source.baseAddress else { return "" }
            var output: [UInt8] = []
            output.reserveCapacity(count + escaped.reduce(0) { $0 + $1.count })
            var cursor = 0
            var index = 0
            // "PB#", then one to nine digits (more than any graph has texts, and no overflow on text that only
            // looks like a marker), then "#".
            while index + 3 < count, let found = memchr(base + index, 80, count - index - 3) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard source[index + 1] == 66, source[index + 2] == 35 else {
                    index += 1
                    continue
                }
                var digit = index + 3
                var number = 0
                while digit < count, digit < index + 12, (48...57).contains(source[digit]) {
                    number = number * 10 + Int(source[digit] - 48)
                    digit += 1
                }
                guard digit > index + 3, digit < count, source[digit] == 35, number < escaped.count else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[cursor..<index]))
                output.append(contentsOf: escaped[number])
                index = digit + 1
                cursor = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: source[cursor...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    // MARK: - Markers and text

    private static let markerPrefix = Array("PB#".utf8)

    /// Whether `bytes` hold text from which Graphviz could make a marker: the prefix itself (`PB#`), character
    /// references (`&#`), or the escapes it expands to names (`\N`, `\G`, `\E`, `\T`, `\H`, `\L`). One pass, looking
    /// further only at `P`, `&` and `\` (a DAG's DOT runs to megabytes).
    static func spellsMarker(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index + 1 < count {
                switch buffer[index] {
                case 80 where index + 2 < count && buffer[index + 1] == 66 && buffer[index + 2] == 35: return true
                case 38 where buffer[index + 1] == 35: return true
                case 92 where [78, 71, 69, 84, 72, 76].contains(buffer[index + 1]): return true
                default: index += 1
                }
            }
            return false
        }
    }

    private static func marker(_ index: Int) -> [UInt8] { markerPrefix + Array("\(index)#".utf8) }

    /// The text of a quoted DOT value when Graphviz shows it as written: no backslash escapes, no `&` (entities), no
    /// control characters.
    private static func plainText(_ bytes: ArraySlice<UInt8>) -> String? {
        guard !bytes.isEmpty, !bytes.contains(where: { $0 == 92 || $0 == 38 || $0 < 32 || $0 == 127 }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines of a label whose every line ends `\l` and holds plain text; nil otherwise.
    private static func leftJustifiedLines(_ bytes: ArraySlice<UInt8>) -> [String]? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasSuffix("\\l") else { return nil }
        let lines = text.dropLast(2).split(separator: "\\l", omittingEmptySubsequences: false).map(String.init)
        for line in lines {
            guard let plain = plainText(ArraySlice(line.utf8)), !plain.isEmpty else { return nil }
        }
        return lines
    }

    /// An upper bound on the width in points of `line` set at `fontSize` points in any of the pinned fonts: each
    /// character as wide as their widest glyph (`PinnedFont.widestAdvance`) and a tenth more for kerning, or infinite
    /// when that is not known.
    private static func widthBound(_ line: String, fontSize: Double) -> Double {
        guard let widest = (try? PinnedFont.pinned.get())?.widestAdvance else { return .infinity }
        return Double(line.unicodeScalars.count) * widest * 1.1 * fontSize
    }

    /// The width in points Graphviz gave its drawing (`<svg width="2480pt"`).
    private static func drawingWidth(_ svg: String) -> Double? {
        guard let start = svg.utf8.firstRange(of: "<svg width=\"".utf8) else { return nil }
        let digits = svg.utf8[start.upperBound...].prefix { (48...57).contains($0) || $0 == 46 }
        return Double(String(decoding: digits, as: UTF8.self))
    }

    /// `text` escaped as Graphviz's `xml_string0` escapes plain text in SVG (a space after a space becomes a no-break
    /// space, and `-` is written as a character reference).
    static func escaped(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 60: output += Array("&lt;".utf8)
            case 62: output += Array("&gt;".utf8)
            case 45: output += Array("&#45;".utf8)
            case 39: output += Array("&#39;".utf8)
            case 32 where previous == 32: output += Array("&#160;".utf8)
            default: output.append(byte)
            }
            previous = byte
        }
        return output
    }
}
