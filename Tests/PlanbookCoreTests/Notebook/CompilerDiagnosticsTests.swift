import Foundation
import Testing
@testable import PlanbookCore

/// The Swift compiler's errors as Planbook lists them: placed in the report (or the shared file), the compiler's
/// first error first and the rest in its order, notes under their error, fix-its spelled out.
@Suite struct CompilerDiagnosticsTests {
    private func program(_ text: String) throws -> PlanProgram {
        let report = try Report.parse(bytes: Array(text.utf8), path: "Reports/r.md", slug: "r")
        let (cells, _) = PlanCellReader.cells(in: report, elements: CommonMark.parse(report.body).elements)
        return PlanProgram(report: report, cells: cells)
    }

    @Test func fixItsAreReadFromTheirDrawing() {
        func fix(_ drawing: String) -> String? {
            CompilerFixIt(drawing: drawing.split(separator: "\n", omittingEmptySubsequences: false)).map(\.description)
        }
        // an insertion at the caret, trailing space kept
        #expect(fix("let x = f()\n        ^\n        try ") == "insert `try `")
        // text under a `~` range replaces it: columns 20…20 of `let d = Deployment(y: 3)` hold "y"
        #expect(fix("let d = Deployment(y: 3)\n                  ^~\n                   x") == "replace `y` with `x`")
        // an empty text under a range removes it: `as! Int`, columns 11…17
        #expect(fix("let z = y as! Int\n          ^~~~~~~\n          ") == "remove `as! Int`")
        // a highlighted range without a fix-it line, and two fix-its on one line, give none
        #expect(fix("let s = a.count\n        ~~^~~~") == nil)
        #expect(fix("f(x\n  ^\n  (  )") == nil)
    }

    @Test func theCompilersFirstErrorStaysFirstAndTheRestFollowInItsOrder() throws {
        // Report lines: the fence is line 2, so cell line n is report line n + 2.
        let program = try program("# T\n```swift plan\nlet a: Int = \"x\"\nprint(a\nlet c = 1\n```\n")
        let stderr = """
            cell-0:3:1: error: expected ')' in expression list
            cell-0:2:6: note: to match this opening '('
            cell-0:1:14: error: cannot convert value of type 'String' to specified type 'Int'
            """
        let errors = CompilerDiagnostics.errors(in: stderr, program: program)
        #expect(errors.map(\.line) == [5, 3])
        #expect(errors[0].notes.map(\.description) == ["Reports/r.md:4:6: note: to match this opening '('"])
        // sorted with a problem of the same file at an earlier line, the compiler's errors keep their order
        let warning = Diagnostic(file: "Reports/r.md", line: 1, column: 1, severity: .warning, "earlier")
        let later = Diagnostic(file: "Reports/s.md", line: 1, column: 1, "another report")
        #expect(DiagnosticOrder.sorted([later] + errors + [warning]).map(\.line) == [1, 5, 3, 1])
        #expect(DiagnosticOrder.sorted([later] + errors + [warning]).map(\.file)
            == ["Reports/r.md", "Reports/r.md", "Reports/r.md", "Reports/s.md"])
    }

    @Test func errorsOfTheSharedFileKeepTheirNotesAndFixIts() {
        let shared = [SharedPlanCode(path: "Reports/study.swift", source: "")]
        let stderr = """
            /tmp/x/shared-0.swift:1:1: error: ignored
            Reports/study.swift:4:9: error: call can throw but is not marked with 'try'
            let d = Deployment(m, w, on: c, parallelism: .expert(16))
                    ^~~~~~~~~~
            Reports/study.swift:4:9: note: did you mean to use 'try'?
            let d = Deployment(m, w, on: c, parallelism: .expert(16))
                    ^
                    try\u{20}
            PlanKit.swiftinterface:120:3: note: 'init(_:_:on:parallelism:)' declared here
            """
        let errors = CompilerDiagnostics.errors(in: stderr, shared: shared)
        // a place outside the shared file (the compiler's own copy, PlanKit) is the file's first line or the error's
        #expect(errors.map(\.description) == [
            "Reports/study.swift:1:1: error: ignored",
            "Reports/study.swift:4:9: error: call can throw but is not marked with 'try'\n"
                + "Reports/study.swift:4:9: note: did you mean to use 'try'? (fix: insert `try `)\n"
                + "Reports/study.swift:4:9: note: 'init(_:_:on:parallelism:)' declared here",
        ])
    }
}

/// The same, with the real compiler.
@Suite(.serialized) struct CompilerDiagnosticsEndToEndTests {
    @Test func aParseErrorAtTheEndComesBeforeATypeErrorAbove() throws {
        // swiftc parses before it type-checks: the unclosed `print(` (report line 5, reported where the code ends)
        // is its first error, the type error on line 4 its second.
        let study = try TemporaryStudy(reports: [
            "index.md": "# Order\n\n```swift plan\nlet a: Int = \"x\"\nprint(a\n```\n",
        ])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        let errors = failure?.diagnostics ?? []
        #expect(errors.count == 2)
        #expect(errors.first?.message == "expected ')' in expression list")
        #expect(errors.first?.notes.map(\.description) == ["Reports/index.md:5:6: note: to match this opening '('"])
        #expect(errors.last?.description
            == "Reports/index.md:4:14: error: cannot convert value of type 'String' to specified type 'Int'")
    }

    @Test func theSharedFilesErrorsCarryTheirNotes() throws {
        let study = try TemporaryStudy(reports: ["a.md": "```swift plan\nprint(try plan().parallelism)\n```\n"])
        defer { study.remove() }
        try study.write("""
            func plan() throws -> Deployment {
                let m = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
                let c = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)
                return Deployment(m, Workload(batch: 8, sequenceLength: 10), on: c, parallelism: .expert(16))
            }

            """, to: "Reports/study.swift")
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        // `Deployment(` starts at column 12 of line 4 (after four spaces and `return `)
        let error = try #require(failure?.diagnostics.first)
        #expect(error.description.hasPrefix("Reports/study.swift:4:12: error: call can throw but is not marked with 'try'"))
        #expect(error.notes.map(\.description).contains(
            "Reports/study.swift:4:12: note: did you mean to use 'try'? (fix: insert `try `)"))
    }
}
