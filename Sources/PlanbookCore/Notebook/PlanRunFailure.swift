import PlanRecord

/// Turns a plan program that did not finish — a trap, an uncaught error, a crash, a timeout — into one diagnostic at
/// the report line of the statement where it stopped (the last statement marker it passed), with its message.
///
/// A trap whose message names a line of a cell (`fatalError`, `precondition`, `assert`, a force-unwrapped nil:
/// "cell-3:5: Precondition failed: …") is placed at that line, which may lie inside the statement (a loop's body),
/// at the statement's column when it starts there, else at the line's first character.
enum PlanRunFailure {
    /// The standard library's trap messages ("file:line: Fatal error: …"), as the diagnostic words them.
    private static let traps = [
        ": Fatal error: ": "fatal error: ", ": Precondition failed: ": "precondition failed: ",
        ": Assertion failed: ": "assertion failed: ",
    ]

    static func diagnostic(
        _ result: ChildOutput, program: PlanProgram, reading: PlanRecordReader.Reading, timeout: Duration,
        memoryLimit: UInt64? = nil
    ) -> Diagnostic {
        let cell = reading.lastCell.map { program.cells[$0] } ?? program.cells[0]
        let place = reading.lastStatement.flatMap { program.location(file: $0.file, line: $0.line, column: $0.column) }
            ?? (cell.line, cell.column)
        func stopped(_ message: String) -> Diagnostic {
            Diagnostic(file: program.reportPath, line: place.line, column: place.column, message)
        }
        if result.termination == .timedOut {
            return stopped("the plan blocks did not finish within \(timeout) and were stopped in this statement; "
                + "make it faster or allow longer with --timeout SECONDS")
        }
        let stderr = result.errorText
        // Past its limit, the Swift runtime stops the program: "Fatal error: failed to allocate N bytes of memory".
        if let memoryLimit, result.termination != .exited(0),
            stderr.contains("failed to allocate") || stderr.contains("Could not allocate memory")
                || stderr.contains("bad_alloc")
        {
            return stopped("the plan blocks exceeded the memory limit (\(MemorySize.text(memoryLimit))) and were "
                + "stopped in this statement; use less memory, or allow more with --memory-limit SIZE (e.g. 16G)")
        }
        for line in stderr.split(separator: "\n") {
            guard let (marker, words) = traps.first(where: { line.contains($0.key) }),
                let range = line.firstRange(of: marker) else { continue }
            let message = String(line[range.upperBound...])
            let prefix = "Error raised at top level: "
            if message.hasPrefix(prefix) { return stopped("this statement threw an error: \(message.dropFirst(prefix.count))") }
            // "program/cell-3:5" (a trap in a cell names its line), or a file of the standard library
            let origin = line[..<range.lowerBound].split(separator: ":")
            if origin.count == 2, let number = Int(origin[1]),
                let trapped = program.location(file: String(origin[0]), line: number, column: 1) {
                let column = trapped.line == place.line
                    ? place.column : program.firstColumn(ofReportLine: trapped.line) ?? 1
                return Diagnostic(file: program.reportPath, line: trapped.line, column: column, words + message)
            }
            return stopped("this statement stopped: \(message)")
        }
        let how: String
        switch result.termination {
        case .signalled(let signal): how = "crashed (signal \(signal))"
        case .exited(let code): how = "exited with status \(code)"
        case .timedOut: how = "timed out"
        }
        // what the program said before any stack trace
        let said = stderr.split(separator: "\n").prefix { !$0.hasPrefix("Current stack trace") && !$0.hasPrefix("***") }
        let detail = said.prefix(3).joined(separator: " ")
        return stopped("the plan program \(how) in this statement" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
