import Testing

@testable import PlanbookCore

/// `scenarios:` and `grid:` in the index's front matter.
@Suite struct ScenarioDeclarationTests {
    @Test func namedSetsThenEveryCombinationOfTheGrid() throws {
        let yaml = """
            scenarios:
              h200: { gpu: h200 }
              long-context: { sequenceLength: 32000, batch: 64 }
            grid:
              batch: [32, 128]
              sequenceLength: [4000, 10000]
              fast: [true]
            """
        let frontMatter = try FrontMatter.parse(yaml, file: "Reports/index.md", firstLine: 2)
        #expect(
            frontMatter.scenarios.map(\.name) == [
                "h200", "long-context",
                "batch-32_sequenceLength-4000_fast-true", "batch-32_sequenceLength-10000_fast-true",
                "batch-128_sequenceLength-4000_fast-true", "batch-128_sequenceLength-10000_fast-true",
            ])
        let long = frontMatter.scenarios[1]
        #expect(long.settings.map(\.name) == ["sequenceLength", "batch"])
        #expect(long.settings.map(\.value) == [.int(32000), .int(64)])
        #expect(long.summary == "sequenceLength = 32000, batch = 64")
        // Lines of the file: the YAML starts on line 2, so its third line is line 4; in
        // "  long-context: { sequenceLength: 32000, batch: 64 }" the 64 starts at column 49.
        #expect((long.line, long.settings[1].valueLine, long.settings[1].valueColumn) == (4, 4, 49))
        #expect(frontMatter.scenarios[2].fromGrid && frontMatter.scenarios[2].line == 5)
        #expect(frontMatter.scenarios[2].folder == "scenarios/batch-32_sequenceLength-4000_fast-true")
    }

    @Test func aGridValueNamesItsCombinationInFolderSafeCharacters() {
        let settings = [
            Scenario.Setting(
                name: "gpu", value: .string("H200 SXM/141"), nameLine: 1, nameColumn: 1,
                valueLine: 1, valueColumn: 1),
            Scenario.Setting(
                name: "share", value: .double(0.5), nameLine: 1, nameColumn: 1,
                valueLine: 1, valueColumn: 1),
        ]
        #expect(Scenario.gridName(settings) == "gpu-H200-SXM-141_share-0.5")
        #expect(
            Scenario.isName("h200") && Scenario.isName("batch-512") && !Scenario.isName(".hidden")
                && !Scenario.isName("a/b") && !Scenario.isName(""))
    }

    @Test func aScenarioWithoutParametersIsAnError() {
        #expect(throws: BuildFailure.self) {
            try FrontMatter.parse("scenarios:\n  empty: {}", file: "Reports/index.md", firstLine: 2)
        }
    }
}
