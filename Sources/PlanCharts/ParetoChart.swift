import PlanKit

/// A labelled point of a Pareto chart: one plan and its two figures of merit, in the axes' raw units.
public struct ParetoPoint: Hashable, Sendable {
    public var label: String
    public var x: Double
    public var y: Double

    public init(_ label: String, x: Double, y: Double) {
        self.label = label
        self.x = x
        self.y = y
    }
}

/// A scatter of plans against two figures of merit — tokens/s per GPU against tokens/s per user — with the
/// non-dominated ones (the Pareto front) highlighted, labelled and joined, and an arrow showing which way is better.
///
/// A point is dominated when another is at least as good on both axes and better on one; `front` lists the others
/// by increasing x.
public struct ParetoChart: Displayable, Hashable, Sendable {
    /// Which end of an axis is better.
    public enum Better: Hashable, Sendable {
        case higher, lower
    }

    /// The figure caption and the SVG's `<title>`.
    public var title: String
    public var x: Axis
    public var y: Axis
    public var points: [ParetoPoint]
    /// Which way is better along x and along y.
    public var xBetter: Better
    public var yBetter: Better

    public init(_ title: String, x: Axis, y: Axis, points: [ParetoPoint], xBetter: Better = .higher,
                yBetter: Better = .higher) {
        self.title = title
        self.x = x
        self.y = y
        self.points = points
        self.xBetter = xBetter
        self.yBetter = yBetter
    }

    /// Whether `a` is at least as good as `b` on both axes and better on one.
    public func dominates(_ a: ParetoPoint, _ b: ParetoPoint) -> Bool {
        func atLeast(_ p: Double, _ q: Double, _ better: Better) -> Bool { better == .higher ? p >= q : p <= q }
        return atLeast(a.x, b.x, xBetter) && atLeast(a.y, b.y, yBetter) && (a.x != b.x || a.y != b.y)
    }

    /// The points with finite coordinates.
    private var finitePoints: [ParetoPoint] { points.filter { $0.x.isFinite && $0.y.isFinite } }

    /// The non-dominated points, by increasing x (then y), each once per label.
    public var front: [ParetoPoint] {
        let candidates = finitePoints
        return candidates.filter { p in !candidates.contains { dominates($0, p) } }
            .sorted { $0.x != $1.x ? $0.x < $1.x : ($0.y != $1.y ? $0.y < $1.y : $0.label < $1.label) }
    }

    /// The chart as a standalone SVG document.
    public var svg: String {
        let xAxis = ScaledAxis(x, values: points.map(\.x), targetTicks: 7)
        let yAxis = ScaledAxis(y, values: points.map(\.y))
        let front = front
        let legend = ChartLegend([
            .init(label: "Pareto front", swatch: .line(color: ChartPalette.color(0), marker: .diamond)),
            .init(label: "dominated", swatch: .marker(color: ChartPalette.color(7), marker: .circle, filled: false)),
        ])
        let frame = ChartFrame(plotHeight: 300, legend: legend, yLabelWidth: ChartFrame.labelWidth(yAxis.labels),
                               rightPadding: 24)
        var w = SVGWriter()
        frame.drawLegend(into: &w)
        frame.drawYAxis(yAxis, into: &w)
        frame.drawXAxis(xAxis, into: &w)
        frame.drawAxisLines(into: &w)
        func place(_ p: ParetoPoint) -> (Double, Double)? {
            guard let fx = xAxis.fraction(p.x), let fy = yAxis.fraction(p.y) else { return nil }
            return (frame.x(fx), frame.y(fy))
        }
        let onFront = Set(front)
        w.open("g", ["class": "dominated"])
        var drawn = 0
        for p in finitePoints where !onFront.contains(p) {
            guard let (px, py) = place(p) else { continue }
            w.raw(ChartMarker.circle.svg(x: px, y: py, size: 8, color: ChartPalette.color(7), filled: false))
            drawn += 1
        }
        w.close("g")
        w.open("g", ["class": "front"])
        let placed = front.compactMap { p in place(p).map { (p, $0.0, $0.1) } }
        if placed.count > 1 {
            w.raw("<path d=\"M" + placed.map { "\(SVGWriter.n($0.1)),\(SVGWriter.n($0.2))" }.joined(separator: "L")
                + "\" fill=\"none\" stroke=\"\(ChartPalette.color(0))\" stroke-width=\"2\"/>\n")
        }
        for (p, px, py) in placed {
            w.raw(ChartMarker.diamond.svg(x: px, y: py, size: 10, color: ChartPalette.color(0)))
            let right = px < frame.right - ChartStyle.textWidth(p.label, size: 11) - 12
            w.text(right ? px + 8 : px - 8, py - 7, p.label, anchor: right ? "start" : "end", size: 11,
                   extra: ["font-weight": "600"])
            drawn += 1
        }
        w.close("g")
        drawBetter(frame, into: &w)
        if drawn == 0 { frame.drawNoData(into: &w) }
        return SVGWriter.document(width: frame.width, height: frame.height, title: title,
                                  desc: description(xAxis, yAxis, front: front), body: w.markup)
    }

    /// "better" with an arrow, in the plot corner the better directions point to.
    private func drawBetter(_ frame: ChartFrame, into w: inout SVGWriter) {
        let right = xBetter == .higher
        let up = yBetter == .higher
        let arrow = up ? (right ? "↗" : "↖") : (right ? "↘" : "↙")
        let text = right ? "better \(arrow)" : "\(arrow) better"
        w.text(right ? frame.right - 4 : frame.left + 6, up ? frame.top + 14 : frame.bottom - 8, text,
               anchor: right ? "end" : "start", extra: ["fill-opacity": SVGWriter.n(ChartStyle.mutedOpacity),
                                                        "font-style": "italic"])
    }

    private func description(_ xAxis: ScaledAxis, _ yAxis: ScaledAxis, front: [ParetoPoint]) -> String {
        func direction(_ b: Better) -> String { b == .higher ? "higher" : "lower" }
        var text = "Pareto chart of \(yAxis.title) against \(xAxis.title) for \(ChartNumber.count(points.count, "plan"))"
            + " (\(direction(xBetter)) x and \(direction(yBetter)) y are better)."
        if front.isEmpty { return text + " No data." }
        text += " Pareto front, by increasing \(x.title): " + front.map {
            "\($0.label) (\(xAxis.describe($0.x)), \(yAxis.describe($0.y)))"
        }.joined(separator: "; ") + "."
        return text + xAxis.skippedNote + yAxis.skippedNote
    }

    /// One row per point: label, x, y in base units, and whether it is on the front.
    public var data: DisplayTable {
        let onFront = Set(front)
        return DisplayTable(header: ["plan", x.csvHeader, y.csvHeader, "on Pareto front"], cells: finitePoints.map {
            [DisplayCell($0.label), x.cell($0.x), y.cell($0.y), DisplayCell(onFront.contains($0) ? "yes" : "no")]
        })
    }

    public var display: Display { .chart(svg: svg, title: title, data: data) }
}
