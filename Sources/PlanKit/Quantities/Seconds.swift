/// A span of time, in seconds; prints in the unit that reads best ("8.21 ms", "35.4 µs", "1.20 s").
public struct Seconds: Quantity {
    /// The span in seconds.
    public var seconds: Double
    public var value: Double { seconds }
    public init(_ value: Double) { seconds = value }
    /// The span in milliseconds.
    public var milliseconds: Double { seconds * 1e3 }
    public var description: String {
        let magnitude = abs(seconds)
        // Below a thousandth of a nanosecond, what remains is floating-point residue, not time.
        if magnitude < 1e-12 { return "0 s" }
        if magnitude >= 0.9995 { return "\(SIFormat.significant(seconds)) s" }
        if magnitude >= 0.9995e-3 { return "\(SIFormat.significant(seconds * 1e3)) ms" }
        if magnitude >= 0.9995e-6 { return "\(SIFormat.significant(seconds * 1e6)) µs" }
        return "\(SIFormat.significant(seconds * 1e9)) ns"
    }
}
