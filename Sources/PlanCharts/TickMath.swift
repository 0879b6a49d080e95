import PlanKit

/// The arithmetic behind ticks: exact powers of ten, decades, "nice" steps of 1, 2 or 5 × 10ⁿ, and log positions,
/// all without libm so that every platform draws the same pixels.
enum TickMath {
    /// 10ⁿ, correctly rounded (parsed, so 10⁻³ is the double nearest 0.001).
    static func power(_ exponent: Int) -> Double { Double("1e\(exponent)") ?? 1 }

    /// ⌊log₁₀ |x|⌋ for finite non-zero x, exact at powers of ten.
    static func decadeFloor(_ x: Double) -> Int {
        let m = abs(x)
        guard m.isFinite, m > 0 else { return 0 }
        var exponent = 0
        while power(exponent + 1) <= m { exponent += 1 }
        while power(exponent) > m { exponent -= 1 }
        return exponent
    }

    /// ⌈log₁₀ x⌉ for finite x > 0.
    static func decadeCeil(_ x: Double) -> Int {
        let floor = decadeFloor(x)
        return power(floor) == x ? floor : floor + 1
    }

    /// log₁₀ x for x > 0, deterministic.
    static func log10(_ x: Double) -> Double { DeterministicMath.log(x) / DeterministicMath.log(10) }

    /// A step of 1, 2 or 5 × 10ⁿ near `span` / `count` (the rule d3 uses: round to the nearest on a log scale).
    static func niceStep(span: Double, count: Int) -> (mantissa: Int, exponent: Int) {
        let raw = span / Double(max(1, count))
        var exponent = decadeFloor(raw)
        let error = raw / power(exponent)
        var mantissa = error >= 7.071 ? 10 : error >= 3.162 ? 5 : error >= 1.414 ? 2 : 1
        if mantissa == 10 {
            mantissa = 1
            exponent += 1
        }
        return (mantissa, exponent)
    }

    /// k × mantissa × 10^exponent, computed so that decimal steps land on the nearest double (0.3, not 0.30000000000000004).
    static func multiple(_ k: Int, mantissa: Int, exponent: Int) -> Double {
        exponent >= 0 ? Double(k * mantissa) * power(exponent) : Double(k * mantissa) / power(-exponent)
    }

    /// The largest of 1, 2 or 5 × 10ⁿ at most `x` (x > 0): 16 → 10, 0.3 → 0.2.
    static func niceFloor(_ x: Double) -> Double {
        let exponent = decadeFloor(x)
        return [5, 2, 1].map { multiple(1, mantissa: $0, exponent: exponent) }.first { $0 <= x } ?? power(exponent)
    }

    /// The smallest of 1, 2 or 5 × 10ⁿ at least `x` (x > 0): 16 → 20, 0.3 → 0.5.
    static func niceCeil(_ x: Double) -> Double {
        let exponent = decadeFloor(x)
        return [1, 2, 5].map { multiple(1, mantissa: $0, exponent: exponent) }.first { $0 >= x } ?? power(exponent + 1)
    }

    /// `text` without trailing zeros after a decimal point ("1.50" → "1.5", "2.0" → "2").
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var out = text
        while out.last == "0" { out.removeLast() }
        if out.last == "." { out.removeLast() }
        return out
    }
}
