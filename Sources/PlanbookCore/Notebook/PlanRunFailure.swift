import PlanRecord

/// Turns a plan program that did not finish — a trap, an uncaught error, a crash, a timeout — into one diagnostic at
/// the report line of the statement where it stopped (the last statement marker it passed), with its message.
enum PlanRunFailure {
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
        // "cell-3:5: Fatal error: message" (a trap in user code names its line), or the standard library's own.
        for line in stderr.split(separator: "\n") {
            guard let marker = line.firstRange(of: ": Fatal error: ") else { continue }
            let message = String(line[marker.upperBound...])
            let where_ = line[..<marker.lowerBound].split(separator: ":")
            if where_.count == 2, let number = Int(where_[1]),
                program.location(file: String(where_[0]), line: number, column: 1) != nil {
                return program.diagnostic(file: String(where_[0]), line: number, column: 1, "fatal error: \(message)")
            }
            let prefix = "Error raised at top level: "
            if message.hasPrefix(prefix) { return stopped("this statement threw an error: \(message.dropFirst(prefix.count))") }
            return stopped("this statement stopped: \(message)")
        }
        let how: String
        switch result.termination {
        case .signalled(let signal): how = "crashed (signal \(signal))"
        case .exited(let code): how = "exited with status \(code)"
        case .timedOut: how = "timed out"
        }
        let detail = stderr.split(separator: "\n").prefix(3).joined(separator: " ")
        return stopped("the plan program \(how) in this statement" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
