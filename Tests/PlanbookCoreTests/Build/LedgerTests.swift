import Foundation
import Testing
import PlanRecord
@testable import PlanbookCore

/// The ledger: every number a page shows — inline values, every numeric cell of PlanKit's tables, every chart
/// point, claims — with an identity that survives a rebuild (table id or caption, row label, column header).
@Suite(.serialized) struct LedgerTests {
    static let report = """
        ## Memory

        ```swift plan id=mem
        let m = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
        let c = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)
        let ep = try Deployment(m, Workload(batch: 128, sequenceLength: 10_000, precision: .bf16), on: c,
                                parallelism: .expert(16))
        show(ep.memory)
        show(ep.memoryChart)
        ```

        ## Speed

        ```swift plan
        show(ep.performance)
        ```

        Weights take `{swift} ep.memory.weightsPerGPU` per GPU.
        """

    @Test func everyNumberOfThePageIsThereWithItsPlaceAndUnit() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report])
        defer { study.remove() }
        let ledger = try study.build().ledger.entries
        // memory: 10 rows (no dense FFN) × bytes and share = 20; the memory chart: 16 GPUs × 3 parts = 48;
        // performance: 2 phases × (latency, tokens/s and 5 parts of the breakdown) = 14; one inline value: 83
        #expect(ledger.count == 83)
        #expect(Set(ledger.map { "\($0.page) \($0.key)" }).count == ledger.count, "keys are not unique")
        // Large EP's weights: 16 layers × 201,392,128 parameters × 2 B = 6,444,548,096 B (PlanKit's MemoryTests)
        let weights = try #require(ledger.first { $0.key == "tbl-mem / weights / bytes" })
        #expect(weights.kind == .tableCell && weights.section == "Memory" && weights.text == "6.44 GB")
        #expect(weights.number == PlanRecord.Number(6_444_548_096, unit: "B"))
        #expect((weights.table, weights.row, weights.column) == ("tbl-mem", "weights", "bytes"))
        #expect(weights.plan?.name == "EP=16" && weights.plan?.fits == true)
        // 6,444,548,096 / 80e9 = 8.0557 %
        let share = try #require(ledger.first { $0.key == "tbl-mem / weights / share of capacity" })
        #expect(share.number.unit == "%" && abs(share.number.value - 8.0556851200) < 1e-9)
        // a chart point: GPU 0's weights in the stacked memory chart, its row named by category and series
        let bar = try #require(ledger.first { $0.key == "fig-mem / 0 / weights / Memory per GPU (B)" })
        #expect(bar.kind == .chartPoint && bar.number == PlanRecord.Number(6_444_548_096, unit: "B"))
        // a table of a block without an id is known by its caption
        let tpot = try #require(ledger.first { $0.key == "Performance — EP=16 / decode (TPOT) / latency" })
        #expect(tpot.number.unit == "s" && tpot.section == "Speed")
        let inline = try #require(ledger.first { $0.kind == .inline })
        #expect(inline.key == "ep.memory.weightsPerGPU" && inline.number.value == 6_444_548_096)
    }

    @Test func keysSurviveABlockAddedAbove() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report])
        defer { study.remove() }
        let before = try study.build().ledger.entries.map(\.key)
        try study.write("# A new start\n\n```swift plan\nprint(\"hello\")\n```\n\n" + Self.report, to: "Reports/index.md")
        let after = try study.build().ledger.entries.map(\.key)
        #expect(after == before)
    }

    @Test func aParameterChangeShowsAsAChangedMemoryTableCell() throws {
        func report(batch: Int) -> String {
            "---\nparams:\n  batch: \(batch)\n---\n\n"
                + Self.report.replacingOccurrences(
                    of: "Workload(batch: 128,", with: "Workload(batch: param(\"batch\", default: 1),")
        }
        let study = try TemporaryStudy(reports: ["index.md": report(batch: 128)])
        defer { study.remove() }
        let before = try study.build().ledger
        try study.write(report(batch: 256), to: "Reports/index.md")
        let after = try study.build().ledger
        let comparison = LedgerComparison(old: before, new: after, oldName: "128", newName: "256")
        func change(_ key: String) throws -> LedgerComparison.Change {
            try #require(comparison.changes.first { $0.entry.key == key }, "no \(key)")
        }
        // KV cache of EP=16: batch / 16 sequences × 10,000 tokens × 16 layers × 2 × 4096 × 2 B:
        // 8 → 20,971,520,000 B ("21.0 GB"); 16 → 41,943,040,000 B ("41.9 GB")
        let kv = try change("tbl-mem / KV cache / bytes")
        #expect(kv.status == .changed && kv.entry.kind == .tableCell)
        #expect(kv.old?.number.value == 20_971_520_000 && kv.new?.number.value == 41_943_040_000)
        #expect(kv.old?.text == "21.0 GB" && kv.new?.text == "41.9 GB")
        #expect(kv.entry.place == "Table 1 “Memory per GPU — EP=16”, row “KV cache”, column “bytes”")
        // the weights do not depend on the batch
        #expect(try change("tbl-mem / weights / bytes").status == .unchanged)
        // a table of a block without an id stays matched by its caption: decode latency changed, nothing appeared
        #expect(try change("Performance — EP=16 / decode (TPOT) / latency").status == .changed)
        #expect(comparison.changes.allSatisfy { $0.status == .changed || $0.status == .unchanged })
    }

    @Test func rowLabelsAreTheShortestUniqueLead() {
        func values(_ rows: [[String]]) -> [[PlanRecord.Value]] { rows.map { $0.map { PlanRecord.Value($0) } } }
        // a line chart's data: series alone repeats, series and x do not
        #expect(LedgerEntry.rowLabels(values([["EP=16", "8", "1"], ["EP=16", "16", "2"], ["TP=8", "8", "3"]]))
            == ["EP=16 / 8", "EP=16 / 16", "TP=8"])
        // empty cells are left out; rows alike in every cell are numbered; a row with no text is a row
        #expect(LedgerEntry.rowLabels(values([["step", "", "1 ms"], ["same", "2"], ["same", "2"], [""]]))
            == ["step", "same / 2", "same / 2 (2)", "row"])
        // a timeline's two bubbles of one stage, told apart by their start times, are numbered instead: a start
        // time that moves must not make them new rows; a whole number (a sweep's x) still labels
        func timed(_ what: String, _ start: Double) -> [PlanRecord.Value] {
            [PlanRecord.Value("1"), PlanRecord.Value(what), PlanRecord.Value("\(start)", number: .init(start, unit: "s"))]
        }
        #expect(LedgerEntry.rowLabels([timed("bubble", 2.9009), timed("bubble", 3.1), timed("compute", 0.5)])
            == ["1 / bubble", "1 / bubble (2)", "1 / compute"])
        #expect(LedgerEntry.rowLabels([timed("sweep", 128), timed("sweep", 256)])
            == ["1 / sweep / 128.0", "1 / sweep / 256.0"])
    }
}
