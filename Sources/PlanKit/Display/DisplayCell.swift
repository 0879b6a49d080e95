/// One cell of a table as the page shows it, and the number behind it when it is one: a quantity keeps its value in
/// its base unit (`8.21 ms` keeps 0.00821 s), so that a later build can be compared number by number.
public struct DisplayCell: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The text shown.
    public var text: String
    /// The number shown, in `unit`; nil for text.
    public var value: Double?
    /// The unit of `value`: `s`, `B`, `FLOP`, `tokens/s`, `FLOP/s`, `B/s`, `%`, `×`, `""` for a plain number or
    /// count, or a chart axis's own unit (`share` for a percent axis, whose values are shares of 1).
    public var unit: String

    /// A cell of text.
    public init(_ text: String) {
        self.text = text
        value = nil
        unit = ""
    }

    public init(stringLiteral text: String) { self.init(text) }

    /// A number shown as `text`.
    public init(_ value: Double, text: String, unit: String = "") {
        self.text = text
        self.value = value
        self.unit = unit
    }

    /// A quantity, shown as it formats itself ("6.44 GB"), or as `text` ("bubble 1.20 ms").
    public init<Q: Quantity>(_ quantity: Q, text: String? = nil) {
        self.init(quantity.value, text: text ?? quantity.description, unit: quantity.unitSymbol)
    }

    /// A whole number with thousands separators ("450,000").
    public init(_ count: Int) { self.init(Double(count), text: SIFormat.grouped(count)) }

    /// A count that may be fractional (tokens split over replicas): whole ones grouped ("1,280"), others with one
    /// decimal ("6.5").
    public static func count(_ value: Double) -> DisplayCell { DisplayCell(value, text: SIFormat.tokenCount(value)) }

    /// A share as a percentage ("53.3 %"; `share` is 0.533): three significant digits, or `decimals` places.
    public static func percent(_ share: Double, decimals: Int? = nil) -> DisplayCell {
        let percent = 100 * share
        let text = decimals.map { SIFormat.fixed(percent, decimals: $0) } ?? SIFormat.significant(percent)
        return DisplayCell(percent, text: text + " %", unit: "%")
    }

    /// A ratio with `decimals` places and a times sign ("2.50×").
    public static func times(_ ratio: Double, decimals: Int = 2) -> DisplayCell {
        DisplayCell(ratio, text: SIFormat.fixed(ratio, decimals: decimals) + "×", unit: "×")
    }

    public var description: String { text }
}

extension Quantity {
    /// This quantity as a table cell, shown as it formats itself and keeping its value and unit.
    public var cell: DisplayCell { DisplayCell(self) }

    /// The symbol of the unit `value` is in: `B`, `s`, `FLOP`, or the rate's `tokens/s`, `FLOP/s`, `B/s`.
    public var unitSymbol: String {
        switch self {
        case is Bytes: return "B"
        case is Seconds: return "s"
        case is FLOPs: return "FLOP"
        case let rate as Rate: return "\(rate.unit.rawValue)/s"
        default: return ""
        }
    }
}
