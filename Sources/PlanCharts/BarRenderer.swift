import PlanKit

/// Lays out and draws a `GroupedBarChart` (and so every `BarChart`): the value axis, the category bands, each bar's
/// rectangle, value labels, reference lines and the legend.
struct BarRenderer {
    /// One bar as drawn: which category and series, its value, and its rectangle in pixels.
    struct PlacedBar: Hashable {
        var category: Int
        var series: Int
        var value: Double
        var x, y, width, height: Double
    }

    let chart: GroupedBarChart
    let axis: ScaledAxis
    let frame: ChartFrame
    private var vertical: Bool { chart.orientation == .vertical }
    private var stacked: Bool { chart.layout == .stacked && chart.series.count > 1 }

    init(chart: GroupedBarChart) {
        self.chart = chart
        var axisSpec = chart.value
        if axisSpec.scale == .linear { axisSpec.includesZero = true }
        // Stacked lengths add up, which a log axis would hide.
        if chart.layout == .stacked && chart.series.count > 1 { axisSpec.automaticScale = false }
        var values: [Double] = chart.references.map(\.value)
        for c in chart.categories.indices {
            let column = chart.series.compactMap { c < $0.values.count ? $0.values[c] : nil }
            if chart.layout == .stacked {
                values.append(column.filter { $0.isFinite && $0 > 0 }.reduce(0, +))
            } else {
                values += column
            }
        }
        // On a log axis a bar's length is its value against the axis's start: start a decade below the smallest, so
        // that the smallest bar is still a bar.
        if ScaledAxis(axisSpec, values: values).axis.scale == .log,
           let smallest = values.filter({ $0.isFinite && $0 > 0 }).min() {
            values.append(smallest / 10)
        }
        axis = ScaledAxis(axisSpec, values: values)
        let axisForLabels = axis
        let legend = ChartLegend((chart.series.count > 1
            ? zip(chart.series, ChartPalette.colors(for: chart.series.map(\.name))).map {
                .init(label: $0.name, swatch: .box(fill: $1)) } : [])
            + chart.references.map { .init(label: "\($0.label) \(axisForLabels.describe($0.value))", swatch: .dashed) })
        let n = Double(max(1, chart.categories.count))
        let labelWidth = ChartFrame.labelWidth(chart.categories)
        if chart.orientation == .vertical {
            let band = (ChartStyle.width - 90) / n
            let rotate = labelWidth > band - 4
            let xLabelHeight = rotate ? labelWidth * 0.72 + 14 : 18
            let topPadding: Double = chart.valueLabels ? 12 : 0
            var yLabelWidth = ChartFrame.labelWidth(axis.labels)
            // A turned label runs down to the left from under its bar: the first one must stay inside the chart.
            // Widening the left margin by m moves the first bar's centre by m × (1 − 1 / 2n).
            let first = ChartFrame(plotHeight: 260, legend: legend, yLabelWidth: yLabelWidth,
                                   xLabelHeight: xLabelHeight, topPadding: topPadding)
            let reach = Self.turnedLabelLeft(chart.categories.first ?? "", frame: first, count: chart.categories.count)
            if rotate && reach < 2 { yLabelWidth += (2 - reach) / (1 - 1 / (2 * n)) }
            frame = ChartFrame(plotHeight: 260, legend: legend, yLabelWidth: yLabelWidth, xLabelHeight: xLabelHeight,
                               topPadding: topPadding)
        } else {
            let perBand = chart.layout == .stacked || chart.series.count < 2 ? 30.0 : 14 * Double(chart.series.count) + 10
            let valueLabel = chart.valueLabels ? 60.0 : 24
            frame = ChartFrame(plotHeight: min(520, max(90, perBand * n)), legend: legend, yLabelWidth: min(200, labelWidth),
                               rightPadding: valueLabel)
        }
    }

