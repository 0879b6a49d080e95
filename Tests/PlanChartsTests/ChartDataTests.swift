import Testing
@testable import PlanCharts
import PlanKit

/// Chart data as the ledger and the CSV downloads read it: every plotted number a typed cell in its axis's base
/// unit, and the plan a chart of one deployment describes.
@Suite struct ChartDataTests {
    typealias F = ChartFixtures

    @Test func barsKeepTheirValuesInTheAxisUnit() {
        let chart = BarChart("Bars", category: "Plan", value: Axis("Speed", unit: "tokens/s"),
                             bars: [("EP=16", 41_000), ("TP=8", 23_000.5)])
        #expect(chart.data.cells == [
            [DisplayCell("EP=16"), DisplayCell(41_000, text: "41000", unit: "tokens/s")],
            [DisplayCell("TP=8"), DisplayCell(23_000.5, text: "23000.5", unit: "tokens/s")],
        ])
        // quantities bring their unit: seconds, written exactly ("0.0106")
        let time = BarChart("TPOT", category: "Plan", value: Axis("TPOT"), bars: [("EP=16", Seconds(0.0106))])
        #expect(time.data.cells[0][1] == DisplayCell(0.0106, text: "0.0106", unit: "s"))
    }

    @Test func linePointsKeepBothCoordinates() {
        let chart = LineChart("Share", x: Axis("Batch"), y: Axis("Busy", format: .percent),
                              series: [ChartSeries("EP=16", points: [(8, 0.25), (16, 0.5)])])
        // a percent axis plots shares of 1: 0.25 is "25 %" on the axis and 0.25 (share) in the data
        #expect(chart.data.cells[1] == [DisplayCell("EP=16"), DisplayCell(16, text: "16"),
                                        DisplayCell(0.5, text: "0.5", unit: "share")])
    }

    @Test func stackedMemoryBarsAreBytesOfTheirPlan() throws {
        let d = try F.largeEP
        let chart = d.memoryChart
        // GPU 0's weights: 6,444,548,096 B (PlanKit's MemoryTests)
        #expect(chart.data.cells[0] == [DisplayCell("0"), DisplayCell("weights"),
                                        DisplayCell(6_444_548_096, text: "6444548096", unit: "B")])
        #expect(chart.plan?.deployment == d)
        guard case .describing(let plan, .chart) = chart.display else {
            Issue.record("the memory chart does not describe its plan")
            return
        }
        #expect(plan.name == "EP=16")
    }

    @Test func timelineSegmentsKeepSecondsAndHeatmapsTheirPlan() throws {
        let d = try F.baseline
        let timeline = d.timeline(.decode)
        let first = try #require(timeline.data.cells.first)
        let segment = try #require(timeline.segments.first)
        #expect(first[5] == DisplayCell(segment.start.seconds, text: ChartNumber.csv(segment.start.seconds), unit: "s"))
        #expect(first[7].value == segment.duration.seconds && first[7].unit == "s")
        #expect(timeline.plan?.deployment == d && d.placementHeatmap.plan?.deployment == d)
        // a heatmap of a placement made by hand describes no plan
        let plain = PlacementHeatmap(Placement(model: d.model, parallelism: d.parallelism, cluster: d.cluster))
        #expect(plain.plan == nil)
        guard case .chart = plain.display else {
            Issue.record("a hand-made heatmap should be a plain chart")
            return
        }
    }
}
