/// One problem found in a study's sources, at a place in a file, in the compilers' format
/// `path:line:column: error: message` so that editors and CI annotate it.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Codable {
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
    /// Notes that belong to this problem (the compiler's `note:` lines), each at its own place, listed under it.
    public var notes: [Note] = []
    /// Where a list of problems puts this one when not at its own place: the compiler's errors after its first one,
    /// often caused by it, are listed right under that first error, in the compiler's order.
    public var listedAt: Place?

    /// The file, line and column of a diagnostic.
    public struct Place: Sendable, Equatable, Hashable, Comparable, Codable {
        public var file: String
        public var line: Int
        public var column: Int

        /// The place of `diagnostic`.
        public init(_ diagnostic: Diagnostic) {
            (file, line, column) = (diagnostic.file, diagnostic.line, diagnostic.column)
        }

        public static func < (a: Place, b: Place) -> Bool { (a.file, a.line, a.column) < (b.file, b.line, b.column) }
    }

    /// A note under a diagnostic: a place and a message (`Reports/x.md:25:11: note: did you mean to use 'try'?`).
    public struct Note: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String

        public init(file: String, line: Int, column: Int, _ message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String { "\(Diagnostic.place(file, line, column)): note: \(message)" }
    }

    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// The problem's line, then its notes' lines.
    public var description: String {
        (["\(Self.place(file, line, column)): \(severity.rawValue): \(message)"] + notes.map(\.description))
            .joined(separator: "\n")
    }

    /// `file:line:column`, or `file` alone when the line is unknown.
    static func place(_ file: String, _ line: Int, _ column: Int) -> String {
        line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }
}

/// Every problem that stopped a build, in the order they were found (file by file, top to bottom).
public struct BuildFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems; never empty.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
