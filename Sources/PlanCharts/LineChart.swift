import PlanKit

/// Several series of (x, y) points joined by lines: sweeps such as tokens/s against batch size or time per token
/// against sequence length. Each series has its own colour and marker; either axis may be logarithmic.
///
/// `LineChart("Decode throughput", x: Axis("Batch size", unit: "sequences").log, y: Axis("Throughput"),
/// series: [ChartSeries("EP=16", points: sweep)])` — with `Rate` or `Seconds` values the y axis takes their unit.
public struct LineChart: Displayable, Hashable, Sendable {
    /// The figure caption and the SVG's `<title>`.
    public var title: String
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// The series, in legend order.
    public var series: [ChartSeries]
    /// The deployment the chart describes, if one: the page marks it when it does not fit.
    public var plan: DisplayPlan?

    public init(_ title: String, x: Axis, y: Axis, series: [ChartSeries]) {
        self.title = title
        self.x = x.adopting(series.lazy.compactMap(\.xKind).first)
        self.y = y.adopting(series.lazy.compactMap(\.yKind).first)
        self.series = series
    }

    /// The chart as a standalone SVG document.
    public var svg: String {
        let points = series.flatMap(\.points)
        let xAxis = ScaledAxis(x, values: points.map(\.x), targetTicks: 7)
        let yAxis = ScaledAxis(y, values: points.map(\.y))
        let legend = ChartLegend(series.count > 1 ? series.enumerated().map {
            .init(label: $1.name, swatch: .line(color: ChartPalette.color($0), marker: .forSeries($0)))
        } : [])
        let frame = ChartFrame(plotHeight: 280, legend: legend, yLabelWidth: ChartFrame.labelWidth(yAxis.labels),
                               rightPadding: 20)
        var w = SVGWriter()
        frame.drawLegend(into: &w)
        frame.drawYAxis(yAxis, into: &w)
        frame.drawXAxis(xAxis, into: &w)
        frame.drawAxisLines(into: &w)
        var drawn = 0
        for (index, line) in series.enumerated() {
            let color = ChartPalette.color(index)
            var path = ""
            var markers = ""
            var penDown = false
            for point in line.points {
                guard let fx = xAxis.fraction(point.x), let fy = yAxis.fraction(point.y) else {
                    penDown = false
                    continue
                }
                let px = frame.x(fx)
                let py = frame.y(fy)
                path += (penDown ? "L" : "M") + "\(SVGWriter.n(px)),\(SVGWriter.n(py))"
                penDown = true
                markers += ChartMarker.forSeries(index).svg(x: px, y: py, size: 7, color: color)
                drawn += 1
            }
            w.open("g", ["class": "series"])
            if !path.isEmpty {
                w.raw("<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" "
                    + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n")
            }
            if line.points.count <= 60 { w.raw(markers) }
            w.close("g")
        }
        if drawn == 0 { frame.drawNoData(into: &w) }
        return SVGWriter.document(width: frame.width, height: frame.height, title: title,
                                  desc: description(xAxis, yAxis, drawn: drawn), body: w.markup)
    }

    private func description(_ xAxis: ScaledAxis, _ yAxis: ScaledAxis, drawn: Int) -> String {
        var text = "Line chart of \(yAxis.title) against \(xAxis.title)"
        let points = series.flatMap(\.points).filter { xAxis.isDrawable($0.x) && yAxis.isDrawable($0.y) }
        guard let low = points.min(by: { $0.y < $1.y }), let high = points.max(by: { $0.y < $1.y }) else {
            return text + ": no data." + xAxis.skippedNote + yAxis.skippedNote
        }
        text += ": \(series.count) series "
            + "(\(series.map(\.name).joined(separator: ", "))), \(ChartNumber.count(drawn, "point")); "
            + "\(y.title) from \(yAxis.describe(low.y)) at \(xAxis.describe(low.x)) "
            + "to \(yAxis.describe(high.y)) at \(xAxis.describe(high.x))."
        let logs = [xAxis, yAxis].filter { $0.axis.scale == .log }.map(\.axis.title)
        if !logs.isEmpty { text += " Log scale on \(logs.joined(separator: " and "))." }
        return text + xAxis.skippedNote + yAxis.skippedNote
    }

    /// One row per point: series, x and y in the axes' base units.
    public var data: DisplayTable {
        DisplayTable(header: ["series", x.csvHeader, y.csvHeader], cells: series.flatMap { line in
            line.points.filter { $0.x.isFinite && $0.y.isFinite }.map { [DisplayCell(line.name), x.cell($0.x), y.cell($0.y)] }
        })
    }

    public var display: Display { Display.chart(svg: svg, title: title, data: data).described(by: plan) }
}
