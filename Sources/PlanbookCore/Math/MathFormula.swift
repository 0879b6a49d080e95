/// A formula of a page as KaTeX gets it: its TeX with the values of the `{swift}` expressions inside it put in (as
/// `\text{8.18 ms}`), and the way back from an offset in that TeX to the report's line and column.
struct MathFormula: Sendable, Equatable {
    var formula: KaTeX.Formula
    /// Where each piece of the TeX came from: its offset in the TeX (UTF-16 units, as KaTeX counts), the report's
    /// body line and column of its first byte, and its text when it is TeX as written (nil for a value).
    var origins: [(offset: Int, line: Int, column: Int, text: String?)]

    static func == (a: MathFormula, b: MathFormula) -> Bool { a.formula == b.formula }

    /// `span`'s formula, each code piece replaced by `value(line, column)` — the text of the value whose code starts
    /// there, if any — set as text; a code span that is no value is set in typewriter type.
    init(_ span: MathSpan, value: (Int, Int) -> String?) {
        var tex = ""
        var origins: [(Int, Int, Int, String?)] = []
        for piece in span.pieces {
            switch piece {
            case .tex(let text, let line, let column):
                origins.append((tex.utf16.count, line, column, text))
                tex += text
            case .code(let text, let line, let column):
                origins.append((tex.utf16.count, line, column, nil))
                tex += value(line, column).map { "\\text{\(Self.escaped($0))}" } ?? "\\texttt{\(Self.escaped(text))}"
            }
        }
        formula = KaTeX.Formula(tex: tex, display: span.display)
        self.origins = origins
    }

    /// The body line and column of `offset` in the TeX: inside TeX as written, counted through it; inside a value,
    /// the value's code.
    func position(of offset: Int) -> (line: Int, column: Int)? {
        guard let origin = origins.last(where: { $0.offset <= offset }) else { return nil }
        guard let text = origin.text else { return (origin.line, origin.column) }
        var line = origin.line
        var column = origin.column
        var counted = 0
        for scalar in text.unicodeScalars {
            if origin.offset + counted >= offset { break }
            counted += scalar.utf16.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += scalar.utf8.count
            }
        }
        return (line, column)
    }

    /// `text` safe inside `\text{…}`: TeX's special characters escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": result += "\\\(character)"
            case "^": result += "\\^{}"
            case "~": result += "\\~{}"
            default: result.append(character)
            }
        }
        return result
    }
}
