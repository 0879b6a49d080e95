/// The sentence each inline value stands in, as the page reads it — other inline values shown as their text — for
/// `planbook diff` and the "What changed" page to say where a number is ("Decode takes 10.6 ms per output token.").
struct InlineSentences {
    /// The longest sentence kept whole; a longer one is cut around the value.
    static let longest = 200

    /// The sentence of each inline code span, by its node id.
    private(set) var sentences: [Int: String] = [:]

    /// The sentences of `document`'s inline values; `shown(node)` is the text the page shows for the code span `node`
    /// (nil for a code span that is not an inline value).
    init(_ document: MarkdownDocument, shown: (Int) -> String?) {
        for block in document.blocks { visit(block, shown: shown) }
    }

    private mutating func visit(_ block: MarkdownBlock, shown: (Int) -> String?) {
        if !block.inlines.isEmpty { read(block.inlines, shown: shown) }
        for child in block.children { visit(child, shown: shown) }
    }

    /// The text of `inlines` with each value in place, split into sentences; each value gets its sentence.
    private mutating func read(_ inlines: [MarkdownInline], shown: (Int) -> String?) {
        var text: [Character] = []
        var values: [(node: Int, start: Int, end: Int)] = []
        func append(_ inline: MarkdownInline) {
            switch inline.kind {
            case .code(let code):
                if let value = shown(inline.id) {
                    values.append((inline.id, text.count, text.count + value.count))
                    text += value
                } else {
                    text += code
                }
            case .text(let part): text += part
            case .softBreak, .lineBreak: text.append(" ")
            default: inline.children.forEach(append)
            }
        }
        inlines.forEach(append)
        guard !values.isEmpty else { return }
        let bounds = Self.sentenceBounds(text)
        for value in values {
            let sentence = bounds.first { $0.contains(value.start) } ?? 0..<text.count
            sentences[value.node] = Self.trimmed(text, sentence, around: value.start..<value.end)
        }
    }

    /// Where each sentence of `text` starts and ends: after `.`, `?` or `!` followed by a space (not inside a
    /// number such as "10.6").
    static func sentenceBounds(_ text: [Character]) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < text.count {
            let character = text[index]
            if ".?!".contains(character), index + 1 == text.count || text[index + 1].isWhitespace {
                bounds.append(start..<index + 1)
                start = index + 1
            }
            index += 1
        }
        if start < text.count { bounds.append(start..<text.count) }
        return bounds
    }

    /// The sentence `range` of `text`, without surrounding spaces, cut to `longest` characters around `value`.
    static func trimmed(_ text: [Character], _ range: Range<Int>, around value: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text[lower].isWhitespace { lower += 1 }
        while upper > lower, text[upper - 1].isWhitespace { upper -= 1 }
        guard upper - lower > longest else { return String(text[lower..<upper]) }
        let room = max(0, longest - (value.upperBound - value.lowerBound)) / 2
        let from = max(lower, value.lowerBound - room)
        let to = min(upper, value.upperBound + room)
        return (from > lower ? "…" : "") + String(text[from..<to]).trimmingSpaces + (to < upper ? "…" : "")
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    fileprivate var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
