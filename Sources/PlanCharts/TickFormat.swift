import PlanKit

/// How an axis writes its tick labels, and which unit its title names.
public enum TickFormat: Hashable, Sendable {
    /// Numbers with SI suffixes: 0, 500, 1k, 1.5k, 10k, 2M (each tick its own). The axis's `unit` goes in its title.
    case number
    /// Numbers without suffixes, thousands grouped: 0, 512, 1,024.
    case plain
    /// Times (values in seconds), ticks in the one unit that suits the axis (s, ms, µs or ns), named in the title.
    case seconds
    /// Amounts of bytes, ticks in one decimal unit (B, kB, MB, GB, TB, PB), named in the title.
    case bytes
    /// Shares (0.25 = 25 %), ticks in percent, "%" in the title.
    case percent

    /// The factor values are divided by for display and the unit it names, chosen for values up to `largest`.
    func displayUnit(largest: Double, axisUnit: String) -> (scale: Double, unit: String) {
        let m = abs(largest)
        switch self {
        case .number, .plain: return (1, axisUnit)
        case .percent: return (0.01, "%")
        case .seconds:
            if m >= 0.9995 || m == 0 { return (1, "s") }
            if m >= 0.9995e-3 { return (1e-3, "ms") }
            if m >= 0.9995e-6 { return (1e-6, "µs") }
            return (1e-9, "ns")
        case .bytes:
            for (scale, unit) in [(1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
            where m >= scale * 0.9995 {
                return (scale, unit)
            }
            return (1, "B")
        }
    }

    /// The unit of the raw values this format reads (for CSV headers): "s", "B", or the axis's unit.
    func baseUnit(axisUnit: String) -> String {
        switch self {
        case .number, .plain: axisUnit
        case .percent: "share"
        case .seconds: "s"
        case .bytes: "B"
        }
    }

    /// Labels for ticks on a linear axis whose step is `step` (all in raw units), with as many decimals as the
    /// step needs; `.number` ticks each take their own SI prefix.
    func linearLabels(_ ticks: [Double], step: Double, unitScale: Double) -> [String] {
        ticks.map { value in
            if value == 0 { return "0" }
            var scale = unitScale
            var suffix = ""
            if self == .number {
                // each tick takes the prefix that suits it (800, 1k, 1.2k), with the decimals the step needs
                for (factor, prefix) in TickFormat.siPrefixes where abs(value) >= factor * 0.9995 {
                    scale = factor
                    suffix = prefix
                    break
                }
            }
            let decimals = max(0, -TickMath.decadeFloor(step / scale))
            if self == .plain, decimals == 0 { return SIFormat.grouped(Int((value / scale).rounded())) }
            return TickMath.trimmed(SIFormat.fixed(value / scale, decimals: decimals)) + suffix
        }
    }

    /// Labels for ticks on a log axis: each written on its own ("0.01", "1", "10k", "1M").
    func logLabels(_ ticks: [Double], unitScale: Double) -> [String] {
        ticks.map { value in
            let shown = value / unitScale
            if self == .number {
                for (factor, prefix) in TickFormat.siPrefixes where abs(shown) >= factor * 0.9995 {
                    return TickMath.trimmed(SIFormat.significant(shown / factor)) + prefix
                }
            }
            if self == .plain, shown >= 1 { return SIFormat.grouped(Int(shown.rounded())) }
            return TickMath.trimmed(SIFormat.significant(shown))
        }
    }

    /// A value with its unit for prose ("12.3 ms", "4.5k tokens/s").
    func describe(_ value: Double, axisUnit: String) -> String {
        switch self {
        case .seconds: return Seconds(value).description
        case .bytes: return Bytes(value).description
        case .percent: return SIFormat.significant(value * 100) + " %"
        case .number, .plain:
            let text = abs(value) >= 999.5 ? SIFormat.prefixed(value, unit: "").trimmingTrailingSpace
                : TickMath.trimmed(SIFormat.significant(value))
            return axisUnit.isEmpty ? text : text + " " + axisUnit
        }
    }

    static let siPrefixes: [(Double, String)] = [(1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
}

extension String {
    /// This text without trailing spaces, and with the space SIFormat puts before a prefix removed ("4.5 k" → "4.5k").
    fileprivate var trimmingTrailingSpace: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text.replacing(" ", with: "")
    }
}
