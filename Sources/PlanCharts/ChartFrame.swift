import PlanKit

/// The layout every cartesian chart shares: a legend on top, the plot area, tick labels and axis titles around it,
/// and the drawing of gridlines, ticks and titles in the page's text colour.
///
/// Coordinates grow right and down; `x(_:)` and `y(_:)` turn an axis fraction (0 at the axis origin, 1 at its end)
/// into pixels.
struct ChartFrame {
    /// The whole chart.
    let width: Double
    let height: Double
    /// The plot area.
    let left: Double
    let top: Double
    let plotWidth: Double
    let plotHeight: Double
    let legend: ChartLegend

    var right: Double { left + plotWidth }
    var bottom: Double { top + plotHeight }

    /// Lays out a chart whose plot area is `plotHeight` tall, with y tick labels up to `yLabelWidth` wide, a y title
    /// when `yTitle`, x labels taking `xLabelHeight` below the axis, an x title when `xTitle`, and `topPadding` of
    /// room above the plot (for labels over the tallest bar).
    init(plotHeight: Double, legend: ChartLegend, yLabelWidth: Double, yTitle: Bool = true, xLabelHeight: Double = 18,
         xTitle: Bool = true, rightPadding: Double = 16, topPadding: Double = 0, width: Double = ChartStyle.width) {
        self.width = width
        left = 10 + (yTitle ? 20 : 0) + yLabelWidth + 8
        plotWidth = max(40, width - left - rightPadding)
        self.legend = legend
        top = 10 + topPadding + legend.height(width: width - left - 8)
        self.plotHeight = plotHeight
        height = top + plotHeight + 6 + xLabelHeight + (xTitle ? 24 : 0) + 6
    }

    /// Pixel x of fraction `f` along the x axis.
    func x(_ f: Double) -> Double { left + f * plotWidth }
    /// Pixel y of fraction `f` up the y axis.
    func y(_ f: Double) -> Double { bottom - f * plotHeight }

    /// Draws the legend above the plot.
    func drawLegend(into w: inout SVGWriter) {
        legend.draw(into: &w, x: left, y: 8, width: width - left - 8)
    }

    /// Horizontal gridlines and labels at `axis`'s ticks, and its title turned up the left side.
    func drawYAxis(_ axis: ScaledAxis, into w: inout SVGWriter) {
        w.open("g", ["class": "y-axis"])
        for (tick, label) in zip(axis.ticks, axis.labels) {
            guard let f = axis.fraction(tick), f >= -1e-9, f <= 1 + 1e-9 else { continue }
            let py = y(f)
            w.line(left, py, right, py, opacity: ChartStyle.gridOpacity)
            w.text(left - 6, py + 4, label, anchor: "end", extra: ["fill-opacity": SVGWriter.n(ChartStyle.mutedOpacity)])
        }
        drawYTitle(axis.title, into: &w)
        w.close("g")
    }

    /// The y axis title, turned to read upwards, centred on the plot.
    func drawYTitle(_ title: String, into w: inout SVGWriter) {
        let cx = 10.0 + 9
        let cy = top + plotHeight / 2
        w.text(cx, cy, title, anchor: "middle", size: ChartStyle.titleSize,
               extra: ["transform": "rotate(-90 \(SVGWriter.n(cx)) \(SVGWriter.n(cy)))", "font-weight": "600"])
    }

    /// Vertical gridlines and labels at `axis`'s ticks, and its title centred below.
    func drawXAxis(_ axis: ScaledAxis, into w: inout SVGWriter, grid: Bool = true) {
        w.open("g", ["class": "x-axis"])
        for (tick, label) in zip(axis.ticks, axis.labels) {
            guard let f = axis.fraction(tick), f >= -1e-9, f <= 1 + 1e-9 else { continue }
            let px = x(f)
            if grid { w.line(px, top, px, bottom, opacity: ChartStyle.gridOpacity) }
            w.line(px, bottom, px, bottom + 4, opacity: ChartStyle.axisOpacity)
            let anchor = f > 0.995 && label.count > 3 ? "end" : "middle"
            w.text(px, bottom + 17, label, anchor: anchor, extra: ["fill-opacity": SVGWriter.n(ChartStyle.mutedOpacity)])
        }
        drawXTitle(axis.title, into: &w)
        w.close("g")
    }

    /// The x axis title, centred below the plot.
    func drawXTitle(_ title: String, into w: inout SVGWriter) {
        w.text(left + plotWidth / 2, height - 10, title, anchor: "middle", size: ChartStyle.titleSize,
               extra: ["font-weight": "600"])
    }

    /// The axis lines along the left and bottom of the plot.
    func drawAxisLines(into w: inout SVGWriter, leftLine: Bool = true, bottomLine: Bool = true) {
        if bottomLine { w.line(left, bottom, right, bottom, opacity: ChartStyle.axisOpacity) }
        if leftLine { w.line(left, top, left, bottom, opacity: ChartStyle.axisOpacity) }
    }

    /// "No data" in the middle of the plot.
    func drawNoData(into w: inout SVGWriter) {
        w.text(left + plotWidth / 2, top + plotHeight / 2, "No data", anchor: "middle", size: ChartStyle.titleSize,
               extra: ["fill-opacity": SVGWriter.n(ChartStyle.mutedOpacity)])
    }

    /// The widest of `labels` at the tick font size.
    static func labelWidth(_ labels: [String]) -> Double { labels.map { ChartStyle.textWidth($0) }.max() ?? 0 }
}
