/// Reads the Swift compiler's diagnostics (`-diagnostic-style llvm`: `file:line:column: error: message`) and places
/// each error of a plan program at its line and column in the report, with the compiler's notes under it (each at
/// its own line, or at its error's when it points outside the report, into PlanKit say).
public enum CompilerDiagnostics {
    /// The errors in `stderr`, placed in `program`'s report; a generic error when the compiler failed without any.
    public static func errors(in stderr: String, program: PlanProgram) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for line in stderr.split(separator: "\n") {
            if let (file, lineNumber, column, message) = parse(line, marker: ": error: ") {
                result.append(program.diagnostic(file: file, line: lineNumber, column: column, message))
            } else if let (file, lineNumber, column, message) = parse(line, marker: ": note: "), var last = result.last {
                let placed = program.placed(file: file, line: lineNumber, column: column)
                let note = Diagnostic.Note(
                    file: placed?.file ?? last.file, line: placed?.line ?? last.line, column: placed?.column ?? last.column,
                    message)
                last.notes.append(note)
                result[result.count - 1] = last
            }
        }
        if result.isEmpty {
            let detail = stderr.split(separator: "\n").prefix(5).joined(separator: " ")
            result.append(program.diagnostic(file: "", line: 1, column: 1, "the Swift compiler failed: \(detail)"))
        }
        return result
    }

    /// The place and message of a line `file:line:column<marker>message`.
    static func parse(_ line: Substring, marker: String) -> (String, Int, Int, String)? {
        guard let range = line.firstRange(of: marker) else { return nil }
        let place = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
        let message = String(line[range.upperBound...])
        guard place.count >= 3, let number = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) else {
            return ("", 1, 1, message)
        }
        return (place.dropLast(2).joined(separator: ":"), number, column, message)
    }
}
