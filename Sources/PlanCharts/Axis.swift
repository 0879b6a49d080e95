import PlanKit

/// One axis of a chart: its title and unit, a linear or log scale, and how its ticks are written.
///
/// The title names the unit in parentheses: `Axis("Decode throughput", unit: "tokens/s")` reads
/// "Decode throughput (tokens/s)" with ticks 0, 20k, 40k. Time and byte axes (`.seconds`, `.bytes`, or a chart built
/// from `Seconds` or `Bytes`) choose their unit from the data: "Time per output token (ms)" with ticks 0, 5, 10.
public struct Axis: Hashable, Sendable {
    /// How values map to positions.
    public enum Scale: Hashable, Sendable {
        /// Equal distances for equal differences; ticks at 1, 2 or 5 × 10ⁿ steps.
        case linear
        /// Equal distances for equal ratios; ticks at decades (1, 10, 100, 1k …). Values ≤ 0 are not drawn.
        case log
    }

    /// What the axis measures, without the unit ("Batch size", "Time per output token").
    public var title: String
    /// The unit for `.number` and `.plain` axes ("tokens/s", "sequences"); time, byte and percent axes name their own.
    public var unit: String
    /// Linear or log.
    public var scale: Scale
    /// How tick labels are written.
    public var format: TickFormat
    /// Whether a linear axis reaches down (or up) to zero; bar charts always do.
    public var includesZero: Bool
    /// A fixed range instead of one fitted to the data (ticks then stay inside it).
    public var domain: ClosedRange<Double>?

    public init(_ title: String, unit: String = "", scale: Scale = .linear, format: TickFormat = .number,
                includesZero: Bool = true, domain: ClosedRange<Double>? = nil) {
        self.title = title
        self.unit = unit
        self.scale = scale
        self.format = format
        self.includesZero = includesZero
        self.domain = domain
    }

    /// A time axis (values in seconds).
    public static func seconds(_ title: String, scale: Scale = .linear) -> Axis {
        Axis(title, scale: scale, format: .seconds)
    }

    /// A memory or data axis (values in bytes).
    public static func bytes(_ title: String, scale: Scale = .linear) -> Axis { Axis(title, scale: scale, format: .bytes) }

    /// A log axis with the same title, unit and format.
    public var log: Axis {
        var axis = self
        axis.scale = .log
        return axis
    }

    /// This axis, taking the format and unit of `kind` if it was left at a plain `.number` with no unit.
    func adopting(_ kind: QuantityKind?) -> Axis {
        guard let kind, format == .number, unit.isEmpty else { return self }
        var axis = self
        switch kind {
        case .seconds: axis.format = .seconds
        case .bytes: axis.format = .bytes
        case .unit(let name): axis.unit = name
        }
        return axis
    }

    /// The unit of this axis's raw values: `s`, `B`, `share` (percent axes), or the axis's own unit.
    var baseUnit: String { format.baseUnit(axisUnit: unit) }

    /// The header of a CSV column holding this axis's raw values: "TPOT (s)", "Batch size".
    var csvHeader: String { baseUnit.isEmpty ? title : "\(title) (\(baseUnit))" }

    /// `value` as a data cell in this axis's base unit.
    func cell(_ value: Double) -> DisplayCell { ChartNumber.cell(value, unit: baseUnit) }
}

/// The unit a PlanKit quantity brings to an axis.
enum QuantityKind: Hashable, Sendable {
    case seconds, bytes
    case unit(String)

    /// The kind of `value`'s type: `Seconds` → time, `Bytes` → bytes, `Rate` → its "tokens/s", "B/s" or "FLOP/s".
    init(_ value: some Quantity) {
        switch value {
        case is Seconds: self = .seconds
        case is Bytes: self = .bytes
        case let rate as Rate:
            switch rate.unit {
            case .tokens: self = .unit("tokens/s")
            case .bytes: self = .unit("B/s")
            case .flops: self = .unit("FLOP/s")
            }
        case is FLOPs: self = .unit("FLOP")
        default: self = .unit("")
        }
    }
}
