/// A DOT graph with the text that cannot move its layout taken out, so that graphs that differ only in that text share
/// one Graphviz layout — a parameter change that only changes the tensor shapes in a DAG's tooltips and the numbers in
/// its legend is drawn without laying the graph out again.
///
/// Graphviz places nodes by the sizes of their labels; tooltips (`tooltip`, `edgetooltip`, `labeltooltip`,
/// `headtooltip`, `tailtooltip`) never count. Nor does the text of a graph's own label when `dot` sets every line of
/// it at the left margin (`labeljust="l"`, lines ending `\l`): the lines start at the same x whatever their width, so
/// only the number of lines counts — as long as the label is narrower than the drawing, which `fits(_:measured:)`
/// checks on the laid-out template against a bound on the text's width, or Graphviz's measure of the label alone where
/// the bound cannot tell. Each such text becomes a marker `PB#n#`; the template
/// is laid out (and cached) in place of the graph, and `filled(_:)` writes the texts into the SVG escaped as Graphviz
/// escapes them. Every drawing goes through its template, whether its layout was cached or not, so the bytes do not
/// depend on what the cache held. Text Graphviz would expand or interpret (backslash escapes, `&` entities, control
/// characters) is left in the DOT, as is the label of a graph with a cluster that would inherit it and of a graph too
/// small for a second layout to be worth risking (`labelStatements`); such DOT is only shared when it is equal.
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

    /// The template of `dot` laid out with `engine`. With `keepingLabel`, the graph's label stays in the DOT (for a
    /// graph narrower than its label, see `fits(_:)`), as it does in graphs of fewer than `labelStatements`
    /// statements.
    public init(dot source: String, engine: String, keepingLabel: Bool = false, labelStatements: Int = labelStatements) {
        let bytes = Array(source.utf8)
        guard !Self.contains(Self.markerPrefix, in: bytes) else {
            (dot, texts, labelWidthBound, markerWidthBound, labelMeasurement) = (source, [], nil, 0, nil)
            return
        }
        let scan = DOTScan(bytes)
        var replacements: [(range: Range<Int>, text: String)] = scan.tooltips.compactMap { range in
            Self.plainText(bytes[range]).map { (range, $0) }
        }
        var bound: Double?
        var measurement: String?
        let size = scan.rootFontSize ?? 14  // Graphviz's default font size
        if !keepingLabel, engine == "dot", scan.statements >= labelStatements, let label = scan.rootLabel, scan.rootLabelJustification == "l",
            let lines = Self.leftJustifiedLines(bytes[label])
        {
            var widest = 0.0
            var start = label.lowerBound
            for line in lines {
                let end = start + line.utf8.count
                replacements.append((start..<end, line))
                widest = max(widest, Self.widthBound(line, fontSize: size))
                start = end + 2  // past `\l`
            }
            bound = widest
            let font = scan.rootFont.map { [("fontname", $0)] } ?? []
            let sizeAttribute = scan.rootFontSizeText.map { [("fontsize", $0)] } ?? []
            let attributes = [("label", "\"" + String(decoding: bytes[label], as: UTF8.self) + "\""), ("labeljust", "l")]
                + font + sizeAttribute
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
        markerWidthBound = Self.widthBound(String(decoding: Self.marker(texts.count), as: UTF8.self), fontSize: size)
        labelWidthBound = bound
        labelMeasurement = measurement
    }

    /// Whether the template's drawing `svg` is wider than its graph label, so that the label's text did not set the
    /// drawing's width and any text of as many lines gives the same layout (always, when the label stayed in the DOT).
    /// Graphviz pads a graph label by 8 pt a side and the drawing by 4 pt; with 16 pt more as a margin, the bound on
    /// the text's width decides when it can; otherwise `measured`, Graphviz's drawing of `labelMeasurement` (the
    /// label alone, as wide as its padded text plus the drawing's margins), must be narrower than the template's.
    public func fits(_ svg: String, measured: String? = nil) -> Bool {
        guard let bound = labelWidthBound else { return true }
        guard let width = Self.drawingWidth(svg), markerWidthBound + 40 <= width else { return false }
        if bound + 40 <= width { return true }
        guard let measured, let labelWidth = Self.drawingWidth(measured) else { return false }
        return labelWidth + 1 <= width
    }

    /// `svg`, the template's drawing, with each marker replaced by its text, escaped as Graphviz escapes text.
    public func filled(_ svg: String) -> String {
        guard !texts.isEmpty else { return svg }
        let escaped = texts.map(Self.escaped)
        let bytes = Array(svg.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + escaped.reduce(0) { $0 + $1.count })
        var cursor = 0
        var index = 0
        while index + Self.markerPrefix.count < bytes.count {
            guard bytes[index] == 80, Self.matches(Self.markerPrefix, in: bytes, at: index) else {
                index += 1
                continue
            }
            var digit = index + Self.markerPrefix.count
            var number = 0
            // At most nine digits: more than any graph has texts, and no overflow on text that only looks like one.
            while digit < bytes.count, digit < index + Self.markerPrefix.count + 9, (48...57).contains(bytes[digit]) {
                number = number * 10 + Int(bytes[digit] - 48)
                digit += 1
            }
            guard digit < bytes.count, bytes[digit] == 35, number < escaped.count else {
                index += 1
                continue
            }
            output.append(contentsOf: bytes[cursor..<index])
            output.append(contentsOf: escaped[number])
            index = digit + 1
            cursor = index
        }
        output.append(contentsOf: bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Markers and text

    private static let markerPrefix = Array("PB#".utf8)

    private static func marker(_ index: Int) -> [UInt8] { markerPrefix + Array("\(index)#".utf8) }

    /// The text of a quoted DOT value when Graphviz shows it as written: no backslash escapes, no `&` (entities), no
    /// control characters.
    private static func plainText(_ bytes: ArraySlice<UInt8>) -> String? {
        guard !bytes.isEmpty, !bytes.contains(where: { $0 == 92 || $0 == 38 || $0 < 32 || $0 == 127 }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines of a label whose every line ends `\l` and holds plain text in scripts the pinned font covers; nil
    /// otherwise.
    private static func leftJustifiedLines(_ bytes: ArraySlice<UInt8>) -> [String]? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasSuffix("\\l") else { return nil }
        let lines = text.dropLast(2).split(separator: "\\l", omittingEmptySubsequences: false).map(String.init)
        for line in lines {
            guard let plain = plainText(ArraySlice(line.utf8)), !plain.isEmpty,
                plain.unicodeScalars.allSatisfy(coveredByBound)
            else { return nil }
        }
        return lines
    }

    /// Scripts whose glyphs in DejaVu Sans (the pinned font) are at most 1.1 em wide when ASCII and 1.6 em otherwise:
    /// Latin, Greek, Cyrillic, and the punctuation, arrows and mathematical operators of U+2000–U+22FF.
    private static func coveredByBound(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x2000...0x22FF: return true
        default: return false
        }
    }

    /// An upper bound on the width in points of `line` set in the pinned font at `fontSize` points.
    private static func widthBound(_ line: String, fontSize: Double) -> Double {
        line.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1.1 : 1.6) } * fontSize
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
            case 34: output += Array("&quot;".utf8)
            case 39: output += Array("&#39;".utf8)
            case 32 where previous == 32: output += Array("&#160;".utf8)
            default: output.append(byte)
            }
            previous = byte
        }
        return output
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for offset in needle.indices where bytes[index + offset] != needle[offset] { return false }
        return true
    }

    private static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], matches(needle, in: bytes, at: index) { return true }
            index += 1
        }
        return false
    }
}