    /// Every drawable bar's rectangle (zero, NaN and ∞ values are left out; on a log axis so are negatives).
    func placedBars() -> [PlacedBar] {
        let n = chart.categories.count
        guard n > 0 else { return [] }
        let length = vertical ? frame.plotWidth : frame.plotHeight
        let band = length / Double(n)
        let inner = band * (chart.series.count > 1 && !stacked ? 0.8 : 0.7)
        let slots = stacked ? 1 : max(1, chart.series.count)
        let thickness = min(inner / Double(slots), 56)
        let used = thickness * Double(slots)
        let base = axis.fraction(axis.axis.scale == .log ? axis.lower : 0) ?? 0
        var bars: [PlacedBar] = []
        for c in 0..<n {
            var stackTop = base
            var stackValue = 0.0
            for (s, series) in chart.series.enumerated() {
                guard c < series.values.count, axis.isDrawable(series.values[c]) else { continue }
                let value = series.values[c]
                var from = base
                var to = axis.fraction(value) ?? base
                if stacked {
                    guard value > 0 else { continue }
                    stackValue += value
                    from = stackTop
                    to = axis.fraction(stackValue) ?? from
                    stackTop = to
                }
                from = min(max(from, 0), 1)
                to = min(max(to, 0), 1)
                let offset = Double(c) * band + (band - used) / 2 + Double(stacked ? 0 : s) * thickness
                if vertical {
                    bars.append(PlacedBar(category: c, series: s, value: value, x: frame.left + offset,
                                          y: frame.y(max(from, to)), width: slots > 1 ? thickness - 1 : thickness,
                                          height: abs(to - from) * frame.plotHeight))
                } else {
                    bars.append(PlacedBar(category: c, series: s, value: value, x: frame.x(min(from, to)),
                                          y: frame.top + offset, width: abs(to - from) * frame.plotWidth,
                                          height: slots > 1 ? thickness - 1 : thickness))
                }
            }
        }
        return bars
    }

    var svg: String {
        var w = SVGWriter()
        frame.drawLegend(into: &w)
        let bars = placedBars()
        let colors = ChartPalette.colors(for: chart.series.map(\.name))
        if vertical {
            frame.drawYAxis(axis, into: &w)
            drawCategories(into: &w, vertical: true)
        } else {
            drawValueAxisBelow(into: &w)
            drawCategories(into: &w, vertical: false)
        }
        w.open("g", ["class": "bars"])
        for bar in bars {
            w.rect(bar.x, bar.y, bar.width, bar.height, fill: colors[bar.series],
                   extra: stacked ? ["stroke": "#ffffff", "stroke-opacity": "0.6", "stroke-width": "0.5"] : [:])
        }
        w.close("g")
        if chart.valueLabels { drawValueLabels(bars, into: &w) }
        drawReferences(into: &w)
        frame.drawAxisLines(into: &w, leftLine: !vertical, bottomLine: vertical)
        if bars.isEmpty { frame.drawNoData(into: &w) }
        return SVGWriter.document(width: frame.width, height: frame.height, title: chart.title,
                                  desc: description(bars), body: w.markup)
    }

    /// The x value axis of a horizontal bar chart: vertical gridlines, labels below, title.
    private func drawValueAxisBelow(into w: inout SVGWriter) { frame.drawXAxis(axis, into: &w) }

    /// The leftmost x of the first category's label, turned 45° and ending at its bar's centre + 4 px (as
    /// `drawCategories` draws it).
    static func turnedLabelLeft(_ label: String, frame: ChartFrame, count: Int) -> Double {
        let centre = frame.left + 0.5 * frame.plotWidth / Double(max(1, count))
        return centre + 4 - ChartStyle.textWidth(label) * 0.5.squareRoot()
    }

