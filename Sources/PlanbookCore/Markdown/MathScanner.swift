/// A formula in a report's Markdown: `$…$`, or `$$…$$` (display math), within one paragraph —
/// where it stands, and its TeX in pieces: TeX as written, and the code spans inside it (`` `{swift} expr` `` puts a
/// computed value into the formula).
public struct MathSpan: Sendable, Equatable {
    /// A piece of a formula; lines and columns are those of the report's body (1-based, columns in bytes, as cmark
    /// counts them).
    public enum Piece: Sendable, Equatable {
        /// TeX as written, starting at `line`:`column`.
        case tex(String, line: Int, column: Int)
        /// A code span's content, starting at `line`:`column`.
        case code(String, line: Int, column: Int)
    }

    /// Whether it is display math (`$$…$$`).
    public var display: Bool
    /// Where its opening `$` is.
    public var line: Int
    public var column: Int
    public var pieces: [Piece]
    /// How many bytes of it the masked text holds as U+0001 (all but its code spans, its line breaks and the spaces
    /// around them, which cmark may drop).
    public var maskedBytes: Int

    /// The formula as written, delimiters included.
    public var source: String {
        let delimiter = display ? "$$" : "$"
        return delimiter
            + pieces.map { piece in
                switch piece {
                case .tex(let text, _, _): text
                case .code(let text, _, _): "`\(text)`"
                }
            }.joined() + delimiter
    }
}

/// Finds the formulas of a report's Markdown before cmark reads it, and masks them, so that TeX is never read as
/// Markdown (`_`, `*` and `\` keep their meaning in `$a_1 * b_2$`): every byte of a formula but its line breaks and
/// the code spans inside it becomes U+0001, which cmark leaves in its text as it is, at the same line and column.
///
/// The rules are Pandoc's (`tex_math_dollars`): an opening `$` is followed by a non-space, a closing `$` follows a
/// non-space and is not followed by a digit, so "$5 and $6" is text; `\$` is a dollar; `$…$` and `$$…$$` (display
/// math) may run over the lines of one paragraph, but not into a line that starts another block (a heading, a list
/// item, a table row, a quote); nothing inside code blocks, code spans or raw HTML blocks is math.
public enum MathScanner {
    /// The masking byte.
    public static let mask: UInt8 = 0x01

