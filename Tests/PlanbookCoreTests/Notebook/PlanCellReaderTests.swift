import Testing
@testable import PlanbookCore

@Suite struct PlanCellReaderTests {
    private func cells(_ text: String) throws -> ([PlanCell], [Diagnostic]) {
        let report = try Report.parse(bytes: Array(text.utf8), path: "Reports/r.md", slug: "r")
        return PlanCellReader.cells(in: report, elements: CommonMark.parse(report.body).elements)
    }

    @Test func findsPlanBlocksAndInlineExpressionsInOrder() throws {
        let (cells, problems) = try cells("""
            ---
            title: T
            ---
            ```swift plan id=setup echo=false
            let x = 2
            ```

            ```swift
            let shownOnly = 1
            ```

            Twice is `{swift} x * 2` and `plain code`.
            """)
        #expect(problems.isEmpty)
        #expect(cells.map(\.kind) == [.block(echo: .hide, id: "setup"), .inline])
        #expect(cells.map(\.code) == ["let x = 2\n", "x * 2"])
        // The fence is on file line 4, so the code starts on line 5. The inline span is on line 12: "Twice is "
        // is 9 characters, the backtick at column 10, its content at 11, and the expression after "{swift} " at 19.
        #expect(cells[0].line == 5)
        #expect((cells[1].line, cells[1].column) == (12, 19))
        #expect(cells.map(\.index) == [0, 1])
    }

    @Test func anInlineExpressionMayBeMarkedAsAHeadline() throws {
        let (cells, problems) = try cells("""
            A `{swift headline} x`, a `{swift headline="Decode TPOT"} y * 2`, and a plain `{swift} z`.

            `{swift colour} a` and `{swift headline="open} b`
            """)
        #expect(cells.map(\.code) == ["x", "y * 2", "z"])
        #expect(cells.map(\.headline) == ["", "Decode TPOT", nil])
        // "A " is 2 characters, the backtick at 3, `{swift headline} ` 17 more: the expression at column 21.
        #expect(cells[0].column == 21)
        #expect(problems.map(\.message) == [
            "unknown option `colour` on an inline expression; the known option is `headline`",
            "the quoted value of `headline` is not closed; add a `\"`",
        ])
        #expect(problems.map(\.line) == [3, 3])
    }

    @Test func badOptionsAreReportedAtTheFence() throws {
        let (cells, problems) = try cells("```swift plan echo=maybe colour=red id=a\nlet a = 1\n```\n\n```swift plan id=a\n```\n\n`{swift}`\n")
        #expect(cells.count == 2)
        #expect(problems.map(\.line) == [1, 1, 5, 8])
        #expect(problems[0].message == "`echo` must be `true`, `false` or `fold`, not `maybe`")
        #expect(problems[1].message.hasPrefix("unknown option `colour` on a swift plan block"))
        #expect(problems[2].message.contains("already exists"))
        #expect(problems[3].message.contains("needs an expression"))
    }
}

@Suite struct PlanProgramTests {
    private func program(_ text: String) throws -> PlanProgram {
        let report = try Report.parse(bytes: Array(text.utf8), path: "Reports/r.md", slug: "r")
        let (cells, _) = PlanCellReader.cells(in: report, elements: CommonMark.parse(report.body).elements)
        return PlanProgram(report: report, cells: cells)
    }

    @Test func cellsSitUnderTheirOwnSourceLocations() throws {
        let program = try program("```swift plan\nlet x = 1\n```\n\nSee `{swift} x`.\n")
        #expect(program.source.contains("PlanbookCells.begin(0)\n#sourceLocation(file: \"cell-0\", line: 1)\nlet x = 1\n#sourceLocation()"))
        // The inline expression stands on its own line, indented to its report column: "See `" puts the code span's
        // content at column 6, and the expression follows "{swift} " at 6 + 8 = 14, so 13 spaces come before it.
        #expect(program.source.contains("try PlanbookCells.inline(1, column: 14) {\n" + String(repeating: " ", count: 13) + "x\n}"))
    }

    @Test func everyStatementThatStartsALineIsMarked() throws {
        let text = "```swift plan\n// setup\nlet a = 1; let b = 2\nprint(a,\n      b)\n```\n"
        let report = try Report.parse(bytes: Array(text.utf8), path: "Reports/r.md", slug: "r")
        let (cells, _) = PlanCellReader.cells(in: report, elements: CommonMark.parse(report.body).elements)
        let program = PlanProgram(report: report, cells: cells, syntax: cells.map { CellSyntax(code: $0.code) })
        // `let a` starts cell line 2 (after the comment), `let b` shares it, `print` starts line 3 and runs onto 4:
        // two markers, each followed by the location of its line, so compiler lines are unchanged.
        #expect(program.source.contains("""
            #sourceLocation(file: "cell-0", line: 1)
            // setup
            PlanbookCells.at(0, 2, 1)
            #sourceLocation(file: "cell-0", line: 2)
            let a = 1; let b = 2
            PlanbookCells.at(0, 3, 1)
            #sourceLocation(file: "cell-0", line: 3)
            print(a,
                  b)
            #sourceLocation()
            """))
    }

    @Test func editingOnlyTheProseLeavesTheProgramUnchanged() throws {
        let before = try program("Intro.\n\n```swift plan\nlet x = 1\n```\n\nValue `{swift} x`.\n")
        let after = try program("A much longer introduction.\n\nWith a second paragraph.\n\n```swift plan\nlet x = 1\n```\n\nValue `{swift} x`.\n")
        #expect(before.source == after.source)
        // …but locations still map to each version's own lines: the block's first code line is 4, then 6.
        #expect(before.location(file: "cell-0", line: 1, column: 5)! == (4, 5))
        #expect(after.location(file: "main/cell-0", line: 1, column: 5)! == (6, 5))
        #expect(after.location(file: "elsewhere.swift", line: 1, column: 1) == nil)
    }

    @Test func compilerErrorsArePlacedInTheReport() throws {
        let program = try program("---\ntitle: T\n---\n```swift plan\nlet a = 1\nlet b: String = a\n```\n")
        // Cell line 2 is the report's line 6 (fence on line 4, code from line 5).
        let stderr = "cell-0:2:17: error: cannot convert value of type 'Int' to specified type 'String'\nlet b: String = a\n                ^\n"
        let diagnostics = CompilerDiagnostics.errors(in: stderr, program: program)
        #expect(diagnostics.map(\.description) == [
            "Reports/r.md:6:17: error: cannot convert value of type 'Int' to specified type 'String'",
        ])
    }
}

/// Found by the fuzzer: cmark-gfm gives the contents of table cells no position (line 0).
@Suite struct TableCellPositionTests {
    @Test func anInlineExpressionInATableCellGetsItsRowsLine() throws {
        // cmark-gfm positions the table (line 3) and its rows, not the contents of cells; the expression sits in the
        // row on line 5, so it takes that line.
        let text = "# T\n\n| plan | TPOT |\n|---|---|\n| EP | `{swift} tpot` |\n"
        let report = try Report.parse(bytes: Array(text.utf8), path: "r.md", slug: "r")
        let (cells, _) = PlanCellReader.cells(in: report, elements: CommonMark.parse(report.body).elements)
        #expect(cells.count == 1)
        #expect(cells.first?.line == 5)
    }
}
