/// An amount of memory or data, in bytes; prints as "6.44 GB" (decimal: 1 GB = 10⁹ B).
public struct Bytes: Quantity {
    /// The amount in bytes.
    public var bytes: Double
    public var value: Double { bytes }
    public init(_ value: Double) { bytes = value }
    public var description: String { SIFormat.prefixed(bytes, unit: "B") }
    /// The amount in gigabytes (10⁹ B).
    public var gigabytes: Double { bytes / 1e9 }
}
