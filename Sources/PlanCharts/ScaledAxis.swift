import PlanKit

/// An `Axis` fitted to data: its range, ticks, tick labels, its title with the unit, and the map from values to
/// a fraction of the axis length.
struct ScaledAxis {
    let axis: Axis
    /// The range drawn.
    let lower: Double
    let upper: Double
    /// Tick values (raw units) and their labels.
    let ticks: [Double]
    let labels: [String]
    /// "Title (unit)".
    let title: String
    /// Values given but not drawable: NaN, ±∞, and on a log axis zero and negatives.
    let skipped: Int

    /// Ticks aimed at on a linear axis (the step is rounded to 1, 2 or 5 × 10ⁿ).
    static let targetTicks = 5

    /// Values spanning more than this ratio get a log scale on an axis that leaves the scale to the data.
    static let logSpan = 50.0

    init(_ given: Axis, values: [Double], targetTicks: Int = ScaledAxis.targetTicks) {
        var axis = given
        let positive = values.filter { $0.isFinite && $0 > 0 }
        if axis.automaticScale, axis.domain == nil, let low = positive.min(), let high = positive.max(),
           positive.count == values.filter({ $0.isFinite && $0 != 0 }).count, high / low > Self.logSpan {
            axis.scale = .log
        }
        self.axis = axis
        let usable = values.filter { $0.isFinite && (axis.scale == .linear || $0 > 0) }
        skipped = values.count - usable.count
        var low = usable.min() ?? (axis.scale == .log ? 1 : 0)
        var high = usable.max() ?? (axis.scale == .log ? 10 : 1)
        if let domain = axis.domain, domain.lowerBound.isFinite, domain.upperBound.isFinite,
           axis.scale == .linear || domain.lowerBound > 0 {
            low = domain.lowerBound
            high = domain.upperBound
        }
        let fixed = axis.domain != nil
        var ticks: [Double]
        var step = 1.0
        switch axis.scale {
        case .linear:
            if axis.includesZero && !fixed {
                low = min(low, 0)
                high = max(high, 0)
            }
            if low == high {
                let pad = low == 0 ? 1 : abs(low) / 2
                low -= low == 0 ? 0 : pad
                high += pad
            }
            let nice = TickMath.niceStep(span: high - low, count: targetTicks)
            step = TickMath.multiple(1, mantissa: nice.mantissa, exponent: nice.exponent)
            var first = Int((low / step).rounded(.down))
            var last = Int((high / step).rounded(.up))
            if fixed {
                // stay inside the fixed range (with a hair of slack for rounding)
                if TickMath.multiple(first, mantissa: nice.mantissa, exponent: nice.exponent) < low - step * 1e-9 {
                    first += 1
                }
                if TickMath.multiple(last, mantissa: nice.mantissa, exponent: nice.exponent) > high + step * 1e-9 {
                    last -= 1
                }
            }
            ticks = first <= last
                ? (first...last).map { TickMath.multiple($0, mantissa: nice.mantissa, exponent: nice.exponent) } : []
            if !fixed, let a = ticks.first, let b = ticks.last {
                low = a
                high = b
            }
        case .log:
            var lowDecade = TickMath.decadeFloor(low)
            var highDecade = TickMath.decadeCeil(high)
            if highDecade == lowDecade { highDecade += 1 }
            let spanned = TickMath.log10(high) - TickMath.log10(low)
            if !fixed && spanned >= 2 {
                // wide sweeps: pad the data by 4 % of its span on each side; ticks at the decades inside
                let pad = DeterministicMath.exp(0.04 * spanned * DeterministicMath.log(10))
                low /= pad
                high *= pad
                lowDecade = TickMath.decadeCeil(low)
                highDecade = TickMath.decadeFloor(high)
            } else if !fixed {
                // narrow ranges: the 1, 2 or 5 × 10ⁿ around the data, so that the axis ends near it (1 → 20 for
                // data from 1 to 16), with ticks at each of them
                low = TickMath.niceFloor(low)
                high = TickMath.niceCeil(high)
                if high <= low { high = TickMath.niceCeil(low * 1.01) }
                lowDecade = TickMath.decadeFloor(low)
                highDecade = TickMath.decadeCeil(high)
            } else {
                lowDecade = TickMath.decadeCeil(low)
                highDecade = TickMath.decadeFloor(high)
            }
            let decades = highDecade - lowDecade
            let every = decades > 12 ? 3 : decades > 7 ? 2 : 1
            ticks = []
            var exponent = lowDecade
            while exponent <= highDecade {
                if (exponent - lowDecade) % every == 0 { ticks.append(TickMath.power(exponent)) }
                if (decades <= 1 || (!fixed && spanned < 2)) && exponent < highDecade {
                    ticks.append(2 * TickMath.power(exponent))
                    ticks.append(5 * TickMath.power(exponent))
                }
                exponent += 1
            }
            ticks = ticks.filter { $0 >= low * (1 - 1e-12) && $0 <= high * (1 + 1e-12) }
        }
        lower = low
        upper = high
        self.ticks = ticks
        let largest = ticks.map { abs($0) }.max() ?? max(abs(low), abs(high))
        let display = axis.format.displayUnit(largest: largest, axisUnit: axis.unit)
        labels = axis.scale == .linear
            ? axis.format.linearLabels(ticks, step: step, unitScale: display.scale)
            : axis.format.logLabels(ticks, unitScale: display.scale)
        title = display.unit.isEmpty ? axis.title : "\(axis.title) (\(display.unit))"
    }

    /// Whether `value` can be placed on this axis.
    func isDrawable(_ value: Double) -> Bool { value.isFinite && (axis.scale == .linear || value > 0) }

    /// Where `value` falls, from 0 at `lower` to 1 at `upper` (outside for values beyond them); nil when not drawable.
    func fraction(_ value: Double) -> Double? {
        guard isDrawable(value) else { return nil }
        switch axis.scale {
        case .linear:
            return upper == lower ? 0.5 : (value - lower) / (upper - lower)
        case .log:
            let a = TickMath.log10(lower)
            let b = TickMath.log10(upper)
            return b == a ? 0.5 : (TickMath.log10(value) - a) / (b - a)
        }
    }

    /// `value` with its unit for prose ("12.3 ms").
    func describe(_ value: Double) -> String { axis.format.describe(value, axisUnit: axis.unit) }

    /// A sentence for `desc` about values this axis could not draw, or "".
    var skippedNote: String {
        guard skipped > 0 else { return "" }
        let what = axis.scale == .log ? "zero, negative or non-finite" : "non-finite"
        return " \(skipped) \(what) value\(skipped == 1 ? " is" : "s are") not drawn on the \(axis.title) axis"
            + (axis.scale == .log ? " (log scale)." : ".")
    }
}
