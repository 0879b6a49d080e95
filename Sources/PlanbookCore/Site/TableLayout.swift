/// How a table is set: which columns hold numbers (aligned right, in tabular digits, never wrapped — their headers
/// too) and which prose (left, wrapping), and whether the table is too wide for the text column, so that it may break
/// out into the room beside it before it scrolls (`table-wide`).
///
/// A column holds numbers when every cell of it that is not empty does: a value the plan program gave with its number,
/// or short text that starts with one ("6.44 GB", "1.43×", "450,000"). A table is wide when the room its columns need
/// — each number column its longest cell, each prose column its longest cell up to 20 characters, never less than its
/// longest word — passes the text column's width.
struct TableLayout: Sendable, Equatable {
    /// Whether each column holds numbers.
    let numeric: [Bool]
    /// Whether the table needs more room than the text column gives.
    let wide: Bool

    /// `numbers[r][c]`, when given, says whether the cell was given as a number.
    init(header: [String], rows: [[String]], numbers: [[Bool]]? = nil) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        var numeric: [Bool] = []
        var demand = 0.0
        for column in 0..<columns {
            let cells = rows.enumerated().compactMap { index, row -> (text: String, number: Bool)? in
                guard column < row.count, !row[column].isEmpty else { return nil }
                let given = numbers.flatMap { column < $0[index].count ? $0[index][column] : nil } ?? false
                return (row[column], given)
            }
            let isNumeric = !cells.isEmpty && cells.allSatisfy { $0.number || Self.looksNumeric($0.text) }
            numeric.append(isNumeric)
            let title = column < header.count ? header[column] : ""
            let longestWord = (cells.map(\.text) + [title]).flatMap { $0.split(separator: " ") }.map(\.count).max() ?? 0
            let longest = cells.map(\.text.count).max() ?? 0
            let characters = isNumeric ? max(longest, longestWord) : max(longestWord, min(longest, 20))
            demand += Double(characters) * Self.characterWidth + Self.cellPadding
        }
        self.numeric = numeric
        wide = demand > FigureEmbedding.columnWidth
    }

    /// Width of a character of table text (0.875 rem of a 17 px page) and of a cell's padding, in CSS pixels.
    static let characterWidth = 8.2
    static let cellPadding = 24.0

    /// Short text that starts with a number: "6.44 GB", "−3 %", "±10 %", "8×10000", "1.43×".
    static func looksNumeric(_ text: String) -> Bool {
        guard text.count <= 20, text.filter({ $0 == " " }).count <= 2, let first = text.first else { return false }
        if first.isNumber { return true }
        return (first == "-" || first == "−" || first == "±" || first == "+") && text.dropFirst().first?.isNumber == true
    }
}
