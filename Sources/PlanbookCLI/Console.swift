import Foundation
import PlanbookCore

/// How the command talks to the terminal: progress and summaries by verbosity, diagnostics in colour only on a
/// terminal and never when `NO_COLOR` is set.
struct Console: Sendable {
    enum Verbosity: Sendable { case quiet, normal, verbose }

    var verbosity: Verbosity
    /// Whether stdout carries JSON (then progress stays off stdout and summaries are not printed).
    var json: Bool

    /// A progress line (to standard error, so standard output stays clean).
    func progress(_ line: String) {
        guard verbosity != .quiet, !json || verbosity == .verbose else { return }
        printToStandardError(line)
    }

    /// A result line (to standard output), unless quiet or printing JSON.
    func summary(_ line: String) {
        guard verbosity != .quiet, !json else { return }
        // Written at once (not through print's buffer), so `serve` shows each line as it happens.
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A line shown only with --verbose.
    func detail(_ line: String) {
        guard verbosity == .verbose else { return }
        printToStandardError(line)
    }

    /// Every diagnostic, coloured on a terminal.
    func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printToStandardError(Self.coloured(diagnostic.description)) }
    }

    /// Whether standard error is a terminal that wants colour.
    static let colour: Bool = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    /// Whether standard output is a terminal that wants colour.
    static let standardOutputColour: Bool = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func coloured(_ line: String) -> String {
        guard colour else { return line }
        return line
            .replacing(": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ", maxReplacements: 1)
            .replacing(": warning: ", with: ": \u{1B}[1;33mwarning:\u{1B}[0m ", maxReplacements: 1)
    }
}

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
