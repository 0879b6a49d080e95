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
        // Otherwise one pass counts the bytes the escapes add and a second writes the literal into a string of exactly
        // that size (DOT quotes every attribute: a drawing's megabytes hold escapes every few bytes). Only ASCII bytes
        // are escaped, so UTF-8 sequences pass through whole.
        var text = text
        return text.withUTF8 { source -> String in
            var size = source.count + 2
            for byte in source where byte == 34 || byte == 92 || byte < 0x20 {
                size += byte == 34 || byte == 92 || byte == 10 || byte == 13 || byte == 9 ? 1 : 5
            }
            return String(unsafeUninitializedCapacity: size) { output in
                var end = 0
                func put(_ byte: UInt8) {
                    output[end] = byte
                    end += 1
                }
                put(34)
                for byte in source {
                    guard byte == 34 || byte == 92 || byte < 0x20 else {
                        put(byte)
                        continue
                    }
                    put(92)  // \
                    switch byte {
                    case 34, 92: put(byte)  // \" and \\
                    case 10: put(110)  // \n
                    case 13: put(114)  // \r
                    case 9: put(116)  // \t
                    default:
                        // \u00XX, in lower-case hex (the byte is below 0x20).
                        let digit = { (value: UInt8) -> UInt8 in value < 10 ? 48 + value : 87 + value }
                        for part in [117, 48, 48, digit(byte >> 4), digit(byte & 0xF)] as [UInt8] { put(part) }
                    }
                }
                put(34)
                return end
            }
        }
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
