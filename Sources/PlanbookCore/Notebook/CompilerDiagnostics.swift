/// Reads the Swift compiler's diagnostics (`-diagnostic-style llvm`: `file:line:column: error: message`) and places
/// each error of a plan program at its line and column in the report.
public enum CompilerDiagnostics {
    /// The errors in `stderr`, placed in `program`'s report; a generic error when the compiler failed without any.
    public static func errors(in stderr: String, program: PlanProgram) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for line in stderr.split(separator: "\n") {
            guard let marker = line.firstRange(of: ": error: ") else { continue }
            let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            let message = String(line[marker.upperBound...])
            guard place.count >= 3, let lineNumber = Int(place[place.count - 2]), let column = Int(place[place.count - 1])
            else {
                result.append(program.diagnostic(file: "", line: 1, column: 1, message))
                continue
            }
            let file = place.dropLast(2).joined(separator: ":")
            result.append(program.diagnostic(file: file, line: lineNumber, column: column, message))
        }
        if result.isEmpty {
            let detail = stderr.split(separator: "\n").prefix(5).joined(separator: " ")
            result.append(program.diagnostic(file: "", line: 1, column: 1, "the Swift compiler failed: \(detail)"))
        }
        return result
    }
}
