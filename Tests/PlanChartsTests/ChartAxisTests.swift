import Testing
@testable import PlanCharts
import PlanKit

@Suite struct ChartAxisTests {
    @Test func linearTicksForZeroToFortySeven() {
        // 47 / 5 = 9.4 → 9.4 ≥ 7.07 rounds up to a step of 10; ticks from ⌊0/10⌋ to ⌈47/10⌉ = 5 steps
        let axis = ScaledAxis(Axis("x"), values: [0, 47])
        #expect(axis.ticks == [0, 10, 20, 30, 40, 50])
        #expect(axis.labels == ["0", "10", "20", "30", "40", "50"])
        #expect(axis.lower == 0 && axis.upper == 50)
    }

    @Test func linearTicksTakeTheirOwnPrefix() {
        // 1234 / 5 = 246.8 → 10² × 2.468 (≥ 1.41, < 3.16) → step 200, ticks 0 … 1400 (a linear axis asked for:
        // the values span 1234 / 5 = 247×, which would make an axis that names no scale logarithmic)
        let axis = ScaledAxis(Axis("x").linear, values: [5, 1234])
        #expect(axis.ticks == [0, 200, 400, 600, 800, 1000, 1200, 1400])
        #expect(axis.labels == ["0", "200", "400", "600", "800", "1k", "1.2k", "1.4k"])
    }

    @Test func decimalStepsLandOnRoundNumbers() {
        // 0.7 / 5 = 0.14 → 10⁻¹ × 1.4 (< 1.41) → step 0.1; 0.3 must print as 0.3, not 0.30000000000000004
        let axis = ScaledAxis(Axis("x"), values: [0, 0.7])
        #expect(axis.ticks.count == 8 && axis.ticks[3] == 0.3)
        #expect(axis.labels == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    @Test func logTicksAtDecades() {
        // 3 … 20,000 spans log₁₀(20,000 / 3) = 3.82 decades: padded by 10^(0.04 × 3.82) = 1.42 each side
        // (2.11 … 28,400), ticks at the decades inside
        let wide = ScaledAxis(Axis("x", scale: .log), values: [3, 20_000])
        #expect(wide.ticks == [10, 100, 1000, 10_000])
        #expect(wide.labels == ["10", "100", "1k", "10k"])
        #expect(wide.lower > 2 && wide.lower < 3 && wide.upper > 20_000 && wide.upper < 30_000)
        // 3 … 8 is under a decade: the axis ends at the 1, 2 or 5 × 10ⁿ around the data, 2 … 10, ticks at each
        let narrow = ScaledAxis(Axis("x", scale: .log), values: [3, 8])
        #expect(narrow.ticks == [2, 5, 10] && narrow.labels == ["2", "5", "10"])
        #expect(narrow.lower == 2 && narrow.upper == 10)
        // 30 … 200 is under two decades: 20 … 200, not the whole decades 10 … 1,000
        let two = ScaledAxis(Axis("x", scale: .log), values: [30, 200])
        #expect(two.ticks == [20, 50, 100, 200] && two.labels == ["20", "50", "100", "200"])
        // 1 … 16 (micro-batches, EP degrees): 1 … 20, not 1 … 100
        let sixteen = ScaledAxis(Axis("x", scale: .log), values: [1, 2, 4, 8, 16])
        #expect(sixteen.upper == 20 && sixteen.ticks == [1, 2, 5, 10, 20])
        // SI suffixes up the decades: 1 … 10⁶ → 1, 10, 100, 1k, 10k, 100k, 1M (decades inside the 4 % pad)
        let million = ScaledAxis(Axis("x", scale: .log), values: [1, 1e6])
        #expect(million.labels == ["1", "10", "100", "1k", "10k", "100k", "1M"])
    }

    @Test func logAxesSkipNonPositiveValues() {
        let axis = ScaledAxis(Axis("Batch", scale: .log), values: [0, -4, 10, 1000, .nan])
        #expect(axis.skipped == 3)
        #expect(axis.fraction(0) == nil && axis.fraction(-4) == nil)
        #expect(axis.skippedNote.contains("3 zero, negative or non-finite values are not drawn"))
        // 10 … 1000 is exactly two decades: padded, log position of 100 is the middle
        let middle = axis.fraction(100) ?? 0
        #expect(abs(middle - 0.5) < 1e-12)
    }

    @Test func timeAxisChoosesMilliseconds() {
        // 0.0123 s / 5 = 0.00246 → 10⁻³ × 2.46 → step 2 ms; ticks 0 … 14 ms, title names "ms"
        let axis = ScaledAxis(.seconds("TPOT"), values: [0.004, 0.0123])
        #expect(axis.labels == ["0", "2", "4", "6", "8", "10", "12", "14"])
        #expect(axis.title == "TPOT (ms)")
    }

