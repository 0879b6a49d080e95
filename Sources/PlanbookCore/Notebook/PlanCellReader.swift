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
                guard let inline = inlineExpression(element.text) else { continue }
                let at = { (message: String) in
                    Diagnostic(file: report.path, line: line, column: element.column, message)
                }
                if let problem = inline.problem {
                    problems.append(at(problem))
                    continue
                }
                guard !inline.expression.trimmingCharacters(in: .whitespaces).isEmpty else {
                    problems.append(
                        at("`{swift}` needs an expression after it, like `{swift} proposed.memory.totalPerGPU`"))
                    continue
                }
                cells.append(PlanCell(
                    index: cells.count, kind: .inline, code: inline.expression, elementIndex: element.index,
                    line: line, column: element.column + inline.offset, headline: inline.headline))
            default:
                continue
            }
        }
        return (cells, problems)
    }

    /// An inline expression's parts: `{swift} expr`, or `{swift headline} expr` and `{swift headline="Label"} expr`,
    /// which mark the value as a headline number. Nil for a code span that is not an inline expression.
    static func inlineExpression(
        _ text: String
    ) -> (expression: String, offset: Int, headline: String?, problem: String?)? {
        let options: Substring
        let rest: Substring
        if text.hasPrefix(inlinePrefix) {
            options = ""
            rest = text.dropFirst(inlinePrefix.count)
        } else if text.hasPrefix("{swift "), let close = text.firstIndex(of: "}") {
            options = text[text.index(text.startIndex, offsetBy: 7)..<close]
            rest = text[text.index(after: close)...]
        } else {
            return nil
        }
        let expression = rest.drop { $0 == " " }
        let offset = text.count - expression.count
        var headline: String?
        do {
            let info = try FenceInfo(parsing: String(options))
            for word in info.words {
                guard word == "headline" else {
                    return ("", offset, nil,
                            "unknown option `\(word)` on an inline expression; the known option is `headline`")
                }
                headline = ""
            }
            for option in info.options {
                guard option.key == "headline" else {
                    return ("", offset, nil,
                            "unknown option `\(option.key)` on an inline expression; the known option is `headline`")
                }
                headline = option.value
            }
        } catch {
            return ("", offset, nil, error.message)
        }
        return (String(expression), offset, headline, nil)
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
