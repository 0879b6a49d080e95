/// Formats numbers with decimal SI prefixes and three significant digits, the way the site prints them.
///
/// Formatting is locale-independent and deterministic: the same `Double` always gives the same text.
public enum SIFormat {
    private static let largePrefixes: [(Double, String)] = [
        (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"),
    ]

    /// `value` with three significant digits and no trailing zeros beyond them ("6.44", "123", "0.5").
    public static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        if value == 0 { return "0" }
        let magnitude = Int((abs(value)).log10Floor)
        let decimals = max(0, digits - 1 - magnitude)
        return fixed(value, decimals: decimals)
    }

    /// `value` rounded to `decimals` places, without relying on the C locale.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let negative = value < 0 && rounded != 0
        let integerPart = (rounded / scale).rounded(.down)
        var text = String(Int64(integerPart))
        if decimals > 0 {
            let fraction = Int((rounded - integerPart * scale).rounded())
            var digits = String(fraction)
            while digits.count < decimals { digits = "0" + digits }
            text += "." + digits
        }
        return negative ? "-" + text : text
    }

    /// `value` with an SI prefix before `unit` ("1.32 M tokens/s", "6.44 GB"); `space` separates prefix and unit.
    public static func prefixed(_ value: Double, unit: String, space: Bool = false) -> String {
        let sep = space ? " " : ""
        for (scale, prefix) in largePrefixes where abs(value) >= scale * 0.9995 {
            return "\(significant(value / scale)) \(prefix)\(sep)\(unit)"
        }
        return "\(significant(value)) \(unit)"
    }

    /// An integer with thousands separators ("450,000").
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

}

extension Double {
    /// ⌊log₁₀ |self|⌋, exact at powers of ten.
    fileprivate var log10Floor: Double {
        var exponent = 0.0
        var magnitude = abs(self)
        while magnitude >= 10 { magnitude /= 10; exponent += 1 }
        while magnitude < 1 { magnitude *= 10; exponent -= 1 }
        return exponent
    }
}
