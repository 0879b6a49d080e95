/// The efficiencies and latencies that turn a GPU's datasheet peaks into achievable rates.
///
/// Every figure is a named, overridable default with its source; a study states them on its methodology page.
/// Change one with `var a = Assumptions.default; a.computeEfficiency = 0.5` and pass it to `Deployment`.
public struct Assumptions: Hashable, Codable, Sendable {
    /// Share of peak tensor-core FLOP/s that large GEMMs reach: 0.70. Source: measured BF16 GEMM efficiency of
    /// 65–75 % on H100 for large shapes (NVIDIA "Matrix Multiplication Background" guide; MLPerf submissions).
    public var computeEfficiency: Double = 0.70
    /// Share of peak HBM bandwidth that streaming kernels reach: 0.80. Source: STREAM-like copy kernels reach
    /// about 80–90 % of HBM3 peak on H100 (NVIDIA Hopper tuning guide).
    public var memoryEfficiency: Double = 0.80
    /// Share of NVLink per-direction bandwidth that NCCL collectives reach: 0.80 (NCCL tests bus bandwidth
    /// ≈ 360 of 450 GB/s on H100 SXM).
    public var nvlinkEfficiency: Double = 0.80
    /// Share of InfiniBand per-GPU bandwidth that all-to-all reaches: 0.80 (≈ 40 of 50 GB/s; DeepEP reports
    /// 40–46 GB/s RDMA per GPU on H800 with CX7 400 Gb/s).
    public var networkEfficiency: Double = 0.80
    /// Start-up latency of one collective step over NVLink (alpha): 5 µs (NCCL small-message latency).
    public var nvlinkLatency: Double = 5e-6
    /// Start-up latency of one collective step across nodes (alpha): 10 µs (NCCL over InfiniBand).
    public var networkLatency: Double = 10e-6
    /// Whether communication hides behind compute (step time = max) or adds to it (step time = sum): not
    /// overlapped by default, the conservative choice.
    public var overlapCommunication: Bool = false

    public init() {}

    /// The defaults above.
    public static let `default` = Assumptions()
}
