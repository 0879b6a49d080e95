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

    /// The cost of `flops` of arithmetic moving `bytes` through HBM on `gpu` in `precision`, at the GEMM and
    /// streaming efficiencies of `assumptions`.
    public init(flops: FLOPs, bytes: Bytes, gpu: GPU, precision: Precision, assumptions: Assumptions) {
        self.init(flops: flops, bytes: bytes, gpu: gpu, precision: precision,
                  computeShare: assumptions.computeEfficiency, memoryShare: assumptions.memoryEfficiency)
    }

    /// The cost at explicit shares of peak FLOP/s and of peak HBM bandwidth.
    public init(flops: FLOPs, bytes: Bytes, gpu: GPU, precision: Precision, computeShare: Double, memoryShare: Double) {
        compute = Seconds(flops.flops / (gpu.peakFLOPS(for: precision) * computeShare))
        memory = Seconds(bytes.bytes / (gpu.memoryBandwidth * memoryShare))
    }
}