/// What `LayoutTemplate` needs from a DOT text, found by reading its tokens (comments, quoted and HTML strings,
/// names, punctuation): the contents of every quoted tooltip value, and the root graph's own `label`, `labeljust`
/// and `fontsize` — the label only when no cluster would inherit it (a cluster without a label of its own shows its
/// parent's).
private struct DOTScan {
    private(set) var tooltips: [Range<Int>] = []
    private(set) var rootLabel: Range<Int>?
    private(set) var rootLabelJustification: String?
    private(set) var rootFontSize: Double?
    /// The root's `fontsize` and `fontname` as written (quoted when they were).
    private(set) var rootFontSizeText: String?
    private(set) var rootFont: String?
    /// The larger of the graph's `;`s and its lines, outside strings and comments.
    private(set) var statements = 0

    static let tooltipNames: Set<String> = ["tooltip", "edgetooltip", "labeltooltip", "headtooltip", "tailtooltip"]

    private enum Token: Equatable {
        case name(Range<Int>)
        case quoted(Range<Int>)  // the contents, without the quotes
        case html
        case punctuation(UInt8)
    }

    init(_ bytes: [UInt8]) {
        let (tokens, lines) = Self.tokens(bytes)
        statements = max(lines, tokens.count { $0 == .punctuation(59) })
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func written(_ token: Token) -> String? {
            switch token {
            case .quoted(let range): "\"" + text(range) + "\""
            case .name(let range): text(range)
            default: nil
            }
        }
        /// One brace scope: the root graph's body is depth 1.
        struct Scope { var isCluster: Bool; var hasLabel: Bool }
        var scopes: [Scope] = []
        var listOwner: String?  // the name before an open `[`
        var rootLabels = 0
        var labelInherited = false
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            switch token {
            case .punctuation(123):  // {
                var isCluster = false
                if index >= 2, case .name(let name) = tokens[index - 1], case .name(let keyword) = tokens[index - 2],
                    text(keyword).lowercased() == "subgraph"
                {
                    isCluster = text(name).hasPrefix("cluster")
                } else if index >= 2, case .quoted(let name) = tokens[index - 1], case .name(let keyword) = tokens[index - 2],
                    text(keyword).lowercased() == "subgraph"
                {
                    isCluster = text(name).hasPrefix("cluster")
                }
                scopes.append(Scope(isCluster: isCluster, hasLabel: false))
            case .punctuation(125):  // }
                if let scope = scopes.popLast(), scope.isCluster, !scope.hasLabel { labelInherited = true }
            case .punctuation(91):  // [
                if index >= 1, case .name(let owner) = tokens[index - 1] { listOwner = text(owner).lowercased() } else {
                    listOwner = ""
                }
            case .punctuation(93):  // ]
                listOwner = nil
            case .name(let nameRange) where index + 2 < tokens.count && tokens[index + 1] == .punctuation(61):
                let name = text(nameRange)
                let value = tokens[index + 2]
                let concatenated = index + 3 < tokens.count && tokens[index + 3] == .punctuation(43)
                // A graph's own attribute: `graph [name=…]` or a statement `name=…` in its body.
                let ownsGraph = listOwner == nil || listOwner == "graph"
                let atRoot = ownsGraph && scopes.count == 1
                if case .quoted(let range) = value, !concatenated, Self.tooltipNames.contains(name) {
                    tooltips.append(range)
                }
                if name == "label", ownsGraph, !scopes.isEmpty { scopes[scopes.count - 1].hasLabel = true }
                if atRoot {
                    let valueText: String? = switch value {
                    case .quoted(let range), .name(let range): text(range)
                    default: nil
                    }
                    switch name {
                    case "label":
                        rootLabels += 1
                        if case .quoted(let range) = value, !concatenated { rootLabel = range } else { rootLabel = nil }
                    case "labeljust": rootLabelJustification = valueText
                    case "fontsize":
                        rootFontSize = valueText.flatMap(Double.init)
                        rootFontSizeText = written(value)
                    case "fontname": rootFont = written(value)
                    default: break
                    }
                }
                index += 3
                continue
            default:
                break
            }
            index += 1
        }
        if rootLabels != 1 || labelInherited || !scopes.isEmpty { rootLabel = nil }
    }

    /// The tokens of `bytes`, comments and white space dropped, and the number of line breaks between them.
    private static func tokens(_ bytes: [UInt8]) -> (tokens: [Token], lines: Int) {
        var tokens: [Token] = []
        var lines = 0
        var index = 0
        var lineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 10:
                lines += 1
                lineStart = true
                index += 1
                continue
            case 32, 9, 13:
                index += 1
                continue
            case 35 where lineStart:  // a `#` line (preprocessor output)
                while index < bytes.count, bytes[index] != 10 { index += 1 }
                continue
            case 47 where index + 1 < bytes.count && bytes[index + 1] == 47:  // //
                while index < bytes.count, bytes[index] != 10 { index += 1 }
                continue
            case 47 where index + 1 < bytes.count && bytes[index + 1] == 42:  // /*
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == 42 && bytes[index + 1] == 47) { index += 1 }
                index += 2
                lineStart = false
                continue
            case 34:  // "
                let start = index + 1
                index = start
                while index < bytes.count, bytes[index] != 34 {
                    index += bytes[index] == 92 ? 2 : 1
                }
                tokens.append(.quoted(start..<min(index, bytes.count)))
                index += 1
            case 60:  // <
                var depth = 0
                repeat {
                    if bytes[index] == 60 { depth += 1 } else if bytes[index] == 62 { depth -= 1 }
                    index += 1
                } while index < bytes.count && depth > 0
                tokens.append(.html)
            case _ where isNameByte(byte):
                let start = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                tokens.append(.name(start..<index))
            default:
                tokens.append(.punctuation(byte))
                index += 1
            }
            lineStart = false
        }
        return (tokens, lines)
    }

    /// Letters, digits, `_`, `.`, `-` (of numerals) and every byte of a non-ASCII character.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 95 || byte == 46
            || byte >= 128
    }
}
