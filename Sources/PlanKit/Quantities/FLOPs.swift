/// A count of floating-point operations (a multiply-add counts as two); prints as "1.23 TFLOP".
public struct FLOPs: Quantity {
    /// The count of floating-point operations.
    public var flops: Double
    public var value: Double { flops }
    public init(_ value: Double) { flops = value }
    public var description: String { SIFormat.prefixed(flops, unit: "FLOP") }
}
