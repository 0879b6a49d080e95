import Testing
@testable import PlanbookCore

@Suite struct FrontMatterTests {
    @Test func readsTheKnownKeysAndTypedParameters() throws {
        let yaml = "title: Large EP\norder: 2\nsummary: One expert per GPU\nparams:\n  batch: 128\n  skew: 1.2\n  gpu: h100\n  overlap: true\n  label: \"256\"\n"
        let matter = try FrontMatter.parse(yaml, file: "Reports/x.md", firstLine: 2)
        #expect(matter.title == "Large EP")
        #expect(matter.order == 2)
        #expect(matter.summary == "One expert per GPU")
        #expect(matter.params.map(\.name) == ["batch", "skew", "gpu", "overlap", "label"])
        // A quoted number stays text.
        #expect(matter.params.map(\.value) == [.int(128), .double(1.2), .string("h100"), .bool(true), .string("256")])
    }

    @Test func unknownKeyNamesItAndTheKnownOnesAtItsLine() {
        // The front matter starts on file line 2, so YAML line 3 (`tilte`) is file line 4.
        let failure = #expect(throws: BuildFailure.self) {
            try FrontMatter.parse("title: A\norder: 1\ntilte: B\n", file: "Reports/x.md", firstLine: 2)
        }
        #expect(failure?.diagnostics.count == 1)
        #expect(failure?.diagnostics.first?.description
            == "Reports/x.md:4:1: error: unknown front-matter key `tilte`; the known keys are `title`, `order`, `summary`, "
            + "`section`, `params`, `echo`, `plans`, `scenarios`, `grid`")
    }

    @Test func everyProblemIsReported() {
        let failure = #expect(throws: BuildFailure.self) {
            try FrontMatter.parse("order: first\ncolour: red\nparams: 3\n", file: "r.md", firstLine: 2)
        }
        #expect(failure?.diagnostics.map(\.line) == [2, 3, 4])
        #expect(failure?.diagnostics[0].message.contains("`order` must be a whole number") == true)
    }

    @Test func invalidYAMLPointsIntoTheFile() {
        // YAML line 2 has an unclosed flow sequence; reported at file line 2 + 2 - 1 = 3 or after.
        let failure = #expect(throws: BuildFailure.self) {
            try FrontMatter.parse("title: A\nparams: [1, 2\n", file: "r.md", firstLine: 2)
        }
        let diagnostic = failure?.diagnostics.first
        #expect(diagnostic?.message.hasPrefix("invalid front matter:") == true)
        #expect((diagnostic?.line ?? 0) >= 3)
    }

    @Test func aListIsNotAFrontMatter() {
        let failure = #expect(throws: BuildFailure.self) { try FrontMatter.parse("- a\n- b\n", file: "r.md", firstLine: 2) }
        #expect(failure?.diagnostics.first?.message.contains("must be a mapping") == true)
    }
}
