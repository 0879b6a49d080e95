import Foundation
import Testing
@testable import PlanbookCore

/// Issue 11: a plan that does not fit the GPUs' memory is never silent — a warning at the statement that made it, a
/// mark under every figure, table and chart of it — unless it is shown on purpose.
@Suite(.serialized) struct MisfitTests {
    static let setup = "let m = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)\n"
        + "let c = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)\n"
    /// Batch 1024 at 10,000 tokens: the KV cache alone is far over 80 GB per GPU.
    static let big = "let big = try Deployment(m, Workload(batch: 1024, sequenceLength: 10_000), on: c, "
        + "parallelism: .expert(16))"
    static let mark = "<p class=\"misfit\"><strong>Does not fit:</strong> EP=16 at batch 1024 needs "

    static func marks(_ html: String) -> Int { html.components(separatedBy: Self.mark).count - 1 }

    @Test func aPlanThatDoesNotFitWarnsAtTheLineThatMadeItAndIsMarked() throws {
        // The plan is made on cell line 3, report line 4 (code from line 2).
        let study = try TemporaryStudy(reports: ["index.md": "```swift plan\n\(Self.setup)\(Self.big)\nshow(big)\n```\n"])
        defer { study.remove() }
        let summary = try study.build()
        let warning = try #require(summary.warnings.first)
        #expect(warning.description.hasPrefix("Reports/index.md:4:1: warning: EP=16 at batch 1024 needs "))
        #expect(warning.message.contains("per GPU of 80.0 GB; its figures describe a plan that cannot run"))
        #expect(try study.read("site/index.html").contains(Self.mark))
        // From the cache, the warning is given again.
        #expect(try study.build().warnings.map(\.description) == summary.warnings.map(\.description))
    }

    @Test func everyFigureTableAndChartOfThePlanIsMarked() throws {
        let shows = ["big.memory", "big.performance", "big.stepBreakdown(.decode)", "big.dimensions",
                     "big.communication", "big.placement", "big.decodeMemoryFloor()", "big.dag(.collapsed)",
                     "big.memoryChart", "big.timeline(.decode)", "big.placementHeatmap"]
        let study = try TemporaryStudy(reports: [
            "index.md": "```swift plan\n\(Self.setup)\(Self.big)\n" + shows.map { "show(\($0))\n" }.joined() + "```\n",
        ])
        defer { study.remove() }
        _ = try study.build()
        let html = try study.read("site/index.html")
        // one mark per output: 11 shows, of which the communication report is two tables
        #expect(Self.marks(html) == 12)
        // the mark says what the plan needs: 248 GB per GPU (the warning's figure) of 80.0 GB
        #expect(html.contains(" per GPU of 80.0 GB; these figures describe a plan that cannot run.</p>"))
    }

    @Test func anAcknowledgedPlanAndAPlanThatFitsAreQuiet() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "```swift plan\n\(Self.setup)\(Self.big).acknowledgingMisfit()\n"
                + "let small = try Deployment(m, Workload(batch: 16, sequenceLength: 1_000), on: c, parallelism: .expert(16))\n"
                + "show(small)\nshow(big.memory)\nshow(big.timeline(.decode))\n```\n",
        ])
        defer { study.remove() }
        #expect(try study.build().warnings.isEmpty)
        #expect(!(try study.read("site/index.html")).contains("class=\"misfit\""))
    }

    @Test func anExpectationOnItsFitSilencesEvenFiguresShownBeforeIt() throws {
        // The tables come first; the expectation that says the plan does not fit, after them, still silences them.
        let study = try TemporaryStudy(reports: [
            "index.md": "```swift plan\n\(Self.setup)\(Self.big)\nshow(big.memory)\nshow(big.performance)\n```\n\n"
                + "```swift plan\nexpect(!big.memory.fits, \"batch 1024 is shown as the plan that does not fit\")\n```\n",
        ])
        defer { study.remove() }
        let summary = try study.build()
        #expect(summary.warnings.isEmpty)
        let html = try study.read("site/index.html")
        #expect(!html.contains("class=\"misfit\""))
        #expect(html.contains("<caption>Table 1: Memory per GPU — EP=16</caption>"))
        // An expectation about something else does not silence it.
        try study.write("```swift plan\n\(Self.setup)\(Self.big)\nshow(big.memory)\n"
                        + "expect(big.performance.decode.tpot.seconds > 0, \"it decodes\")\n```\n", to: "Reports/index.md")
        #expect(try study.build().warnings.count == 1)
        #expect(Self.marks(try study.read("site/index.html")) == 1)
    }
}

/// Issue 12's tables on the page: each names its plan in its default caption, and two plans never share one.
@Suite(.serialized) struct PlanCaptionTests {
    @Test func defaultCaptionsNameThePlanAndTellPlansApart() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "```swift plan\n\(MisfitTests.setup)"
                + "let ep8 = try Deployment(m, Workload(batch: 64, sequenceLength: 1_000), on: c, parallelism: Parallelism(ep: 8, dp: 2))\n"
                + "let tp8 = try Deployment(m, Workload(batch: 64, sequenceLength: 1_000), on: c, parallelism: Parallelism(tp: 8, dp: 2))\n"
                + "let wide = try Deployment(m, Workload(batch: 128, sequenceLength: 1_000), on: c, parallelism: Parallelism(ep: 8, dp: 2))\n"
                + "show(ep8.memory)\nshow(tp8.memory)\nshow(tp8.performance)\nshow(wide.memory)\nshow(ep8.memory)\n```\n\n"
                + "```swift plan caption=\"My own caption\"\nshow(ep8.memory)\n```\n",
        ])
        defer { study.remove() }
        _ = try study.build()
        let captions = try study.read("site/index.html").components(separatedBy: "<caption>").dropFirst()
            .map { String($0.prefix { $0 != "<" }) }
        #expect(captions == [
            "Table 1: Memory per GPU — EP=8 × DP=2",
            "Table 2: Memory per GPU — TP=8 × DP=2",
            "Table 3: Performance — TP=8 × DP=2",
            // another EP=8 × DP=2 plan: named in full
            "Table 4: Memory per GPU — EP=8 × DP=2 at batch 128, 1,000 tokens, on 2 × 8 H100 SXM",
            // the same plan again: the same caption
            "Table 5: Memory per GPU — EP=8 × DP=2",
            "Table 6: My own caption",
        ])
    }
}
