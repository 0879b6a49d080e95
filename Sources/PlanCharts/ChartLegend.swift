import PlanKit

/// A chart's key: one entry per series (or GPU, or segment kind), each a small swatch and a label, laid out in
/// rows that wrap at the chart's width. Rows may start with a heading ("Node 0").
struct ChartLegend {
    /// What an entry's swatch looks like.
    enum Swatch {
        /// A filled square (bars, cells, segments); `stroke` outlines it.
        case box(fill: String, stroke: String = "")
        /// A short line with the series' marker on it.
        case line(color: String, marker: ChartMarker, dashed: Bool = false)
        /// A dashed line (reference lines).
        case dashed
        /// A marker alone (scatter points); hollow when not filled.
        case marker(color: String, marker: ChartMarker, filled: Bool)
    }

    /// One entry.
    struct Item {
        var label: String
        var swatch: Swatch
    }

    /// Rows of entries, each row with an optional heading.
    var rows: [(heading: String, items: [Item])]

    init(_ items: [Item]) { rows = items.isEmpty ? [] : [("", items)] }
    init(rows: [(heading: String, items: [Item])]) { self.rows = rows.filter { !$0.items.isEmpty } }

    static let rowHeight = 18.0
    private static let swatchWidth = 14.0
    private static let lineSwatchWidth = 22.0
    private static let gap = 14.0

    private static func width(of item: Item) -> Double {
        let swatch: Double = switch item.swatch {
        case .line, .dashed: lineSwatchWidth
        default: swatchWidth
        }
        return swatch + 5 + ChartStyle.textWidth(item.label)
    }

    /// Entries placed within `width`: (row, x offset) for each, and the number of rows used.
    private func layout(width: Double) -> (places: [(row: Int, x: Double, item: Item)], rows: Int) {
        var places: [(Int, Double, Item)] = []
        var row = 0
        for (heading, items) in rows {
            let start = heading.isEmpty ? 0 : ChartStyle.textWidth(heading) * 1.1 + 12
            var x = start
            for item in items {
                let w = Self.width(of: item)
                if x > start && x + w > width {
                    row += 1
                    x = start
                }
                places.append((row, x, item))
                x += w + Self.gap
            }
            row += 1
        }
        return (places, row)
    }

    /// Height the legend takes within `width` (0 when empty), with a gap below it.
    func height(width: Double) -> Double {
        rows.isEmpty ? 0 : Double(layout(width: width).rows) * Self.rowHeight + 8
    }

    /// Draws the legend with its top-left corner at (x, y), wrapping at `width`.
    func draw(into w: inout SVGWriter, x: Double, y: Double, width: Double) {
        guard !rows.isEmpty else { return }
        w.open("g", ["class": "legend"])
        // headings: the first row of each group
        var row = 0
        for (heading, items) in rows {
            if !heading.isEmpty {
                w.text(x, y + Double(row) * Self.rowHeight + 12, heading, extra: ["font-weight": "600"])
            }
            let used = ChartLegend(rows: [(heading, items)]).layout(width: width).rows
            row += used
        }
        for (row, dx, item) in layout(width: width).places {
            let left = x + dx
            let mid = y + Double(row) * Self.rowHeight + 8
            var labelX = left + Self.swatchWidth + 5
            switch item.swatch {
            case let .box(fill, stroke):
                w.rect(left, mid - 6, 12, 12, fill: fill,
                       extra: ["stroke": stroke, "stroke-width": stroke.isEmpty ? "" : "1", "rx": "1.5"])
            case let .line(color, marker, dashed):
                w.raw("<line x1=\"\(SVGWriter.n(left))\" y1=\"\(SVGWriter.n(mid))\" x2=\"\(SVGWriter.n(left + 22))\" "
                    + "y2=\"\(SVGWriter.n(mid))\" stroke=\"\(color)\" stroke-width=\"2\""
                    + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>\n")
                w.raw(marker.svg(x: left + 11, y: mid, size: 8, color: color))
                labelX = left + Self.lineSwatchWidth + 5
            case .dashed:
                w.line(left, mid, left + 22, mid, opacity: 0.8, width: 1.5, extra: ["stroke-dasharray": "5 3"])
                labelX = left + Self.lineSwatchWidth + 5
            case let .marker(color, marker, filled):
                w.raw(marker.svg(x: left + 6, y: mid, size: 9, color: color, filled: filled))
            }
            w.text(labelX, mid + 4, item.label)
        }
        w.close("g")
    }
}
