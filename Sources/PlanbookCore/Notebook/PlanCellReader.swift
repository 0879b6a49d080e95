import Foundation

/// Finds the cells of a report among its Markdown elements: ```` ```swift plan ```` blocks (with `echo=`, `id=` and
/// `caption=` options) and code spans that start with `{swift}`.
public enum PlanCellReader {
    /// The marker that makes a code span an inline expression.
    public static let inlinePrefix = "{swift}"

    /// The cells of `report` in document order, and the problems with their options.
    public static func cells(in report: Report, elements: [MarkdownElement]) -> ([PlanCell], [Diagnostic]) {
        var cells: [PlanCell] = []
        var problems: [Diagnostic] = []
        var ids: Set<String> = []
        for element in elements {
            let line = report.bodyFirstLine + element.line - 1
            switch element.kind {
            case .codeBlock(let infoText):
                guard let info = try? FenceInfo(parsing: infoText), info.words.first == "swift",
                    info.words.dropFirst().first == "plan"
                else { continue }
                var echo: PlanCell.Echo?
                for option in info.options {
                    switch option.key {
                    case "echo":
                        guard let value = PlanCell.Echo(rawValue: option.value) else {
                            problems.append(Diagnostic(file: report.path, line: line, column: element.column,
                                "`echo` must be `true`, `false` or `fold`, not `\(option.value)`"))
                            continue
                        }
                        echo = value
                    case "caption":
                        break
                    case "id":
                        if !isName(option.value) {
                            problems.append(Diagnostic(file: report.path, line: line, column: element.column,
                                "block id `\(option.value)` may hold only letters, digits, `-` and `_`"))
                        } else if !ids.insert(option.value).inserted {
                            problems.append(Diagnostic(file: report.path, line: line, column: element.column,
                                "a block with id `\(option.value)` already exists in this report; choose another id"))
                        }
                    default:
                        problems.append(Diagnostic(file: report.path, line: line, column: element.column,
                            "unknown option `\(option.key)` on a swift plan block; the known options are "
                                + PlanCell.knownOptions.map { "`\($0)`" }.joined(separator: ", ")))
                    }
                }
                cells.append(PlanCell(
                    index: cells.count, kind: .block(echo: echo, id: info["id"]), code: element.text,
                    elementIndex: element.index, line: line + 1, column: element.column, caption: info["caption"]))
            case .inlineCode:
                guard element.text.hasPrefix(inlinePrefix) else { continue }
                let afterPrefix = element.text.dropFirst(inlinePrefix.count)
                let expression = afterPrefix.drop { $0 == " " }
                let leading = afterPrefix.count - expression.count
                guard !expression.trimmingCharacters(in: .whitespaces).isEmpty else {
                    problems.append(Diagnostic(file: report.path, line: line, column: element.column,
                        "`{swift}` needs an expression after it, like `{swift} proposed.memory.totalPerGPU`"))
                    continue
                }
                cells.append(PlanCell(
                    index: cells.count, kind: .inline, code: String(expression), elementIndex: element.index,
                    line: line, column: element.column + inlinePrefix.count + leading))
            default:
                continue
            }
        }
        return (cells, problems)
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
