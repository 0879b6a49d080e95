import Foundation
import Testing
@testable import PlanbookCore

/// Names used before the cell that declares them has run: found by SwiftParser and SwiftLexicalLookup before any
/// compile, right for functions, closures, types and shadowing.
@Suite struct DeclarationOrderTests {
    /// The diagnostics of a report whose body is `body`.
    static func problems(_ body: String) throws -> [String] {
        let report = try Report.parse(bytes: Array(body.utf8), path: "r.md", slug: "r")
        let outline = PageOutline(report)
        let syntax = outline.cells.map { CellSyntax(code: $0.code) }
        return DeclarationOrder(report: report, cells: outline.cells, syntax: syntax).problems.map(\.description)
    }

    @Test func anInlineValueAboveItsBlockNamesBothPlaces() throws {
        // Line 1: "Takes `{swift} tpot * 2`." — the span's content starts at column 8, the expression 8 later ("{swift} "): 16.
        // The block's code starts on line 4.
        #expect(try Self.problems("Takes `{swift} tpot * 2`.\n\n```swift plan\nlet tpot = 0.0106\n```\n") == [
            "r.md:1:16: error: 'tpot' is used here but declared in the plan block at line 4; move the sentence below "
                + "that block, or the declaration above it",
        ])
    }

    @Test func aBlockReadingALaterBlocksName() throws {
        #expect(try Self.problems("```swift plan\nprint(b)\n```\n\n```swift plan\nlet b = 1\n```\n") == [
            "r.md:2:7: error: 'b' is used here but declared in the plan block at line 6; move this code below that "
                + "block, or the declaration above it",
        ])
    }

    @Test func aClosureOrAFunctionReadingALaterName() throws {
        // Same cell: the closure is made on line 2 and reads `later` from line 4 (zero when it runs on line 3).
        #expect(try Self.problems("```swift plan\nlet read = { later }\nprint(read())\nlet later = 42\n```\n") == [
            "r.md:2:14: error: 'later' is used here but declared below it, at line 4; move the declaration above its first use",
        ])
        // A function that reads a later global is fine until it is called before that global exists.
        let function = "```swift plan\nfunc f() -> Int { y }\nprint(f())\n```\n\n```swift plan\nlet y = 1\nprint(f())\n```\n"
        #expect(try Self.problems(function) == [
            "r.md:3:7: error: 'f' is used here but reads 'y', which is declared at line 7, after this use; use 'f' "
                + "below that line, or move the declaration above this use",
        ])
    }

    @Test func localNamesShadowGlobals() throws {
        // Parameters, closure arguments, locals, loop variables and members are not the later global `x`.
        let code = """
            ```swift plan
            func twice(_ x: Int) -> Int { let y = x; return 2 * y }
            let doubled = [1, 2].map { x in x * 2 }
            for x in 0..<2 { print(x) }
            struct Box { var x = 1; func get() -> Int { x } }
            if let x = Optional(3) { print(x) }
            ```

            ```swift plan
            let x = 5
            ```
            """
        #expect(try Self.problems(code) == [])
    }

    @Test func typesAndFunctionsOfEarlierCellsAreReady() throws {
        let code = "```swift plan\nstruct S { var v = 1 }\nfunc make() -> S { S() }\n```\n\nUses `{swift} make().v`.\n"
        #expect(try Self.problems(code) == [])
        #expect(try Self.problems("`{swift} S().v`\n\n```swift plan\nstruct S { var v = 1 }\n```\n").count == 1)
    }
}
