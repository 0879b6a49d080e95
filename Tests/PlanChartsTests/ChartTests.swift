import Testing
@testable import PlanCharts
import PlanKit

@Suite struct ChartTests {
    typealias F = ChartFixtures

    /// One of each chart, for the checks every chart must pass.
    static func samples() throws -> [(String, String, DisplayTable)] {
        let line = LineChart("Sweep", x: Axis("Batch size", scale: .log), y: Axis("Throughput", unit: "tokens/s"),
                             series: [ChartSeries("a", points: [(1, 10), (10, 30), (100, 50)]),
                                      ChartSeries("b & c", points: [(1, 5), (10, .nan), (100, 45)])])
        let bar = BarChart("Bars", category: "Plan", value: Axis("Speed", unit: "tokens/s"),
                           bars: [("EP=16", 40), ("TP=8 × PP=2", 20)])
        let grouped = try F.largeEP.memoryChart
        let pareto = ParetoChart("Front", x: Axis("x"), y: Axis("y"), points: [ParetoPoint("p", x: 1, y: 2)])
        let charts: [any Displayable] = [line, bar, grouped, pareto, try F.largeEP.placementHeatmap,
                                         try F.baseline.placementHeatmap, try F.baseline.timeline(.decode),
                                         try F.baseline.timeline(.prefill)]
        return charts.map {
            var display = $0.display
            if case .describing(_, let described) = display { display = described }  // a chart of a plan
            guard case let .chart(svg, title, data) = display else { return ("", "", DisplayTable(header: [], rows: [])) }
            return (svg, title, data)
        }
    }

