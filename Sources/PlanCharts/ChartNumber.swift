import PlanKit

/// How charts write numbers into their CSV data: the exact value plotted, in the axis's base unit.
enum ChartNumber {
    /// `value` exactly: an integer without ".0" ("128"), otherwise Swift's shortest round-trip form ("0.0123",
    /// "1.5e-05"); "" for NaN and infinities, which are not plotted.
    static func csv(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `value` as a data cell: its exact text (`csv`) and `unit`, so that the build's ledger holds it.
    static func cell(_ value: Double, unit: String) -> DisplayCell { DisplayCell(value, text: csv(value), unit: unit) }

    /// "1 bar", "3 bars".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