    /// The formulas of `text` in document order, and `text` with them masked.
    public static func scan(_ text: String) -> (spans: [MathSpan], masked: String) {
        var bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "$")) else { return ([], text) }
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        for span in scanner.found {
            for index in scanner.masked(span) { bytes[index] = mask }
        }
        return (scanner.found.map { scanner.span($0) }, String(decoding: bytes, as: UTF8.self))
    }

    /// A formula found: its bytes, its code spans' bytes (backticks included), and whether it is display math.
    fileprivate struct Found {
        var range: Range<Int>
        var code: [Range<Int>]
        var display: Bool
    }

    /// The scan over the bytes, block by block: fenced code blocks and raw HTML blocks are skipped; in the other
    /// runs of lines up to a blank line, code spans are skipped and formulas found.
    private struct Scanner {
        let bytes: [UInt8]
        var found: [Found] = []
        /// The byte offset where each line starts.
        let lineStarts: [Int]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0]
            for (index, byte) in bytes.enumerated() where byte == 10 { starts.append(index + 1) }
            lineStarts = starts
        }

        mutating func run() {
            var line = 0
            while line < lineStarts.count {
                let text = lineText(line)
                if let fence = Self.fence(text) {
                    line += 1
                    while line < lineStarts.count, !Self.closes(lineText(line), fence) { line += 1 }
                    line += 1
                } else if Self.startsHTML(text) {
                    while line < lineStarts.count, !Self.isBlank(lineText(line)) { line += 1 }
                } else if Self.isBlank(text) {
                    line += 1
                } else {
                    var end = line + 1
                    while end < lineStarts.count, !Self.isBlank(lineText(end)), Self.fence(lineText(end)) == nil,
                        !Self.startsHTML(lineText(end))
                    { end += 1 }
                    scanInline(lineStarts[line]..<(end < lineStarts.count ? lineStarts[end] : bytes.count))
                    line = end
                }
            }
        }

        private func lineText(_ line: Int) -> ArraySlice<UInt8> {
            let start = lineStarts[line]
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
            return bytes[start..<max(start, end)]
        }

        /// Finds the formulas in a run of paragraph lines.
        private mutating func scanInline(_ region: Range<Int>) {
            var index = region.lowerBound
            while index < region.upperBound {
                let byte = bytes[index]
                if byte == 92, index + 1 < region.upperBound, Self.isPunctuation(bytes[index + 1]) {  // "\"
                    index += 2
                } else if byte == 96 {  // "`"
                    index = codeSpan(at: index, limit: region.upperBound)?.upperBound ?? index + run(of: 96, at: index)
                } else if byte == 36 {  // "$"
                    if let formula = formula(at: index, limit: region.upperBound) {
                        found.append(formula)
                        index = formula.range.upperBound
                    } else {
                        index += run(of: 36, at: index)
                    }
                } else {
                    index += 1
                }
            }
        }

        /// The formula opening at `start`, if it closes before `limit`.
        private func formula(at start: Int, limit: Int) -> Found? {
            let display = start + 1 < limit && bytes[start + 1] == 36
            let contentStart = start + (display ? 2 : 1)
            guard contentStart < limit else { return nil }
            if !display && [32, 9, 10].contains(bytes[contentStart]) { return nil }
            let end = paragraphEnd(from: start, limit: limit)
            var code: [Range<Int>] = []
            var index = contentStart
            while index < end {
                let byte = bytes[index]
                if byte == 92, index + 1 < end {
                    index += 2
                } else if byte == 96 {
                    if let span = codeSpan(at: index, limit: end) {
                        code.append(span)
                        index = span.upperBound
                    } else {
                        index += run(of: 96, at: index)
                    }
                } else if byte == 36 {
                    if display {
                        guard index + 1 < end, bytes[index + 1] == 36 else { return nil }
                        let content = bytes[contentStart..<index]
                        guard content.contains(where: { ![32, 9, 10].contains($0) }) else { return nil }
                        return Found(range: start..<index + 2, code: code, display: true)
                    }
                    let closes =
                        ![32, 9].contains(bytes[index - 1])
                        && !(index + 1 < limit && (48...57).contains(bytes[index + 1]))
                    if closes { return Found(range: start..<index + 1, code: code, display: false) }
                    index += 1
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// Where the paragraph holding `start` ends: at `limit`, or at the line break before a line that starts
        /// another block.
        private func paragraphEnd(from start: Int, limit: Int) -> Int {
            var line = (lineStarts.lastIndex { $0 <= start } ?? 0) + 1
            if [35, 124].contains(lineText(line - 1).drop(while: { $0 == 32 }).first) {  // a heading, a table row
                return min(limit, line < lineStarts.count ? lineStarts[line] - 1 : bytes.count)
            }
            while line < lineStarts.count, lineStarts[line] < limit {
                if Self.startsBlock(lineText(line)) { return lineStarts[line] - 1 }
                line += 1
            }
            return limit
        }

        /// The bytes of `found` the masked text holds as U+0001: all but its code spans, line breaks, and spaces and
        /// tabs next to a line break (cmark drops those at the ends of lines).
        func masked(_ found: Found) -> [Int] {
            var indexes: [Int] = []
            var index = found.range.lowerBound
            while index < found.range.upperBound {
                if let code = found.code.first(where: { $0.contains(index) }) {
                    index = code.upperBound
                    continue
                }
                if bytes[index] == 10 || bytes[index] == 32 || bytes[index] == 9 {
                    var end = index
                    while end < found.range.upperBound, [10, 32, 9].contains(bytes[end]) { end += 1 }
                    if !bytes[index..<end].contains(10) { indexes += index..<end }
                    index = end
                    continue
                }
                indexes.append(index)
                index += 1
            }
            return indexes
        }

        /// The code span opening at `start` (its backticks included), if a run of as many backticks closes it
        /// before `limit`.
        private func codeSpan(at start: Int, limit: Int) -> Range<Int>? {
            let count = run(of: 96, at: start)
            var index = start + count
            while index < limit {
                if bytes[index] == 96 {
                    let length = run(of: 96, at: index)
                    if length == count { return start..<index + length }
                    index += length
                } else {
                    index += 1
                }
            }
            return nil
        }

        private func run(of byte: UInt8, at start: Int) -> Int {
            var end = start
            while end < bytes.count, bytes[end] == byte { end += 1 }
            return end - start
        }

        /// `found` as a span: where it starts and its pieces.
        func span(_ found: Found) -> MathSpan {
            let open = found.display ? 2 : 1
            let contentEnd = found.range.upperBound - open
            var pieces: [MathSpan.Piece] = []
            var cursor = found.range.lowerBound + open
            func position(_ offset: Int) -> (line: Int, column: Int) {
                let line = (lineStarts.lastIndex { $0 <= offset } ?? 0)
                return (line + 1, offset - lineStarts[line] + 1)
            }
            func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            for code in found.code {
                if cursor < code.lowerBound {
                    let at = position(cursor)
                    pieces.append(.tex(text(cursor..<code.lowerBound), line: at.line, column: at.column))
                }
                let ticks = run(of: 96, at: code.lowerBound)
                let at = position(code.lowerBound + ticks)
                pieces.append(
                    .code(text(code.lowerBound + ticks..<code.upperBound - ticks), line: at.line, column: at.column))
                cursor = code.upperBound
            }
            if cursor < contentEnd {
                let at = position(cursor)
                pieces.append(.tex(text(cursor..<contentEnd), line: at.line, column: at.column))
            }
            let start = position(found.range.lowerBound)
            return MathSpan(
                display: found.display, line: start.line, column: start.column, pieces: pieces,
                maskedBytes: masked(found).count)
        }

        // MARK: - Lines

        /// A fence opening a code block: up to three spaces, then three or more backticks or tildes (a backtick
        /// fence's info string holds no backtick).
        static func fence(_ line: ArraySlice<UInt8>) -> (byte: UInt8, count: Int)? {
            let content = line.drop { $0 == 32 }
            guard line.count - content.count <= 3, let first = content.first, first == 96 || first == 126 else {
                return nil
            }
            let count = content.prefix { $0 == first }.count
            guard count >= 3 else { return nil }
            if first == 96 && content.dropFirst(count).contains(96) { return nil }
            return (first, count)
        }

        /// Whether `line` closes a code block opened by `fence`.
        static func closes(_ line: ArraySlice<UInt8>, _ fence: (byte: UInt8, count: Int)) -> Bool {
            let content = line.drop { $0 == 32 }
            guard line.count - content.count <= 3 else { return false }
            let count = content.prefix { $0 == fence.byte }.count
            return count >= fence.count && content.dropFirst(count).allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
        }

        /// Whether `line` starts a raw HTML block: up to three spaces, `<` and a letter, `/`, `!` or `?`.
        static func startsHTML(_ line: ArraySlice<UInt8>) -> Bool {
            let content = line.drop { $0 == 32 }
            guard line.count - content.count <= 3, content.first == 60, let next = content.dropFirst().first else {
                return false
            }
            return (65...90).contains(next) || (97...122).contains(next) || next == 47 || next == 33 || next == 63
        }

        /// Whether `line` starts a block other than a paragraph's next line: a heading, a list item, a quote or a
        /// table row.
        static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
            let content = line.drop { $0 == 32 }
            guard line.count - content.count <= 3, let first = content.first else { return false }
            let second = content.dropFirst().first
            switch first {
            case 35, 62, 124: return true  // "#", ">", "|"
            case 42, 43, 45: return second == 32 || second == 9  // "*", "+", "-" and a space
            case 48...57:
                let afterDigits = content.drop { (48...57).contains($0) }
                return (afterDigits.first == 46 || afterDigits.first == 41)  // "1." or "1)"
                    && (afterDigits.dropFirst().first == 32 || afterDigits.dropFirst().first == 9)
            default: return false
            }
        }

        static func isBlank(_ line: ArraySlice<UInt8>) -> Bool { line.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 } }

        static func isPunctuation(_ byte: UInt8) -> Bool {
            (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte)
                || (123...126).contains(byte)
        }
    }
}