    @Test func everyChartIsWellFormedAccessibleAndDeterministic() throws {
        let first = try Self.samples()
        let second = try Self.samples()
        for ((svg, title, _), (again, _, _)) in zip(first, second) {
            #expect(!svg.isEmpty)
            #expect(SVGCheck.problems(svg) == [], "\(title)")
            #expect(svg == again, "\(title) differs between two calls")
            #expect(svg.contains("<title id=\"title\">") && svg.contains("<desc id=\"desc\">"))
            #expect(svg.contains("role=\"img\" aria-labelledby=\"title desc\""))
            #expect(svg.contains("width=\"680\"") && svg.contains("viewBox=\"0 0 680 "))
            // DejaVu Sans first: the font Planbook measures Graphviz drawings in.
            #expect(svg.contains(
                "font-family=\"&#39;DejaVu Sans&#39;, Verdana, system-ui, -apple-system, &#39;Segoe UI&#39;, Roboto, sans-serif\""))
            // text, axes and grid follow the page's colour; no hard-coded black or white text outside cells
            #expect(svg.contains("fill=\"currentColor\""))
        }
    }

    @Test func barHeightFollowsTheScale() {
        // values 40 and 20: 40 / 5 = 8 → step 10, axis 0 … 40; the plot is 260 px tall, so 40 → 260 px and
        // 20 → 20 / 40 × 260 = 130 px, both standing on the baseline
        let chart = BarChart("b", category: "c", value: Axis("v"), bars: [("a", 40), ("b", 20)])
        let renderer = BarRenderer(chart: chart.grouped)
        let bars = renderer.placedBars()
        #expect(bars.count == 2)
        #expect(abs(bars[0].height - 260) < 1e-9 && abs(bars[1].height - 130) < 1e-9)
        #expect(abs(bars[1].y + bars[1].height - renderer.frame.bottom) < 1e-9)
        #expect(renderer.frame.plotHeight == 260)
        // each bar carries its value just above its top: 40 at y = top − 4 (12 px of room kept above the plot)
        #expect(chart.svg.contains("y=\"\(SVGWriter.n(renderer.frame.top - 4))\" text-anchor=\"middle\" font-size=\"11\">40</text>"))
        #expect(chart.data.rows == [["a", "40"], ["b", "20"]] && chart.data.header == ["c", "v"])
    }

    @Test func stackedBarsAddUp() throws {
        let chart = try F.largeEP.memoryChart
        #expect(chart.data.rows.count == 16 * 3)
        #expect(chart.data.header == ["GPU", "series", "Memory per GPU (B)"])
        let bars = BarRenderer(chart: chart).placedBars().filter { $0.category == 0 }
        // the three parts of GPU 0 touch: each starts where the one below ends
        #expect(bars.count == 3)
        #expect(abs(bars[0].y - (bars[1].y + bars[1].height)) < 1e-9)
        #expect(chart.svg.contains("capacity 80.0 GB"))
    }

    @Test func paretoFrontOfAHandMadeSet() {
        // higher is better on both: D (1.5, 3) is beaten by B (2, 4); B and E tie, so neither dominates the other
        let points = [ParetoPoint("A", x: 1, y: 5), ParetoPoint("B", x: 2, y: 4), ParetoPoint("C", x: 3, y: 1),
                      ParetoPoint("D", x: 1.5, y: 3), ParetoPoint("E", x: 2, y: 4), ParetoPoint("N", x: .nan, y: 9)]
        let chart = ParetoChart("p", x: Axis("x"), y: Axis("y"), points: points)
        #expect(chart.front.map(\.label) == ["A", "B", "E", "C"])
        #expect(chart.data.rows.count == 5)  // NaN point left out
        #expect(chart.data.rows.first { $0[0] == "D" }?[3] == "no")
        // lower x is better: A (1, 5) is best on both and beats everything
        let latency = ParetoChart("p", x: Axis("x"), y: Axis("y"), points: points, xBetter: .lower)
        #expect(latency.front.map(\.label) == ["A"])
        #expect(latency.svg.contains("↖ better"))
    }

    @Test func emptyAndDegenerateDataDrawWithoutCrashing() {
        let empty = LineChart("Nothing", x: Axis("x"), y: Axis("y"), series: [])
        #expect(empty.svg.contains(">No data</text>") && SVGCheck.problems(empty.svg) == [])
        #expect(empty.data.rows.isEmpty)
        let bars = BarChart("None", category: "c", value: Axis("v"), bars: [])
        #expect(bars.svg.contains(">No data</text>") && SVGCheck.problems(bars.svg) == [])
        let pareto = ParetoChart("None", x: Axis("x"), y: Axis("y"), points: [])
        #expect(pareto.svg.contains(">No data</text>") && pareto.front.isEmpty)
        // one point still draws: a marker and no "No data"
        let single = LineChart("One", x: Axis("x"), y: Axis("y"), series: [ChartSeries("s", points: [(3, 4)])])
        #expect(!single.svg.contains("No data") && single.svg.contains("<circle"))
        // infinities and NaN are skipped; non-positive values on a log axis are said to be skipped
        let log = LineChart("Log", x: Axis("x", scale: .log), y: Axis("y"),
                            series: [ChartSeries("s", points: [(0, 1), (10, .infinity), (100, 2), (1000, 3)])])
        #expect(log.svg.contains("not drawn on the x axis (log scale)"))
        #expect(log.data.rows.count == 3)  // the infinite one is not data
        #expect(SVGCheck.problems(log.svg) == [])
    }

    @Test func lineChartHasALegendAndOneMarkerShapePerSeries() {
        let chart = LineChart("L", x: Axis("x"), y: Axis("y"), series: [
            ChartSeries("first", points: [(1, 1), (2, 2)]), ChartSeries("second", points: [(1, 2), (2, 3)]),
        ])
        let svg = chart.svg
        #expect(svg.contains(">first</text>") && svg.contains(">second</text>"))
        // series 0 uses circles (2 points + 1 in the legend), series 1 squares drawn as paths
        #expect(SVGCheck.count("<circle", in: svg) == 3)
        #expect(svg.contains("stroke=\"\(ChartPalette.color(1))\""))
        #expect(chart.data.header == ["series", "x", "y"] && chart.data.rows.count == 4)
    }
}
