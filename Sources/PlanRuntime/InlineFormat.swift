import PlanKit

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
}
