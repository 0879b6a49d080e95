/// One problem found in a study's sources, at a place in a file, in the compilers' format
/// `path:line:column: error: message` so that editors and CI annotate it.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable {
        /// The build cannot go on.
        case error
        /// The build goes on; the author should look.
        case warning
    }

    /// The file, as the user named it (for example `Reports/index.md`).
    public var file: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// What is wrong and what to do about it.
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String {
        var place = file
        if line > 0 {
            place += ":\(line)"
            place += ":\(max(column, 1))"
        }
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// Every problem that stopped a build, in the order they were found (file by file, top to bottom).
public struct BuildFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems; never empty.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
