import PlanKit
internal import PlanRecord

/// How an inline `{swift} expr` value reads in a sentence: quantities with their unit ("8.21 ms"), whole numbers
/// with thousands separators ("450,000"), other numbers with three significant digits ("3.75"), the rest as their
/// description.
public enum InlineFormat {
    /// `value` formatted for prose.
    public static func text<T>(_ value: T) -> String {
        switch value {
        case let number as Int: return SIFormat.grouped(number)
        case let number as Double:
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return SIFormat.grouped(Int(number)) }
            return SIFormat.significant(number)
        case let text as String: return text
        case let described as CustomStringConvertible: return described.description
        default: return String(describing: value)
        }
    }

    /// `value` as prose shows it, with the number behind it when it is one (a quantity in its base unit).
    static func value<T>(_ value: T) -> PlanRecord.Value {
        PlanRecord.Value(text(value), number: number(value))
    }

    /// The number `value` holds, with its unit: a quantity, a table cell that is a number, an integer or a double.
    static func number<T>(_ value: T) -> PlanRecord.Number? {
        switch value {
        case let quantity as any Quantity: return PlanRecord.Number(quantity.value, unit: quantity.unitSymbol)
        case let cell as DisplayCell: return cell.value.map { PlanRecord.Number($0, unit: cell.unit) }
        case let number as Double: return PlanRecord.Number(number)
        case let number as Float: return PlanRecord.Number(Double(number))
        case let number as any BinaryInteger: return PlanRecord.Number(Double(number))
        default: return nil
        }
    }

    /// A display cell as a record value.
    static func value(_ cell: DisplayCell) -> PlanRecord.Value {
        PlanRecord.Value(cell.text, number: cell.value.map { PlanRecord.Number($0, unit: cell.unit) })
    }
}
