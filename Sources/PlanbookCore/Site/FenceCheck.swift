import Foundation

/// Fenced code blocks that are not closed where their author meant: CommonMark runs such a block on, swallowing the
/// blocks after it as code — a plan block then eats the next one, and its compile errors land on prose lines.
///
/// A `swift plan` or `dot` block whose code holds a line that opens another fenced block (as long a fence, with an
/// info string), or any block whose code holds the opening of a `swift plan` or `dot` block, is an error at its
/// opening fence naming where the next block starts; a plan or dot block left open at the end of the file is an
/// error; any other block left open there is a warning.
public enum FenceCheck {
    /// The problems with the fences of `report`.
    static func problems(in report: Report, elements: [MarkdownElement]) -> [Diagnostic] {
        let lines = report.body.split(separator: "\n", omittingEmptySubsequences: false)
        return elements.compactMap { element -> Diagnostic? in
            guard case .codeBlock(let info) = element.kind, element.line >= 1, element.line <= lines.count else { return nil }
            let opening = lines[element.line - 1].drop { $0 == " " }
            guard let marker = opening.first, marker == "`" || marker == "~" else { return nil }
            let fence = String(opening.prefix { $0 == marker })
            guard fence.count >= 3 else { return nil }
            let kind = blockKind(info)
            let code = element.text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = report.bodyFirstLine + element.line - 1
            if let inner = code.firstIndex(where: { opensBlock($0, fence: fence, within: kind) }) {
                return Diagnostic(
                    file: report.path, line: line, column: element.column,
                    "the \(kind ?? "code") block opened here is not closed before line \(line + 1 + inner), where "
                        + "another block starts; add the closing fence \(fence)")
            }
            let closing = element.line + max(0, code.count - 1) + 1
            if closing <= lines.count, lines[closing - 1].drop(while: { $0 == " " }).hasPrefix(fence) { return nil }
            if let kind {
                return Diagnostic(
                    file: report.path, line: line, column: element.column,
                    "the \(kind) block opened here is not closed before the end of the file; add the closing fence \(fence)")
            }
            return Diagnostic(
                file: report.path, line: line, column: element.column, severity: .warning,
                "this code block is never closed, so it runs to the end of the file; add a line \(fence) after its code")
        }
    }

    /// "plan" or "dot" for the blocks Planbook runs or draws; nil for any other.
    static func blockKind(_ info: String) -> String? {
        let words = info.split(separator: " ")
        if words.first == "swift", words.dropFirst().first == "plan" { return "plan" }
        if words.first?.hasPrefix("dot") == true { return "dot" }
        return nil
    }

    /// Whether `line` of a block's code opens another fenced block that was likely meant to start after it: a fence
    /// at least as long as `fence` with an info string — any, inside a plan or dot block; a plan or dot one, inside
    /// any other block.
    static func opensBlock(_ line: Substring, fence: String, within kind: String?) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard let first = fence.first, line.count - trimmed.count <= 3 else { return false }
        let run = trimmed.prefix { $0 == first }
        guard run.count >= fence.count else { return false }
        let info = trimmed.dropFirst(run.count).trimmingCharacters(in: .whitespaces)
        guard !info.isEmpty else { return false }
        return kind != nil || blockKind(info) != nil
    }
}
