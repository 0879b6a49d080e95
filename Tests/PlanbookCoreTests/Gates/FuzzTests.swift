import Foundation
import PlanKit
import Testing
@testable import PlanbookCore
import PlanKit

/// A seeded fuzzer over reading reports: front matter, Markdown elements, plan cells, dot figures and page outlines.
/// Every generated document must be read without a crash, and every diagnostic and cell must point at a line of
/// the document. `make fuzz` runs it long (`PLANBOOK_FUZZ_ITERATIONS`); the test suite runs a short, fixed sample.
/// The fuzzer draws from PlanKit's SplitMix64: small, seeded, the same on every platform.
extension SplitMix64 {
    /// One of `choices`: next() modulo their count.
    mutating func pick<T>(_ choices: [T]) -> T { choices[Int(next() % UInt64(choices.count))] }
}

@Suite struct FuzzTests {
    static let fragments = [
        "---\n", "title: A\n", "order: 3\n", "order: x\n", "params:\n  batch: 128\n", "  b: [1, 2\n", "colour: red\n",
        "summary: \"quoted\n", "a: &x [1]\nb: *x\n", "# Heading\n", "## Same\n", "## Same\n", "### `code` heading\n",
        "```swift plan\n", "```swift plan id=a echo=false\n", "```swift plan echo=maybe colour=x\n", "```dot\n",
        "```dot engine=sprawl caption=\"open\n", "```dot id=fig\n", "```\n", "~~~\n", "````\n", "digraph { a -> b }\n",
        "let x = 1\n", "show(x)\n", "text with `{swift} x * 2` inline\n", "`{swift}`\n", "`{swift}    `\n",
        "see @fig-a and @tbl-b or a@fig-x\n", "> [!NOTE]\n", "> [!WARNING]\n> body\n", "> plain quote\n",
        "<div onclick=\"x()\">\n", "<script>1</script>\n", "[l](../../etc/passwd)\n", "[j](javascript:x)\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n", "\n", "\n\n", "    indented code\n", "- item\n  - nested\n", "é ü 漢字 🚀\n",
        "\r\n", "\t\n", "*", "`", "[", "]", "(", "<", "&amp;", "\u{FEFF}",
    ]

    static func document(_ generator: inout SplitMix64) -> [UInt8] {
        var text = ""
        for _ in 0..<Int(generator.next() % 30) { text += generator.pick(fragments) }
        var bytes = Array(text.utf8)
        // Now and then, a raw byte that is not UTF-8 or a NUL.
        if generator.next() % 17 == 0, !bytes.isEmpty {
            bytes.insert(generator.pick([0, 0xFF, 0xC3, 0x80]), at: Int(generator.next() % UInt64(bytes.count)))
        }
        return bytes
    }

    static func check(_ bytes: [UInt8]) -> [String] {
        var findings: [String] = []
        let lines = bytes.count(where: { $0 == 10 }) + 2
        func inBounds(_ diagnostic: Diagnostic) {
            if diagnostic.line < 0 || diagnostic.line > lines || diagnostic.column < 0 {
                findings.append("out of bounds: \(diagnostic)")
            }
        }
        do {
            let report = try Report.parse(bytes: bytes, path: "Reports/f.md", slug: "f")
            report.problems.forEach(inBounds)
            let outline = PageOutline(report)
            outline.problems.forEach(inBounds)
            for cell in outline.cells where cell.line < 1 || cell.line > lines {
                findings.append("cell line \(cell.line) outside 1...\(lines)")
            }
            _ = RenderedPage.rendering(outline, slugs: ["f", "a"]).bodyHTML()
            _ = PlanProgram(report: report, cells: outline.cells).source
        } catch {
            error.diagnostics.forEach(inBounds)
        }
        return findings
    }

    @Test func readingReportsNeverCrashesAndPointsInsideTheFile() {
        let iterations = Int(ProcessInfo.processInfo.environment["PLANBOOK_FUZZ_ITERATIONS"] ?? "") ?? 400
        var generator = SplitMix64(seed: 0x5EED)
        var findings: [String] = []
        for _ in 0..<iterations {
            let bytes = Self.document(&generator)
            findings += Self.check(bytes).map { "\($0) in \(String(decoding: bytes, as: UTF8.self).debugDescription)" }
        }
        if ProcessInfo.processInfo.environment["PLANBOOK_FUZZ_ITERATIONS"] != nil {
            print("fuzz: \(iterations) executions, \(findings.count) findings")
        }
        #expect(findings.isEmpty, "\(findings.prefix(5))")
    }
}
