/// The roofline cost of one kernel on one GPU: the larger of its compute time and its memory time.
///
/// compute = FLOPs / (peak FLOP/s for the precision × computeEfficiency);
/// memory = bytes / (HBM bandwidth × memoryEfficiency); time = max(compute, memory).
public struct Roofline: Hashable, Codable, Sendable {
    /// Time at the achievable compute rate.
    public var compute: Seconds
    /// Time at the achievable memory bandwidth.
    public var memory: Seconds
    /// max(compute, memory).
    public var time: Seconds { max(compute, memory) }
    /// Whether memory traffic, not arithmetic, limits the kernel.
    public var isMemoryBound: Bool { memory > compute }

    public init(compute: Seconds, memory: Seconds) {
        self.compute = compute
        self.memory = memory
    }

    /// The cost of `flops` of arithmetic moving `bytes` through HBM on `gpu` in `precision`.
    public init(flops: FLOPs, bytes: Bytes, gpu: GPU, precision: Precision, assumptions: Assumptions) {
        compute = Seconds(flops.flops / (gpu.peakFLOPS(for: precision) * assumptions.computeEfficiency))
        memory = Seconds(bytes.bytes / (gpu.memoryBandwidth * assumptions.memoryEfficiency))
    }
}
