import Foundation
import Testing
@testable import PlanbookCore

/// The corpus of bad inputs in `Tests/Fixtures/bad/`, plus a few made here because they are too large to keep:
/// every one gets its diagnostic, word for word at its file, line and column, the build ends, a failed build leaves
/// the previous site byte for byte, and a problem found before anything is compiled compiles and runs nothing.
@Suite(.serialized) struct BadInputCorpusTests {
    /// One bad input and what Planbook must say.
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var report: Data
        var navTemplate: String?
        /// `static` (an error found before anything is compiled), `error`, `warning` or `ok`; then a diagnostic as
        /// printed (with its notes, if any, on the lines after it) or, for `ok`, text the page must contain.
        var expected: String
        var description: String { name }
    }

    static let corpusFolder = TemporaryStudy.repository.appendingPathComponent("Tests/Fixtures/bad")

    static var corpus: [Case] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? [])
            .filter { !$0.hasSuffix(".md") }.sorted()
        return names.compactMap { name in
            let folder = corpusFolder.appendingPathComponent(name)
            guard let report = try? Data(contentsOf: folder.appendingPathComponent("index.md")),
                let expected = try? String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            else { return nil }
            let nav = try? String(contentsOf: folder.appendingPathComponent("nav.mustache"), encoding: .utf8)
            return Case(name: name, report: report, navTemplate: nav,
                        expected: expected.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static var generated: [Case] {
        // 5 MB of prose: builds, within its bounds.
        let paragraph = String(repeating: "Expert parallelism spreads the experts of a layer over GPUs. ", count: 16) + "\n\n"
        let big = "# Big\n\n" + String(repeating: paragraph, count: 5_000_000 / paragraph.utf8.count + 1)
        // 20,000 nodes: refused before layout.
        let huge = "```dot\ndigraph {\n" + (0..<20_000).map { "  n\($0);" }.joined(separator: "\n") + "\n}\n```\n"
        // A dense graph whose layout takes far longer than the 2 s bound the test sets: stopped.
        var edges: [String] = []
        for a in 0..<110 {
            for b in 0..<110 where b != a && (b * 7 + a) % 3 == 0 { edges.append("  n\(a) -> n\(b);") }
        }
        let dense = "```dot\ndigraph {\n" + edges.joined(separator: "\n") + "\n}\n```\n"
        return [
            Case(name: "report-5MB", report: Data(big.utf8), expected: "ok Expert parallelism spreads"),
            Case(name: "dag-20000-nodes", report: Data(huge.utf8),
                 expected: "error Reports/index.md:1:1: error: this graph has about 20"),
            Case(name: "dot-layout-too-slow", report: Data(dense.utf8),
                 expected: "error Reports/index.md:1:1: error: Graphviz: layout did not finish within"),
        ]
    }

    @Test func theCorpusHasEveryKindOfBadInput() {
        #expect(Self.corpus.count >= 34)
        #expect(Set(Self.corpus.map { $0.expected.prefix { $0 != "\n" } }) == ["static", "error", "warning", "ok"])
    }

    /// Progress lines a build reports, collected from its threads.
    final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var all: [String] { lock.withLock { lines } }
        func add(_ line: String) { lock.withLock { lines.append(line) } }
    }

    @Test(arguments: corpus + generated)
    func eachBadInputGetsItsDiagnosticAndLosesNothing(_ bad: Case) throws {
        let study = try TemporaryStudy(reports: ["index.md": "# A good page\n"])
        defer { study.remove() }
        _ = try study.build()
        let before = study.snapshot()
        try bad.report.write(to: study.root.appendingPathComponent("Reports/index.md"))
        if let nav = bad.navTemplate { try study.write(nav, to: "Templates/partials/nav.mustache") }
        let progress = Progress()
        var options = study.options
        options.timeout = .seconds(3)
        options.layoutTimeout = .seconds(2)
        options.progress = BuildProgress { progress.add($0) }
        let split = bad.expected.firstIndex { $0 == "\n" || $0 == " " } ?? bad.expected.endIndex
        let kind = String(bad.expected[..<split])
        let expected = String(bad.expected[split...].dropFirst())
        // the generated cases give the start of their diagnostic; the corpus gives it whole
        func matches(_ diagnostic: Diagnostic) -> Bool {
            bad.name.contains("dag-") || bad.name.contains("dot-layout")
                ? diagnostic.description.hasPrefix(expected) : diagnostic.description == expected
        }
        switch kind {
        case "static", "error":
            let failure = #expect(throws: BuildFailure.self) { try SiteBuild(options: options).run() }
            let diagnostics = failure?.diagnostics ?? []
            #expect(diagnostics.contains { $0.severity == .error && matches($0) }, "\(diagnostics.map(\.description))")
            #expect(study.snapshot() == before, "the previous site changed")
            if kind == "static" {
                #expect(!progress.all.contains { $0.contains("Compiling") || $0.contains("Running") }, "\(progress.all)")
            }
        case "warning":
            let summary = try SiteBuild(options: options).run()
            #expect(summary.warnings.contains(where: matches), "\(summary.warnings.map(\.description))")
        default:
            _ = try SiteBuild(options: options).run()
            #expect(try study.read("site/index.html").contains(expected))
        }
    }
}
