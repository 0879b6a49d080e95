/// Writes any `Encodable` value as JSON, without Foundation: the one JSON writer of plan programs, for their records
/// and for downloads such as a plan's figures.
///
/// Keys keep the order the value encodes them in, or are sorted (`sortedKeys`); output is compact or indented by two
/// spaces (`pretty`). Strings escape `"`, `\` and control characters only; a `Double` is written in Swift's shortest
/// round-trip form, and a non-finite one as the string `"inf"`, `"-inf"` or `"nan"` (decode with Foundation's
/// `.convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")`).
public struct JSONWriter: Sendable {
    public var sortedKeys: Bool
    public var pretty: Bool

    public init(sortedKeys: Bool = false, pretty: Bool = false) {
        self.sortedKeys = sortedKeys
        self.pretty = pretty
    }

    /// `value` as JSON text. A value whose encoding throws is written as far as it got.
    public func text<T: Encodable>(_ value: T) -> String {
        let root = JSONSlot()
        do {
            try JSONSlot.Encoder(slot: root, codingPath: []).encodeValue(value)
        } catch {
            // The types written here encode without throwing; nothing to report.
        }
        var output = ""
        write(root.node, into: &output, depth: 0)
        return output
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        // Most text needs no escape: one scan of its bytes, then one copy (a drawing's DOT runs to megabytes).
        if !text.utf8.contains(where: { $0 == 34 || $0 == 92 || $0 < 0x20 }) { return "\"" + text + "\"" }
        // Otherwise the bytes between escapes are copied in runs (DOT quotes every attribute: escapes are frequent,
        // but each run is many bytes). Only ASCII bytes are escaped, so UTF-8 sequences pass through whole.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 2)
        bytes.append(34)
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            for index in 0..<source.count {
                let byte = source[index]
                guard byte == 34 || byte == 92 || byte < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                runStart = index + 1
                bytes.append(92)  // \
                switch byte {
                case 34, 92: bytes.append(byte)  // \" and \\
                case 10: bytes.append(110)  // \n
                case 13: bytes.append(114)  // \r
                case 9: bytes.append(116)  // \t
                default:
                    // \u00XX, in lower-case hex (the byte is below 0x20).
                    let digit = { (value: UInt8) -> UInt8 in value < 10 ? 48 + value : 87 + value }
                    bytes += [117, 48, 48, digit(byte >> 4), digit(byte & 0xF)]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
        bytes.append(34)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func write(_ node: JSONNode, into output: inout String, depth: Int) {
        let indent = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        let closingIndent = pretty ? "\n" + String(repeating: "  ", count: depth) : ""
        switch node {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): output += Self.quoted(text)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                output += (index == 0 ? "" : ",") + indent
                write(item, into: &output, depth: depth + 1)
            }
            output += closingIndent + "]"
        case .object(let fields):
            guard !fields.isEmpty else { output += "{}"; return }
            let ordered = sortedKeys ? fields.sorted { $0.0 < $1.0 } : fields
            output += "{"
            for (index, (key, value)) in ordered.enumerated() {
                output += (index == 0 ? "" : ",") + indent + Self.quoted(key) + (pretty ? " : " : ":")
                write(value, into: &output, depth: depth + 1)
            }
            output += closingIndent + "}"
        }
    }
}

/// A JSON value, as the writer builds it.
indirect enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([(String, JSONNode)])

    /// A primitive value's node, or nil for a value that encodes itself.
    static func primitive(_ value: Any) -> JSONNode? {
        switch value {
        case let value as Bool: return .bool(value)
        case let value as String: return .string(value)
        case let value as Double: return number(value)
        case let value as Float: return number(Double(value))
        case let value as any BinaryInteger: return .number("\(value)")
        default: return nil
        }
    }

    static func number(_ value: Double) -> JSONNode {
        guard value.isFinite else { return .string(value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")) }
        return .number("\(value)")
    }
}
