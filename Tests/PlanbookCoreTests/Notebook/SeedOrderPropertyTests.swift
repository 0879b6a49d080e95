import Foundation
import Testing
@testable import PlanbookCore

/// A property of the seed study: every inline expression and every block that reads what a block of its report
/// declares gets the use-before-definition error when moved above all of the report's blocks — none is silently
/// accepted — and the study as written gets none.
@Suite struct SeedOrderPropertyTests {
    static let folder = TemporaryStudy.repository.appendingPathComponent("Reports")

    static func reports() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted().map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    static func problems(_ text: String) throws -> [Diagnostic] {
        let report = try Report.parse(bytes: Array(text.utf8), path: "r.md", slug: "r")
        let outline = PageOutline(report)
        return DeclarationOrder(report: report, cells: outline.cells, syntax: outline.cells.map { CellSyntax(code: $0.code) })
            .problems
    }

    /// The names a cell's code mentions — not members (after a `.`), not argument labels (before a `:`), not in
    /// string literals — found by regular expressions, independently of the parser.
    static func words(_ code: String) -> Set<String> {
        let unquoted = code.replacing(/"[^"\n]*"/, with: "\"\"")
        return Set(unquoted.matches(of: /(^|[^.\w])([A-Za-z_]\w*)(?!\w|\s*:[^:])/).map { String($0.output.2) })
    }

    /// The names the blocks of `cells` declare, by the same kind of pattern.
    static func declared(_ cells: [PlanCell]) -> Set<String> {
        Set(cells.filter { $0.kind != .inline }.flatMap { cell in
            cell.code.matches(of: /\b(?:let|var|func|struct|enum|class)\s+([A-Za-z_]\w*)/).map { String($0.output.1) }
        })
    }

    @Test func theSeedStudyAsWrittenHasNoUseBeforeDefinition() throws {
        for (name, text) in try Self.reports() {
            #expect(try Self.problems(text).isEmpty, "\(name)")
        }
    }

    @Test func everyDependentInlineMovedAboveItsBlocksIsAnError() throws {
        var checked = 0
        for (name, text) in try Self.reports() {
            let report = try Report.parse(bytes: Array(text.utf8), path: "r.md", slug: "r")
            let cells = PageOutline(report).cells
            let declared = Self.declared(cells)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let top = report.bodyFirstLine - 1
            for cell in cells where cell.kind == .inline && !Self.words(cell.code).isDisjoint(with: declared) {
                let moved = (lines[..<top] + ["`{swift} \(cell.code)`", ""] + lines[top...]).joined(separator: "\n")
                let problems = try Self.problems(moved)
                #expect(problems.contains { $0.line == top + 1 && $0.message.contains("is used here but") },
                        "\(name): `\(cell.code)` moved above its blocks was accepted")
                checked += 1
            }
        }
        // The seed study has well over a hundred inline values that read its blocks.
        #expect(checked > 100)
    }

    @Test func everyDependentBlockMovedAboveTheOthersIsAnError() throws {
        var checked = 0
        for (name, text) in try Self.reports() {
            let report = try Report.parse(bytes: Array(text.utf8), path: "r.md", slug: "r")
            let blocks = PageOutline(report).cells.filter { $0.kind != .inline }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let top = report.bodyFirstLine - 1
            for (position, block) in blocks.enumerated() where position > 0 {
                guard !Self.words(block.code).isDisjoint(with: Self.declared(Array(blocks[..<position]))) else { continue }
                // The block's fence is the line before its code; its closing fence the line after.
                let fence = block.line - 2
                let codeLines = block.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1
                var edited = lines
                let moved = Array(edited[fence...(fence + codeLines + 1)])
                edited.removeSubrange(fence...(fence + codeLines + 1))
                edited.insert(contentsOf: moved + [""], at: top)
                let problems = try Self.problems(edited.joined(separator: "\n"))
                #expect(problems.contains { $0.line > top && $0.line <= top + codeLines + 1 && $0.message.contains("is used here but") },
                        "\(name): the block at line \(block.line) moved to the top was accepted")
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}
