import PlanKit

/// Bars for several series over shared categories — per-GPU memory by component, tokens/s of several plans —
/// side by side (`.grouped`) or on top of one another (`.stacked`), vertical or horizontal.
///
/// `show(GroupedBarChart("Memory per GPU", category: "GPU", value: .bytes("Memory"), categories: gpus,
/// series: [weights, kv]))` draws one group per category, one colour per series, a legend, and offers every bar
/// as a CSV row.
public struct GroupedBarChart: Displayable, Hashable, Sendable {
    /// Which way bars run.
    public enum Orientation: Hashable, Sendable {
        /// Bars grow upwards from the category axis at the bottom.
        case vertical
        /// Bars grow rightwards from the category axis on the left (long labels read best this way).
        case horizontal
    }

    /// How a category's series share its band.
    public enum Layout: Hashable, Sendable {
        /// Side by side.
        case grouped
        /// One on top of another, so the bar's length is their sum.
        case stacked
    }

    /// The figure caption and the SVG's `<title>`.
    public var title: String
    /// The title of the category axis ("GPU", "Plan").
    public var category: String
    /// The value axis.
    public var value: Axis
    /// Category labels, in order.
    public var categories: [String]
    /// The series, in legend order.
    public var series: [BarSeries]
    /// Vertical or horizontal bars.
    public var orientation: Orientation
    /// Grouped or stacked.
    public var layout: Layout
    /// Dashed lines across the plot at given values (a GPU's capacity, a target).
    public var references: [ReferenceLine]
    /// Whether to print each bar's value at its end (single series, or the total of a stack).
    public var valueLabels: Bool
    /// The deployment the chart describes, if one (`deployment.memoryChart`): the page marks it when it does not fit.
    public var plan: DisplayPlan?

    public init(_ title: String, category: String, value: Axis, categories: [String], series: [BarSeries],
                orientation: Orientation = .vertical, layout: Layout = .grouped, references: [ReferenceLine] = [],
                valueLabels: Bool = false) {
        self.title = title
        self.category = category
        self.value = value.adopting(series.lazy.compactMap(\.kind).first)
        self.categories = categories
        self.series = series
        self.orientation = orientation
        self.layout = layout
        self.references = references
        self.valueLabels = valueLabels
    }

    /// The chart as a standalone SVG document.
    public var svg: String { BarRenderer(chart: self).svg }

    /// One row per bar: category, series, value in the axis's base unit.
    public var data: DisplayTable {
        var rows: [[DisplayCell]] = []
        for (c, name) in categories.enumerated() {
            for s in series where c < s.values.count && s.values[c].isFinite {
                rows.append([DisplayCell(name), DisplayCell(s.name), value.cell(s.values[c])])
            }
        }
        return DisplayTable(header: [category, "series", value.csvHeader], cells: rows)
    }

    public var display: Display { Display.chart(svg: svg, title: title, data: data).described(by: plan) }
}

/// A bar chart of one series: one bar per category, vertical or horizontal, each labelled with its value.
///
/// `BarChart("Decode throughput per plan", category: "Plan", value: Axis("Throughput", unit: "tokens/s"),
/// bars: [("EP=16", 41_000), ("TP=8 × PP=2", 23_000)])`; quantities work too: `bars: [("GPU 0", memory.totalPerGPU)]`
/// gives a byte axis in GB.
public struct BarChart: Displayable, Hashable, Sendable {
    /// The figure caption and the SVG's `<title>`.
    public var title: String
    /// The title of the category axis.
    public var category: String
    /// The value axis.
    public var value: Axis
    /// Category labels, in order.
    public var labels: [String]
    /// One value per label.
    public var values: [Double]
    /// Vertical or horizontal bars.
    public var orientation: GroupedBarChart.Orientation
    /// Dashed lines across the plot at given values.
    public var references: [ReferenceLine]
    /// The deployment the chart describes, if one: the page marks it when it does not fit.
    public var plan: DisplayPlan?

    public init(_ title: String, category: String, value: Axis, bars: [(String, Double)],
                orientation: GroupedBarChart.Orientation = .vertical, references: [ReferenceLine] = []) {
        self.title = title
        self.category = category
        self.value = value
        labels = bars.map(\.0)
        values = bars.map(\.1)
        self.orientation = orientation
        self.references = references
    }

    /// Bars of PlanKit quantities; the value axis takes their unit (ms for `Seconds`, GB for `Bytes`).
    public init<Q: Quantity>(_ title: String, category: String, value: Axis, bars: [(String, Q)],
                             orientation: GroupedBarChart.Orientation = .vertical, references: [ReferenceLine] = []) {
        self.init(title, category: category, value: value, bars: bars.map { ($0.0, $0.1.value) },
                  orientation: orientation, references: references)
        self.value = value.adopting(bars.first.map { QuantityKind($0.1) })
    }

    /// The same bars as a one-series grouped chart (no legend), which draws them.
    var grouped: GroupedBarChart {
        GroupedBarChart(title, category: category, value: value, categories: labels,
                        series: [BarSeries(value.title, values: values)], orientation: orientation,
                        references: references, valueLabels: true)
    }

    /// The chart as a standalone SVG document.
    public var svg: String { BarRenderer(chart: grouped).svg }

    /// One row per bar: label and value in the axis's base unit.
    public var data: DisplayTable {
        DisplayTable(header: [category, value.csvHeader],
                     cells: zip(labels, values).filter { $0.1.isFinite }.map { [DisplayCell($0.0), value.cell($0.1)] })
    }

    public var display: Display { Display.chart(svg: svg, title: title, data: data).described(by: plan) }
}
