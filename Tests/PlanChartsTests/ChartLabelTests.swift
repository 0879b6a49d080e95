import Testing
@testable import PlanCharts
import PlanKit

/// The text a chart draws, read back from its SVG: each `<text>` with its box (as `ChartLabelBox` estimates it, the
/// estimate the charts lay out with), skipping turned text (axis titles, rotated category labels).
enum ChartText {
    struct Label {
        var text: String
        var box: ChartLabelBox
    }

    static func labels(in svg: String) -> [Label] {
        var labels: [Label] = []
        var sizes: [Double] = [ChartStyle.fontSize]
        var rest = Substring(svg)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("g") && (tag.count == 1 || tag.dropFirst().first == " ") {
                sizes.append(attribute("font-size", in: tag).flatMap(Double.init) ?? sizes.last!)
                if tag.hasSuffix("/") { sizes.removeLast() }
            } else if tag == "/g" {
                if sizes.count > 1 { sizes.removeLast() }
            } else if tag.hasPrefix("text ") {
                guard let end = rest.firstRange(of: "</text>") else { break }
                let content = String(rest[..<end.lowerBound])
                rest = rest[end.upperBound...]
                guard attribute("transform", in: tag) == nil, let x = attribute("x", in: tag).flatMap(Double.init),
                    let y = attribute("y", in: tag).flatMap(Double.init) else { continue }
                let size = attribute("font-size", in: tag).flatMap(Double.init) ?? sizes.last!
                let text = content.replacing("&amp;", with: "&").replacing("&#39;", with: "'")
                    .replacing("&lt;", with: "<").replacing("&gt;", with: ">")
                labels.append(Label(text: text, box: ChartLabelBox(
                    text: text, x: x, y: y, anchor: attribute("text-anchor", in: tag) ?? "start", size: size)))
            }
        }
        return labels
    }

    /// The pairs of labels in `svg` whose boxes overlap.
    static func overlaps(in svg: String) -> [(String, String)] {
        let all = labels(in: svg)
        var pairs: [(String, String)] = []
        for i in all.indices {
            for j in all.indices where j > i && all[i].box.overlaps(all[j].box) { pairs.append((all[i].text, all[j].text)) }
        }
        return pairs
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let found = tag.firstRange(of: " \(name)=\"") else { return nil }
        return String(tag[found.upperBound...].prefix { $0 != "\"" })
    }
}

@Suite struct ChartLabelTests {
    typealias F = ChartFixtures

