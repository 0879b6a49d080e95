/// A fix-it as the Swift compiler draws it under a diagnostic (`-diagnostic-style llvm`): the source line, a line of
/// `^` (the place) and `~` (ranges), and a line with the text to put in, starting at its column.
///
/// ```
/// let x = f()
///         ^
///         try
/// ```
/// reads as "insert `try `"; text under a `~` range replaces it ("replace `y` with `x`"), and an empty one removes
/// it. A drawing with several fix-its on one line, or none, gives nil.
struct CompilerFixIt: CustomStringConvertible {
    /// The source text replaced ("" for an insertion).
    var replaced: String
    /// The text put in its place ("" for a removal).
    var text: String

    /// The fix-it drawn in `drawing`, the lines after a diagnostic's first line.
    init?(drawing: [Substring]) {
        guard drawing.count >= 3 else { return nil }
        let (source, marks, fix) = (Array(drawing[0]), Array(drawing[1]), Array(drawing[2]))
        guard marks.contains("^"), marks.allSatisfy({ $0 == " " || $0 == "^" || $0 == "~" }) else { return nil }
        let start = fix.prefix { $0 == " " }.count
        let text = String(fix[start...])
        // several fix-its share the line when texts stand apart
        guard !text.trimmingTrailingSpaces.contains("  ") else { return nil }
        let range = start < marks.count ? marks[start...].prefix { $0 == "^" || $0 == "~" } : []
        replaced = range.contains("~") && start + range.count <= source.count
            ? String(source[start..<(start + range.count)]) : ""
        guard !(replaced.isEmpty && text.isEmpty) else { return nil }
        self.text = text
    }

    var description: String {
        if replaced.isEmpty { return "insert `\(text)`" }
        return text.isEmpty ? "remove `\(replaced)`" : "replace `\(replaced)` with `\(text)`"
    }

    /// Whether `line` starts a diagnostic (`file:line:column: error: …`, or `warning`, `note`, `remark`).
    static func isHeader(_ line: Substring) -> Bool {
        [": error: ", ": warning: ", ": note: ", ": remark: "].contains { line.contains($0) }
            && line.split(separator: ":", maxSplits: 3).count >= 4
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: Substring {
        self[..<(lastIndex { $0 != " " }.map { index(after: $0) } ?? startIndex)]
    }
}
