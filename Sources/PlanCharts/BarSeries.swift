import PlanKit

/// One series of a grouped or stacked bar chart: a name for the legend and one value per category.
public struct BarSeries: Hashable, Sendable {
    /// The legend entry.
    public var name: String
    /// One value per category, in the chart's category order (missing ones are not drawn; NaN and ∞ are skipped).
    public var values: [Double]
    /// The unit the values came with, when built from PlanKit quantities.
    let kind: QuantityKind?

    public init(_ name: String, values: [Double]) {
        self.name = name
        self.values = values
        kind = nil
    }

    /// A series of PlanKit quantities (`Seconds`, `Bytes`, `Rate`); the chart's value axis takes their unit.
    public init<Q: Quantity>(_ name: String, values: [Q]) {
        self.name = name
        self.values = values.map(\.value)
        kind = values.first.map { QuantityKind($0) }
    }
}

/// A horizontal (or, on a horizontal bar chart, vertical) dashed line at a value, labelled: "capacity 80 GB".
public struct ReferenceLine: Hashable, Sendable {
    /// What the line marks.
    public var label: String
    /// Where it is, in the value axis's raw units.
    public var value: Double

    public init(_ label: String, value: Double) {
        self.label = label
        self.value = value
    }

    /// A line at a PlanKit quantity.
    public init(_ label: String, at value: some Quantity) { self.init(label, value: value.value) }
}
