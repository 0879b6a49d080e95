import PlanKit

/// A point marker; each series of a line or scatter chart gets its own, so series differ by shape as well as colour.
public enum ChartMarker: String, Hashable, Sendable, CaseIterable {
    case circle, square, triangle, diamond, invertedTriangle, cross, plus, star

    /// The marker of series `index`, cycling through all eight.
    public static func forSeries(_ index: Int) -> ChartMarker { allCases[index % allCases.count] }

    /// Markup of this marker centred at (x, y), `size` px across, filled with `color` (or outlined when `filled`
    /// is false, in which case the inside shows the page through it).
    func svg(x: Double, y: Double, size: Double = 8, color: String, filled: Bool = true) -> String {
        let r = size / 2
        let n = SVGWriter.n
        let paint = filled
            ? "fill=\"\(color)\""
            : "fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\""
        func polygon(_ points: [(Double, Double)]) -> String {
            "<path d=\"M" + points.map { "\(n(x + $0.0)),\(n(y + $0.1))" }.joined(separator: "L") + "Z\" \(paint)/>\n"
        }
        switch self {
        case .circle:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(paint)/>\n"
        case .square:
            let s = r * 0.9
            return polygon([(-s, -s), (s, -s), (s, s), (-s, s)])
        case .triangle:
            return polygon([(0, -r * 1.15), (r * 1.1, r * 0.8), (-r * 1.1, r * 0.8)])
        case .invertedTriangle:
            return polygon([(0, r * 1.15), (r * 1.1, -r * 0.8), (-r * 1.1, -r * 0.8)])
        case .diamond:
            return polygon([(0, -r * 1.25), (r * 1.05, 0), (0, r * 1.25), (-r * 1.05, 0)])
        case .cross, .plus:
            let t = r * 0.38
            var points: [(Double, Double)] = [
                (-t, -r), (t, -r), (t, -t), (r, -t), (r, t), (t, t), (t, r), (-t, r), (-t, t), (-r, t), (-r, -t), (-t, -t),
            ]
            if self == .cross {
                // the plus turned by 45°: (x, y) → ((x − y)/√2, (x + y)/√2)
                let k = 0.707_106_781_186_547_6
                points = points.map { (($0.0 - $0.1) * k * 1.15, ($0.0 + $0.1) * k * 1.15) }
            }
            return polygon(points)
        case .star:
            // five points alternating between radius r·1.25 and r·0.55, starting straight up
            let outer = [(0.0, -1.0), (0.951, -0.309), (0.588, 0.809), (-0.588, 0.809), (-0.951, -0.309)]
            let inner = [(0.588, -0.809), (0.951, 0.309), (0.0, 1.0), (-0.951, 0.309), (-0.588, -0.809)]
            var points: [(Double, Double)] = []
            for i in 0..<5 {
                points.append((outer[i].0 * r * 1.3, outer[i].1 * r * 1.3))
                points.append((inner[i].0 * r * 0.55, inner[i].1 * r * 0.55))
            }
            return polygon(points)
        }
    }
}