    @Test func byteAxisChoosesGigabytes() {
        // 80 GB / 5 = 16 GB → 10¹⁰ × 1.6 → step 20 GB
        let axis = ScaledAxis(.bytes("Memory"), values: [12e9, 80e9])
        #expect(axis.labels == ["0", "20", "40", "60", "80"] && axis.title == "Memory (GB)")
    }

    @Test func axesTakeTheUnitOfTheirQuantities() {
        let line = LineChart("t", x: Axis("Batch"), y: Axis("Time per token"),
                             series: [ChartSeries("a", points: [(1.0, Seconds(0.002)), (2.0, Seconds(0.004))])])
        #expect(line.y.format == .seconds)
        #expect(line.svg.contains(">Time per token (ms)</text>"))
        let rate = LineChart("t", x: Axis("Batch"), y: Axis("Throughput"),
                             series: [ChartSeries("a", points: [(1.0, Rate.tokensPerSecond(5000))])])
        #expect(rate.y.unit == "tokens/s")
        // an axis given its own unit keeps it
        let kept = LineChart("t", x: Axis("Batch"), y: Axis("Latency", unit: "s"),
                             series: [ChartSeries("a", points: [(1.0, Seconds(2))])])
        #expect(kept.y.format == .number && kept.y.unit == "s")
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(SVGWriter.n(12) == "12")
        #expect(SVGWriter.n(3.14159) == "3.14")
        #expect(SVGWriter.n(2.5) == "2.5")
        #expect(SVGWriter.n(-0.001) == "0")
        #expect(SVGWriter.n(-7.256) == "-7.26")
        #expect(SVGWriter.escape("a < b & \"c\"") == "a &lt; b &amp; &quot;c&quot;")
    }
}

@Suite struct ChartScaleTests {
    @Test func anAxisThatNamesNoScaleGoesLogPastFiftyTimes() {
        // 12,200 … 1,400,000 spans 115× > 50×: log; 5 … 200 spans 40×: linear; a zero does not count, a negative
        // keeps the axis linear; an axis that asks for linear stays linear.
        #expect(ScaledAxis(Axis("x"), values: [12_200, 1_400_000]).axis.scale == .log)
        #expect(ScaledAxis(Axis("x"), values: [5, 200]).axis.scale == .linear)
        #expect(ScaledAxis(Axis("x"), values: [0, 10, 1_000]).axis.scale == .log)
        #expect(ScaledAxis(Axis("x"), values: [-1, 10, 1_000]).axis.scale == .linear)
        #expect(ScaledAxis(Axis("x").linear, values: [10, 1_000]).axis.scale == .linear)
        #expect(ScaledAxis(Axis("x", domain: 0...2_000), values: [10, 1_000]).axis.scale == .linear)
    }

    @Test func decodeBarsBesidePrefillBarsAreReadableOnTheirLogAxis() {
        // Decode 12.2k and prefill 1.4M tokens/s: on a linear axis the decode bar would be 12.2k / 1.4M × 260 =
        // 2.3 px tall; on the log axis the data picks, it is a fair part of the plot.
        let chart = GroupedBarChart("t", category: "reading", value: Axis("Throughput", unit: "tokens/s"),
                                    categories: ["decode", "prefill"],
                                    series: [BarSeries("Large EP", values: [12_200, 1_400_000])])
        let bars = BarRenderer(chart: chart).placedBars()
        #expect(bars.count == 2 && bars[0].height > 60)
        // Stacked bars add up, so they stay linear.
        let stacked = GroupedBarChart("t", category: "c", value: Axis("v"), categories: ["a"], series: [
            BarSeries("x", values: [1]), BarSeries("y", values: [1_000]),
        ], layout: .stacked)
        #expect(BarRenderer(chart: stacked).axis.axis.scale == .linear)
    }

    @Test func plansKeepTheirColourOnEveryChart() {
        // With the study's plans Large EP and baseline, they take the palette's first two colours wherever they
        // appear, in any order, and a variant ("Large EP, over 80 GB") its plan's; other series take the rest.
        let saved = ChartPalette.plans
        defer { ChartPalette.plans = saved }
        ChartPalette.plans = ["Large EP", "baseline"]
        #expect(ChartPalette.colors(for: ["baseline", "Large EP"]) == ["#C98300", "#0072B2"])
        #expect(ChartPalette.colors(for: ["Large EP, over 80 GB", "floor", "paper"]) == ["#0072B2", "#009E73", "#D55E00"])
        #expect(ChartPalette.colors(for: ["compute-bound"]) == ["#009E73"])
        #expect(ChartPalette.isVariant("Large EP, over 80 GB") && !ChartPalette.isVariant("Large EP"))
        ChartPalette.plans = []
        #expect(ChartPalette.colors(for: ["a", "b"]) == ["#0072B2", "#C98300"])
    }
}
