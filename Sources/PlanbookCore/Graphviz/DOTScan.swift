/// What `LayoutTemplate` needs to know of a DOT text, found by reading its tokens as cgraph's scanner does (comments
/// `//…`, `/*…*/` and `#…` to the end of the line; quoted strings with their escapes; HTML strings; names;
/// punctuation): the contents of every quoted tooltip value, the root graph's own attributes — its `label` (only when
/// no cluster could inherit it: a cluster without a label of its own shows its parent's), `labeljust`, `fontsize`,
/// `fontname`, and the names of all it sets — whether strings are joined with `+`, and how many statements it has.
struct DOTScan {
    /// The contents (without quotes) of each quoted tooltip value, at any level.
    private(set) var tooltips: [Range<Int>] = []
    /// The contents of the root graph's quoted `label`, when it is set once and no cluster could inherit it.
    private(set) var rootLabel: Range<Int>?
    /// The root's `labeljust`, `fontsize` and `fontname` values as written (quoted values with their quotes).
    private(set) var rootLabelJustification: String?
    private(set) var rootFontSize: String?
    private(set) var rootFont: String?
    /// The names of every attribute the root graph sets for itself.
    private(set) var rootAttributes: Set<String> = []
    /// Whether some strings are joined with `+` (their text is then not any one token's).
    private(set) var concatenates = false
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
        concatenates = tokens.contains(.punctuation(43))
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func written(_ token: Token) -> String? {
            switch token {
            case .quoted(let range): "\"" + text(range) + "\""
            case .name(let range): text(range)
            default: nil
            }
        }
        /// An attribute's name: a name token, or a quoted one (cgraph takes `"labeljust"=r` as `labeljust=r`).
        func attributeName(_ token: Token) -> String? {
            switch token {
            case .name(let range), .quoted(let range): text(range)
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
                scopes.append(Scope(isCluster: Self.opensCluster(tokens, at: index, text: text), hasLabel: false))
            case .punctuation(125):  // }
                if let scope = scopes.popLast(), scope.isCluster, !scope.hasLabel { labelInherited = true }
            case .punctuation(91):  // [
                if index >= 1, case .name(let owner) = tokens[index - 1] { listOwner = text(owner).lowercased() } else {
                    listOwner = ""
                }
            case .punctuation(93):  // ]
                listOwner = nil
            case _ where index + 2 < tokens.count && tokens[index + 1] == .punctuation(61):
                guard let name = attributeName(token) else { break }
                let value = tokens[index + 2]
                // A graph's own attribute: `graph [name=…]` or a statement `name=…` in its body.
                let ownsGraph = listOwner == nil || listOwner == "graph"
                let atRoot = ownsGraph && scopes.count == 1
                if case .quoted(let range) = value, Self.tooltipNames.contains(name) { tooltips.append(range) }
                if name == "label", ownsGraph, !scopes.isEmpty { scopes[scopes.count - 1].hasLabel = true }
                if atRoot {
                    rootAttributes.insert(name)
                    switch name {
                    case "label":
                        rootLabels += 1
                        if case .quoted(let range) = value { rootLabel = range } else { rootLabel = nil }
                    case "labeljust":
                        if case .quoted(let range) = value { rootLabelJustification = text(range) } else {
                            rootLabelJustification = written(value)
                        }
                    case "fontsize": rootFontSize = written(value)
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

    /// Whether the `{` at `index` opens a subgraph that may be a cluster: one named `cluster…` in any case (as
    /// Graphviz's `is_a_cluster` compares), or one whose name is anything but a plain name or a quoted string without
    /// escapes (an HTML string, a name joined with `+`), which cannot be told apart here.
    private static func opensCluster(_ tokens: [Token], at index: Int, text: (Range<Int>) -> String) -> Bool {
        guard index >= 1 else { return false }
        if case .name(let keyword) = tokens[index - 1], text(keyword).lowercased() == "subgraph" { return false }
        guard index >= 2, case .name(let keyword) = tokens[index - 2], text(keyword).lowercased() == "subgraph" else {
            // `{` after anything but `subgraph NAME`: an anonymous subgraph, or a name this scan cannot read.
            if index >= 1, case .name = tokens[index - 1] { return false }
            if index >= 1, case .punctuation = tokens[index - 1] { return false }
            return true
        }
        switch tokens[index - 1] {
        case .name(let name): return text(name).lowercased().hasPrefix("cluster")
        case .quoted(let name):
            let written = text(name)
            return written.contains("\\") || written.lowercased().hasPrefix("cluster")
        default: return true
        }
    }

    /// The tokens of `bytes`, comments and white space dropped, and the number of line breaks between them.
    private static func tokens(_ bytes: [UInt8]) -> (tokens: [Token], lines: Int) {
        var tokens: [Token] = []
        var lines = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 10:
                lines += 1
                index += 1
            case 32, 9, 13:
                index += 1
            case 35:  // `#` to the end of the line, anywhere outside strings (cgraph's scanner)
                while index < bytes.count, bytes[index] != 10 { index += 1 }
            case 47 where index + 1 < bytes.count && bytes[index + 1] == 47:  // //
                while index < bytes.count, bytes[index] != 10 { index += 1 }
            case 47 where index + 1 < bytes.count && bytes[index + 1] == 42:  // /*
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == 42 && bytes[index + 1] == 47) { index += 1 }
                index += 2
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
        }
        return (tokens, lines)
    }

    /// Letters, digits, `_`, `.` (of numerals) and every byte of a non-ASCII character.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 95 || byte == 46
            || byte >= 128
    }
}
