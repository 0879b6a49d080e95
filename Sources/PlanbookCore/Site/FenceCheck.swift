/// Fenced code blocks that are never closed: CommonMark runs such a block to the end of the file, swallowing
/// everything after it.
public enum FenceCheck {
    /// A warning for each fenced code block of `report` that is never closed.
    static func problems(in report: Report, elements: [MarkdownElement]) -> [Diagnostic] {
        let lines = report.body.split(separator: "\n", omittingEmptySubsequences: false)
        return elements.compactMap { element -> Diagnostic? in
            guard case .codeBlock = element.kind, element.line >= 1, element.line <= lines.count else { return nil }
            let opening = lines[element.line - 1].drop { $0 == " " }
            guard let marker = opening.first, marker == "`" || marker == "~" else { return nil }
            let fence = opening.prefix { $0 == marker }
            guard fence.count >= 3 else { return nil }
            let contentLines = element.text.isEmpty
                ? 0 : element.text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let closing = element.line + contentLines + 1
            if closing <= lines.count, lines[closing - 1].drop(while: { $0 == " " }).hasPrefix(String(fence)) {
                return nil
            }
            return Diagnostic(
                file: report.path, line: report.bodyFirstLine + element.line - 1, column: element.column,
                severity: .warning,
                "this code block is never closed, so it runs to the end of the file; add a line \(fence) after its code")
        }
    }
}
