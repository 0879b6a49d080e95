import Testing
@testable import PlanbookCore

@Suite struct ReportTests {
    @Test func splitsFrontMatterAndKnowsWhereTheBodyStarts() throws {
        let text = "---\ntitle: T\n---\n# Heading\n"
        let report = try Report.parse(bytes: Array(text.utf8), path: "Reports/t.md", slug: "t")
        #expect(report.frontMatter.title == "T")
        #expect(report.body == "# Heading\n")
        // Lines 1–3 are the header, so the body starts on line 4.
        #expect(report.bodyFirstLine == 4)
    }

    @Test func withoutFrontMatterTheBodyIsTheWholeFile() throws {
        let report = try Report.parse(bytes: Array("# Only\r\ntext\r\n".utf8), path: "r.md", slug: "r")
        #expect(report.frontMatter == FrontMatter())
        #expect(report.body == "# Only\ntext\n")
        #expect(report.bodyFirstLine == 1)
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        // Line 2 is "ab" then the invalid byte 0xFF: column 3.
        let bytes: [UInt8] = Array("line one\nab".utf8) + [0xFF] + Array("\n".utf8)
        let failure = #expect(throws: BuildFailure.self) { try Report.parse(bytes: bytes, path: "Reports/bad.md", slug: "bad") }
        #expect(failure?.diagnostics.first?.description
            == "Reports/bad.md:2:3: error: the file is not UTF-8 text (invalid byte 0xFF); save it as UTF-8")
    }

    @Test func nulBytesAreRefused() {
        let failure = #expect(throws: BuildFailure.self) {
            try Report.parse(bytes: Array("ok\n\u{0}".utf8), path: "r.md", slug: "r")
        }
        #expect(failure?.diagnostics.first?.line == 2)
        #expect(failure?.diagnostics.first?.column == 1)
    }

    @Test func anUnclosedFrontMatterIsAnError() {
        let failure = #expect(throws: BuildFailure.self) {
            try Report.parse(bytes: Array("---\ntitle: x\n# body\n".utf8), path: "r.md", slug: "r")
        }
        #expect(failure?.diagnostics.first?.message.contains("never closed") == true)
    }
}

@Suite struct ReportFrontMatterProblemTests {
    @Test func aBadFrontMatterStillLeavesTheBodyReadable() throws {
        // `order: soon` is on file line 2; the body starts on line 4.
        let report = try Report.parse(bytes: Array("---\norder: soon\n---\n# Body\n".utf8), path: "r.md", slug: "r")
        #expect(report.problems.map(\.line) == [2])
        #expect(report.body == "# Body\n")
        #expect(report.bodyFirstLine == 4)
    }
}
