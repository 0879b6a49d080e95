import Foundation
import PlanbookCore

/// The machine-readable result of `build --json` and `check --json`, for CI scripts.
struct BuildReport: Encodable {
    struct Claim: Encodable {
        var report: String
        var line: Int
        var label: String
        var paper: String
        var computed: String
        var ratio: Double?
        var tolerance: Double
        var holds: Bool
    }

    struct Problem: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        /// The compiler's notes under it, each at its own place.
        var notes: [Note]

        struct Note: Encodable {
            var file: String
            var line: Int
            var column: Int
            var message: String
        }

        init(_ diagnostic: Diagnostic) {
            (file, line, column) = (diagnostic.file, diagnostic.line, diagnostic.column)
            (severity, message) = (diagnostic.severity.rawValue, diagnostic.message)
            notes = diagnostic.notes.map { Note(file: $0.file, line: $0.line, column: $0.column, message: $0.message) }
        }
    }

    var ok: Bool
    var pages: [String] = []
    /// The scenarios built, each a copy of the study under `scenarios/<name>/`.
    var scenarios: [String] = []
    var figures = 0
    var compiled = 0
    var ran = 0
    var reused = 0
    var seconds = 0.0
    /// Whether nothing had changed since the last build, so nothing was built (its pages, claims and problems are
    /// that build's).
    var upToDate = false
    var claims: [Claim] = []
    var problems: [Problem] = []

    init(_ summary: SiteBuild.Summary) {
        ok = true
        pages = summary.pages
        scenarios = summary.scenarios
        figures = summary.figures
        compiled = summary.compiled
        ran = summary.ran
        reused = summary.reused
        seconds = (summary.seconds * 1000).rounded() / 1000
        upToDate = summary.upToDate
        problems = summary.warnings.map(Problem.init)
        claims = summary.claims.map { report, claim, line in
            Claim(report: report, line: line, label: claim.label, paper: claim.paper.text, computed: claim.computed.text,
                  ratio: claim.ratio.number?.value, tolerance: claim.tolerance, holds: claim.holds)
        }
    }

    init(_ failure: BuildFailure) {
        ok = false
        problems = failure.diagnostics.map(Problem.init)
    }

    /// Prints the report as JSON on standard output.
    func print() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(self) { Swift.print(String(decoding: data, as: UTF8.self)) }
    }
}
