/// Turns a plan program that did not finish — a trap, an uncaught error, a crash, a timeout — into one diagnostic at
/// the report line where it stopped.
enum PlanRunFailure {
    static func diagnostic(
        _ result: ChildOutput, program: PlanProgram, lastCell: Int?, timeout: Duration, memoryLimit: UInt64? = nil
    ) -> Diagnostic {
        let cell = lastCell.map { program.cells[$0] } ?? program.cells[0]
        let stderr = result.errorText
        // Past its limit, the Swift runtime stops the program: "Fatal error: failed to allocate N bytes of memory".
        if let memoryLimit, result.termination != .exited(0),
            stderr.contains("failed to allocate") || stderr.contains("Could not allocate memory") || stderr.contains("bad_alloc") {
            return Diagnostic(
                file: program.reportPath, line: cell.line, column: cell.column,
                "the plan blocks exceeded the memory limit (\(MemorySize.text(memoryLimit))) and were stopped in this "
                    + "block; use less memory, or allow more with --memory-limit SIZE (e.g. 16G)")
        }
        switch result.termination {
        case .timedOut:
            return Diagnostic(
                file: program.reportPath, line: cell.line, column: cell.column,
                "the plan blocks did not finish within \(timeout) and were stopped in this block; "
                    + "make it faster or allow longer with --timeout SECONDS")
        default:
            break
        }
        // A trap in user code names its cell: "cell-3:5: Fatal error: message".
        for line in stderr.split(separator: "\n") {
            guard let marker = line.firstRange(of: ": Fatal error: ") else { continue }
            let message = String(line[marker.upperBound...])
            let place = line[..<marker.lowerBound].split(separator: ":")
            if place.count == 2, let lineNumber = Int(place[1]), program.location(file: String(place[0]), line: lineNumber, column: 1) != nil {
                return program.diagnostic(file: String(place[0]), line: lineNumber, column: 1, "fatal error: \(message)")
            }
            let prefix = "Error raised at top level: "
            if message.hasPrefix(prefix) {
                return Diagnostic(
                    file: program.reportPath, line: cell.line, column: cell.column,
                    "this block threw an error: \(message.dropFirst(prefix.count))")
            }
            return Diagnostic(file: program.reportPath, line: cell.line, column: cell.column, "this block stopped: \(message)")
        }
        let how: String
        switch result.termination {
        case .signalled(let signal): how = "crashed (signal \(signal))"
        case .exited(let code): how = "exited with status \(code)"
        case .timedOut: how = "timed out"
        }
        let detail = stderr.split(separator: "\n").prefix(3).joined(separator: " ")
        return Diagnostic(
            file: program.reportPath, line: cell.line, column: cell.column,
            "the plan program \(how) in this block" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
