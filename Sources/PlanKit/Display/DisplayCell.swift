/// One cell of a table as the page shows it, and the number behind it when it is one: a quantity keeps its value in
/// its base unit (`8.21 ms` keeps 0.00821 s), so that a later build can be compared number by number.
public struct DisplayCell: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The text shown.
    public var text: String
    /// The number shown, in `unit`; nil for text.
    public var value: Double?
    /// The unit of `value`: `s`, `B`, `FLOP`, `tokens/s`, `FLOP/s`, `B/s`, `%`, `×`, or `""` for a plain number.
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

    /// A quantity, shown as it formats itself ("6.44 GB").
    public init<Q: Quantity>(_ quantity: Q) {
        self.init(quantity.value, text: quantity.description, unit: quantity.unitSymbol)
    }

    /// A whole number with thousands separators ("450,000").
    public init(_ count: Int) { self.init(Double(count), text: SIFormat.grouped(count)) }

    /// A share as a percentage with three significant digits ("53.3 %"); `share` is 0.533.
    public static func percent(_ share: Double) -> DisplayCell {
        DisplayCell(100 * share, text: SIFormat.significant(100 * share) + " %", unit: "%")
    }

    public var description: String { text }
}

extension Quantity {
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