    private func drawCategories(into w: inout SVGWriter, vertical: Bool) {
        let n = chart.categories.count
        guard n > 0 else {
            if vertical { frame.drawXTitle(chart.category, into: &w) } else { frame.drawYTitle(chart.category, into: &w) }
            return
        }
        w.open("g", ["class": "categories", "fill-opacity": SVGWriter.n(ChartStyle.mutedOpacity)])
        if vertical {
            let band = frame.plotWidth / Double(n)
            let rotate = ChartFrame.labelWidth(chart.categories) > band - 4
            for (c, label) in chart.categories.enumerated() {
                let cx = frame.left + (Double(c) + 0.5) * band
                if rotate {
                    let y = frame.bottom + 12
                    w.text(cx + 4, y, label, anchor: "end",
                           extra: ["transform": "rotate(-45 \(SVGWriter.n(cx + 4)) \(SVGWriter.n(y)))"])
                } else {
                    w.text(cx, frame.bottom + 17, label, anchor: "middle")
                }
            }
        } else {
            let band = frame.plotHeight / Double(n)
            for (c, label) in chart.categories.enumerated() {
                w.text(frame.left - 6, frame.top + (Double(c) + 0.5) * band + 4, label, anchor: "end")
            }
        }
        w.close("g")
        if vertical { frame.drawXTitle(chart.category, into: &w) } else { frame.drawYTitle(chart.category, into: &w) }
    }

    /// Each bar's value (or each stack's total) at its far end, when there is room.
    private func drawValueLabels(_ bars: [PlacedBar], into w: inout SVGWriter) {
        var ends: [(x: Double, y: Double, value: Double)] = []
        if stacked {
            for c in chart.categories.indices {
                let group = bars.filter { $0.category == c }
                guard let first = group.first else { continue }
                let total = group.map(\.value).reduce(0, +)
                ends.append(vertical ? (first.x + first.width / 2, group.map(\.y).min() ?? first.y, total)
                    : (group.map { $0.x + $0.width }.max() ?? first.x, first.y + first.height / 2, total))
            }
        } else {
            ends = bars.map { vertical ? ($0.x + $0.width / 2, $0.y, $0.value) : ($0.x + $0.width, $0.y + $0.height / 2, $0.value) }
        }
        let thickness = bars.first.map { vertical ? $0.width : $0.height } ?? 0
        w.open("g", ["class": "values", "font-size": "12"])
        for end in ends {
            let label = axis.describe(end.value)
            if vertical {
                guard ChartStyle.textWidth(label, size: 12) <= thickness + 14 else { continue }
                w.text(end.x, end.y - 4, label, anchor: "middle", size: 12)
            } else {
                guard thickness >= 10 else { continue }
                w.text(end.x + 4, end.y + 4, label, size: 12)
            }
        }
        w.close("g")
    }

    private func drawReferences(into w: inout SVGWriter) {
        for reference in chart.references {
            guard let f = axis.fraction(reference.value), f >= 0, f <= 1 else { continue }
            if vertical {
                let y = frame.y(f)
                w.line(frame.left, y, frame.right, y, opacity: 0.8, width: 1.5, extra: ["stroke-dasharray": "5 3"])
            } else {
                let x = frame.x(f)
                w.line(x, frame.top, x, frame.bottom, opacity: 0.8, width: 1.5, extra: ["stroke-dasharray": "5 3"])
            }
        }
    }

    /// The `<desc>`: what is plotted, how many bars, the largest and smallest.
    private func description(_ bars: [PlacedBar]) -> String {
        let kind = chart.series.count > 1 ? (stacked ? "Stacked bar chart" : "Grouped bar chart") : "Bar chart"
        var text = "\(kind) of \(axis.title) by \(chart.category)"
        if chart.series.count > 1 { text += " for \(chart.series.map(\.name).joined(separator: ", "))" }
        guard let high = bars.max(by: { $0.value < $1.value }), let low = bars.min(by: { $0.value < $1.value }) else {
            return text + ": no data."
        }
        func name(_ bar: PlacedBar) -> String {
            chart.categories[bar.category] + (chart.series.count > 1 ? ", \(chart.series[bar.series].name)" : "")
        }
        text += ": \(ChartNumber.count(bars.count, "bar")); largest \(axis.describe(high.value)) (\(name(high))), "
            + "smallest \(axis.describe(low.value)) (\(name(low)))."
        if axis.axis.scale == .log { text += " The value axis is logarithmic." }
        return text + axis.skippedNote
    }
}
