/// A rate of things per second: tokens/s, FLOP/s, B/s. Prints as "1.32 M tokens/s", "989 TFLOP/s", "3.35 TB/s".
public struct Rate: Quantity {
    /// What is counted, as printed before "/s" ("tokens", "FLOP", "B").
    public enum Unit: String, Codable, Sendable { case tokens, flops = "FLOP", bytes = "B" }
    /// The rate in items per second.
    public var perSecond: Double
    /// What is counted.
    public var unit: Unit
    public var value: Double { perSecond }
    public init(_ value: Double) { perSecond = value; unit = .tokens }
    public init(_ value: Double, _ unit: Unit) { perSecond = value; self.unit = unit }
    public var description: String {
        switch unit {
        case .tokens: return SIFormat.prefixed(perSecond, unit: "tokens/s", space: true)
        case .flops: return SIFormat.prefixed(perSecond, unit: "FLOP/s")
        case .bytes: return SIFormat.prefixed(perSecond, unit: "B/s")
        }
    }
    /// Bandwidth in bytes per second.
    public static func bytesPerSecond(_ value: Double) -> Rate { Rate(value, .bytes) }
    /// Compute rate in FLOP per second.
    public static func flopsPerSecond(_ value: Double) -> Rate { Rate(value, .flops) }
    /// Throughput in tokens per second.
    public static func tokensPerSecond(_ value: Double) -> Rate { Rate(value, .tokens) }
}

/// How long `amount` takes at `rate` (bytes at a bandwidth, FLOPs at a compute rate).
public func / (amount: Bytes, rate: Rate) -> Seconds { Seconds(amount.bytes / rate.perSecond) }
/// How long `amount` takes at `rate`.
public func / (amount: FLOPs, rate: Rate) -> Seconds { Seconds(amount.flops / rate.perSecond) }
