import PlanKit

/// One point of a line or scatter chart, in the axes' raw units.
public struct ChartPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named series of (x, y) points for a `LineChart`, drawn in order (a sweep, by increasing x).
///
/// Points with a NaN or infinite coordinate — or one ≤ 0 on a log axis — are skipped and break the line there.
/// Built from PlanKit quantities (`Seconds`, `Bytes`, `Rate`), a series gives the chart's axes their unit.
public struct ChartSeries: Hashable, Sendable {
    /// The legend entry.
    public var name: String
    /// The points, in drawing order.
    public var points: [ChartPoint]
    let xKind: QuantityKind?
    let yKind: QuantityKind?

    public init(_ name: String, points: [(Double, Double)]) {
        self.name = name
        self.points = points.map { ChartPoint(x: $0.0, y: $0.1) }
        xKind = nil
        yKind = nil
    }

    /// Plain x values (batch sizes, sequence lengths) against a quantity (time per token, tokens/s).
    public init<Y: Quantity>(_ name: String, points: [(Double, Y)]) {
        self.name = name
        self.points = points.map { ChartPoint(x: $0.0, y: $0.1.value) }
        xKind = nil
        yKind = points.first.map { QuantityKind($0.1) }
    }

    /// A quantity against a quantity.
    public init<X: Quantity, Y: Quantity>(_ name: String, points: [(X, Y)]) {
        self.name = name
        self.points = points.map { ChartPoint(x: $0.0.value, y: $0.1.value) }
        xKind = points.first.map { QuantityKind($0.0) }
        yKind = points.first.map { QuantityKind($0.1) }
    }
}
