import PlanKit

/// The box a label or a marker takes in a chart, in pixels, and where a point's label can go without covering
/// another: what keeps the labels of a chart from ever overlapping.
struct ChartLabelBox: Hashable, Sendable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    /// The box of a marker `size` pixels across centred at (x, y).
    init(markerAt x: Double, _ y: Double, size: Double) {
        self.init(left: x - size / 2, top: y - size / 2, right: x + size / 2, bottom: y + size / 2)
    }

    /// The box of `text` drawn at (x, y) with `anchor` (start, middle, end), y its baseline: from the cap height
    /// above it to the descenders below, as wide as `ChartStyle.textWidth` estimates (erring wide).
    init(text: String, x: Double, y: Double, anchor: String, size: Double = ChartStyle.fontSize) {
        let width = ChartStyle.textWidth(text, size: size)
        let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
        self.init(left: left, top: y - size * 0.8, right: left + width, bottom: y + size * 0.25)
    }

    /// Whether the two boxes share any area.
    func overlaps(_ other: ChartLabelBox) -> Bool {
        left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }

    /// Whether `other` lies wholly inside this box.
    func contains(_ other: ChartLabelBox) -> Bool {
        other.left >= left && other.right <= right && other.top >= top && other.bottom <= bottom
    }

    /// Where the label `text` of the point at (x, y) goes: the first of eight places around the point — right and
    /// above first, then the other corners, then straight above and below, then further out — that stays inside
    /// `bounds` and overlaps none of `taken`; nil when none does.
    static func place(
        _ text: String, nearPointAt x: Double, _ y: Double, avoiding taken: [ChartLabelBox], within bounds: ChartLabelBox
    ) -> (x: Double, y: Double, anchor: String, box: ChartLabelBox)? {
        let size = ChartStyle.fontSize
        let candidates: [(Double, Double, String)] = [
            (x + 8, y - 7, "start"), (x + 8, y + size + 4, "start"), (x - 8, y - 7, "end"), (x - 8, y + size + 4, "end"),
            (x, y - 10, "middle"), (x, y + size + 8, "middle"), (x + 8, y - size - 10, "start"),
            (x - 8, y - size - 10, "end"),
        ]
        for (cx, cy, anchor) in candidates {
            let box = ChartLabelBox(text: text, x: cx, y: cy, anchor: anchor, size: size)
            if bounds.contains(box), !taken.contains(where: box.overlaps) { return (cx, cy, anchor, box) }
        }
        return nil
    }
}
