/// The cost of one operator of a layer on one GPU for one micro-batch: its FLOPs, its HBM traffic and its roofline.
///
/// Guarantees: `time` = max(compute, memory) of the roofline, and it is attributed wholly to the bound that
/// decided it (`bound`), so breakdowns add up to the time.
public struct OperatorTime: Hashable, Codable, Sendable, CustomStringConvertible {
    /// What limits an operator: arithmetic or memory traffic.
    public enum Bound: String, Hashable, Codable, Sendable {
        case compute, memory
    }

    public var op: LayerOperator
    /// Arithmetic on this GPU.
    public var flops: FLOPs
    /// Bytes moved through HBM on this GPU (weights read, activations read and written, KV cache read or written).
    public var bytes: Bytes
    public var roofline: Roofline

    public init(_ op: LayerOperator, flops: FLOPs, bytes: Bytes, roofline: Roofline) {
        self.op = op
        self.flops = flops
        self.bytes = bytes
        self.roofline = roofline
    }

    /// max(compute time, memory time).
    public var time: Seconds { roofline.time }
    /// The bound that decided `time`.
    public var bound: Bound { roofline.isMemoryBound ? .memory : .compute }

    public var description: String { "\(op): \(flops), \(bytes) → \(time) (\(bound)-bound)" }
}