    /// The kinds of chart the seed study draws, with its data's shapes.
    static func studyCharts() throws -> [(String, String)] {
        let ep = try F.largeEP
        let base = try F.baseline
        let plans = [("Large EP", ep), ("baseline", base)]
        let charts: [(String, any Displayable)] = [
            ("TPOT beside floor and paper", GroupedBarChart("TPOT", category: "Figure", value: .seconds("TPOT"),
                categories: ["PlanKit estimate", "floor at peak HBM bandwidth", "paper"], series: plans.map { name, d in
                    BarSeries(name, values: [d.performance.decode.tpot, d.decodeMemoryFloor().time, Seconds(2.2e-3)])
                })),
            ("throughput, log", GroupedBarChart("Throughput", category: "Reading",
                value: Axis("Throughput", unit: "tokens/s"), categories: ["decode", "prefill", "paper"],
                series: plans.map { name, d in
                    BarSeries(name, values: [d.performance.decode.tokensPerSecond.perSecond,
                                             d.performance.prefill.tokensPerSecond.perSecond, 450_000])
                }, references: [ReferenceLine("prefill ceiling", at: ep.prefillComputeCeiling().tokensPerSecond)])),
            ("stacked with totals", GroupedBarChart("TTFT", category: "Plan", value: .seconds("TTFT"),
                categories: plans.map(\.0), series: [
                    BarSeries("compute", values: plans.map { $0.1.performance.prefill.breakdown.total.compute }),
                    BarSeries("memory", values: plans.map { $0.1.performance.prefill.breakdown.total.memory }),
                    BarSeries("communication", values: plans.map { $0.1.performance.prefill.breakdown.total.communication }),
                ], orientation: .horizontal, layout: .stacked, valueLabels: true)),
            ("memory", ep.memoryChart), ("heatmap", ep.placementHeatmap), ("sharded heatmap", base.placementHeatmap),
            ("timeline", base.timeline(.prefill)), ("decode timeline", ep.timeline(.decode)),
            ("sweep", LineChart("TPOT against batch", x: Axis("Batch", unit: "sequences").log,
                y: Axis.seconds("TPOT").log, series: [
                    ChartSeries("Large EP", points: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024].map {
                        (Double($0), 0.002 * Double($0)) }),
                    ChartSeries("baseline", points: [1, 2, 4, 8, 16, 32, 64, 128].map { (Double($0), 0.003 * Double($0)) }),
                ])),
            ("sixteen bars", BarChart("Tokens per GPU", category: "GPU", value: Axis("Routed tokens", unit: "tokens"),
                bars: (0..<16).map { ("\($0)", Double(1_000 + 997 * $0 % 7_000)) })),
        ]
        return charts.compactMap { name, chart in
            guard case let .chart(svg, _, _) = chart.display else { return nil }
            return (name, svg)
        }
    }

    @Test func theCheckerSeesOverlapsAndInheritedSizes() {
        // "2k" at x 100 is 1.2 em × 12 px = 14.4 px wide, so "5k" 10 px to its right overlaps it and one 20 px away
        // does not; in a group of font-size 24 the same pair, 28.8 px wide, overlaps at 20 px.
        let svg = "<svg><text x=\"100\" y=\"50\">2k</text><text x=\"110\" y=\"50\">5k</text>"
            + "<text x=\"300\" y=\"50\">2k</text><text x=\"320\" y=\"50\">5k</text>"
            + "<g font-size=\"24\"><text x=\"100\" y=\"150\">2k</text><text x=\"120\" y=\"150\">5k</text></g></svg>"
        #expect(ChartText.overlaps(in: svg).count == 2)
    }

    @Test func noTwoLabelsOfTheStudysChartsOverlap() throws {
        for (name, svg) in try Self.studyCharts() {
            let overlaps = ChartText.overlaps(in: svg)
            #expect(overlaps.isEmpty, "\(name): \(overlaps.prefix(4))")
            #expect(ChartText.labels(in: svg).count > 3, "\(name) draws its labels")
        }
    }

    @Test func turnedCategoryLabelsStayInsideTheChart() throws {
        // Three categories in 560 px leave bands of about 160 px, so a label wider than that is turned 45° and runs
        // down to the left from under its bar. With the axis's labels alone the first bar's centre is at about
        // 144 px (its label ends at x = 147.5); a first label of about 390 px (65 characters at 12 px) reaches
        // 390 × 0.707 ≈ 276 px to the left, out of the chart, unless the left margin grows. The reach is read back
        // from the SVG: the label's end point minus its width × cos 45°.
        let long = "prefill throughput at peak FLOP/s on every GPU (prompt tokens ÷ TTFT)"
        let chart = GroupedBarChart("Throughput", category: "Reading", value: Axis("Throughput", unit: "tokens/s"),
            categories: [long, "decode (batch ÷ TPOT)", "paper"],
            series: [BarSeries("Large EP", values: [689_000, 12_400, 450_000])])
        let svg = chart.svg
        let marker = ">\(long)</text>"
        let end = try #require(svg.firstRange(of: marker))
        let start = try #require(svg[..<end.lowerBound].ranges(of: "<text ").last)
        let tag = svg[start.upperBound..<end.lowerBound]
        let xAttribute = try #require(tag.firstRange(of: "x=\""))
        let x = try #require(Double(String(tag[xAttribute.upperBound...].prefix { $0 != "\"" })))
        #expect(tag.contains("rotate(-45"))
        #expect(x - ChartStyle.textWidth(long) * 0.5.squareRoot() >= 2 - 0.01)
    }

    @Test func paretoLabelsNeverOverlapWhateverThePoints() {
        // Seeded clouds of 4 to 43 plans, many of them crowded: no label drawn overlaps another (nor, by how they
        // are placed, a marker or the plot's edge; a label with no room is left out).
        var random = SplitMix64(seed: 14)
        for round in 0..<40 {
            let count = 4 + round
            let points = (0..<count).map { index in
                ParetoPoint(index % 2 == 0 ? "Large EP \(index)" : "baseline \(index)",
                            x: 1 + Double(random.next() % 1_000), y: 1 + Double(random.next() % 1_000))
            }
            let svg = ParetoChart("Front", x: Axis("Throughput per GPU"), y: Axis("Speed per user"), points: points).svg
            #expect(ChartText.overlaps(in: svg).isEmpty, "round \(round): \(ChartText.overlaps(in: svg).prefix(3))")
        }
    }
}
