import Foundation

/// Reads what a plan program wrote to standard output — record lines (JSON after U+001E) among the program's own
/// `print` lines — into the cells' outputs and the problems it reported (failed expectations, bad parameters).
public enum PlanRecordReader {
    /// Most text one cell's `print`s may add to the page; more is cut with a note.
    public static let printLimit = 200_000

    private struct Record: Decodable {
        var t: String
        var cell: Int
        var text: String?
        var title: String?
        var header: [String]?
        var rows: [[String]]?
        var dot: String?
        var svg: String?
        var file: String?
        var line: Int?
        var message: String?
        var label: String?
        var paper: String?
        var computed: String?
        var ratio: Double?
        var tolerance: Double?
        var holds: Bool?
        var name: String?
        var value: String?
        var type: String?
        var given: Bool?
        var `extension`: String?
    }

    /// The outputs and problems in `output`, the standard output of `program`'s executable; `truncated` says the
    /// output was cut at the runner's limit. Also returns the last cell that started (where a crash happened).
    public static func read(
        _ output: [UInt8], program: PlanProgram, truncated: Bool
    ) -> (outputs: NotebookOutputs, problems: [Diagnostic], lastCell: Int?) {
        var outputs = NotebookOutputs(cellCount: program.cells.count)
        var problems: [Diagnostic] = []
        var current: Int?
        var printed = ""
        var cutNoted = false
        func flushPrinted() {
            guard let cell = current, !printed.isEmpty else { printed = ""; return }
            if case .printed(let earlier)? = outputs.cells[cell].last {
                outputs.cells[cell][outputs.cells[cell].count - 1] = .printed(earlier + printed)
            } else {
                outputs.cells[cell].append(.printed(printed))
            }
            printed = ""
        }
        let decoder = JSONDecoder()
        for lineBytes in output.split(separator: 10, omittingEmptySubsequences: false) {
            if lineBytes.first == 0x1E {
                guard let record = try? decoder.decode(Record.self, from: Data(lineBytes.dropFirst())),
                    outputs.cells.indices.contains(record.cell)
                else { continue }
                flushPrinted()
                current = record.cell
                apply(record, to: &outputs, problems: &problems, program: program)
            } else if current != nil {
                let text = String(decoding: lineBytes, as: UTF8.self)
                let cellPrinted = current.map { outputs.cells[$0] }?.reduce(0) { count, output in
                    if case .printed(let text) = output { return count + text.utf8.count }
                    return count
                } ?? 0
                if cellPrinted + printed.utf8.count < printLimit {
                    printed += text + "\n"
                } else if !cutNoted {
                    printed += "… (output cut after \(printLimit / 1000) kB)\n"
                    cutNoted = true
                }
            }
        }
        if printed.hasSuffix("\n\n") { printed.removeLast() }
        flushPrinted()
        if truncated, let cell = current {
            outputs.cells[cell].append(.printed("… (the program's output was cut: it wrote more than Planbook keeps)"))
        }
        return (outputs, problems, current)
    }

    private static func apply(
        _ record: Record, to outputs: inout NotebookOutputs, problems: inout [Diagnostic], program: PlanProgram
    ) {
        let cell = record.cell
        switch record.t {
        case "text":
            outputs.cells[cell].append(.text(record.text ?? ""))
        case "table":
            outputs.cells[cell].append(.table(title: record.title, header: record.header ?? [], rows: record.rows ?? []))
        case "graph":
            outputs.cells[cell].append(.graph(title: record.title ?? "", dot: record.dot ?? ""))
        case "chart":
            outputs.cells[cell].append(.chart(
                title: record.title ?? "", svg: record.svg ?? "", header: record.header ?? [], rows: record.rows ?? []))
        case "file":
            outputs.cells[cell].append(.file(
                title: record.title ?? "", fileExtension: record.extension ?? "txt", contents: record.text ?? ""))
        case "param":
            outputs.parameters.append(ParameterUse(
                name: record.name ?? "", value: record.value ?? "", type: record.type ?? "", given: record.given ?? false))
        case "inline":
            outputs.inlineValues[cell] = record.text ?? ""
        case "claim":
            outputs.cells[cell].append(.claim(ClaimResult(
                label: record.label ?? "", paper: record.paper ?? "", computed: record.computed ?? "",
                ratio: record.ratio ?? .nan, tolerance: record.tolerance ?? 0, holds: record.holds ?? false,
                cell: cell, line: record.line ?? 1)))
        case "expect":
            problems.append(program.diagnostic(
                file: record.file ?? "", line: record.line ?? 1, column: 1,
                "expectation failed: \(record.message ?? "")"))
        case "error":
            problems.append(program.diagnostic(
                file: record.file ?? "", line: record.line ?? 1, column: 1, record.message ?? "error"))
        default:
            break
        }
    }
}
