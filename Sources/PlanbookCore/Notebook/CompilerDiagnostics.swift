/// Reads the Swift compiler's diagnostics (`-diagnostic-style llvm`: `file:line:column: error: message`) and places
/// each error at its line and column in the report (or in the study's shared Swift file), with the compiler's notes
/// under it — each at its own line, or at its error's when it points elsewhere (into PlanKit, say).
///
/// The errors keep the compiler's order: its first error is listed first, and the errors after it, which are often
/// caused by it, are listed under it (`Diagnostic.listedAt`) wherever they point. A fix-it the compiler draws under a
/// note or an error (`CompilerFixIt`) is added to its message: "did you mean to use 'try'? (fix: insert `try `)".
public enum CompilerDiagnostics {
    /// A place in a file the user wrote.
    typealias Place = (file: String, line: Int, column: Int)

    /// The errors in `stderr` of compiling `program`, placed in its report; a generic error when the compiler failed
    /// without any.
    public static func errors(in stderr: String, program: PlanProgram) -> [Diagnostic] {
        let first = program.cells.first?.line ?? 1
        return errors(in: stderr, elsewhere: (program.reportPath, first, 1)) { file, line, column in
            program.placed(file: file, line: line, column: column)
        }
    }

    /// The errors in `stderr` of compiling the study's `shared` files into their library, at the files' own lines
    /// (they are compiled under `#sourceLocation`); a generic error when the compiler failed without any.
    public static func errors(in stderr: String, shared: [SharedPlanCode]) -> [Diagnostic] {
        errors(in: stderr, elsewhere: (shared.first?.path ?? "", 1, 1)) { file, line, column in
            shared.first { file == $0.path || file.hasSuffix("/" + $0.path) }.map { ($0.path, line, column) }
        }
    }

    /// The errors in `stderr`, each placed by `place` (nil: not in a file the user wrote, so at `elsewhere`), with
    /// their notes, in the compiler's order.
    static func errors(in stderr: String, elsewhere: Place, place: (String, Int, Int) -> Place?) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let drawing = lines[(index + 1)...].prefix { !CompilerFixIt.isHeader($0) }
            let fix = CompilerFixIt(drawing: Array(drawing)).map { " (fix: \($0))" } ?? ""
            if let (file, number, column, message) = parse(line, marker: ": error: ") {
                let placed = place(file, number, column) ?? elsewhere
                result.append(Diagnostic(file: placed.file, line: placed.line, column: placed.column, message + fix))
            } else if let (file, number, column, message) = parse(line, marker: ": note: "), var last = result.last {
                let placed = place(file, number, column) ?? (last.file, last.line, last.column)
                last.notes.append(
                    Diagnostic.Note(file: placed.file, line: placed.line, column: placed.column, message + fix))
                result[result.count - 1] = last
            }
        }
        if result.isEmpty {
            let detail = stderr.split(separator: "\n").prefix(5).joined(separator: " ")
            result.append(Diagnostic(file: elsewhere.file, line: elsewhere.line, column: elsewhere.column,
                                     "the Swift compiler failed: \(detail)"))
        }
        if let first = result.first {
            for index in result.indices.dropFirst() { result[index].listedAt = Diagnostic.Place(first) }
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
