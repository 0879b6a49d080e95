/// One accelerator's peak figures, each from its vendor's public datasheet (named on each preset).
///
/// Peaks are dense (no sparsity). Efficiencies that turn peaks into achievable rates live in `Efficiency`.
public struct GPU: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Marketing name, e.g. "H100 SXM".
    public var name: String
    /// Dense BF16/FP16 tensor-core peak, FLOP/s.
    public var peakFLOPS: Double
    /// Dense FP8 tensor-core peak, FLOP/s (equal to `peakFLOPS` on GPUs without FP8).
    public var peakFP8FLOPS: Double
    /// HBM bandwidth, B/s.
    public var memoryBandwidth: Double
    /// HBM capacity, bytes.
    public var memoryCapacity: Double
    /// NVLink bandwidth per direction, B/s.
    public var nvlinkBandwidth: Double
    /// Scale-out network (InfiniBand) bandwidth per GPU per direction, B/s.
    public var networkBandwidth: Double

    public init(
        name: String, peakFLOPS: Double, peakFP8FLOPS: Double? = nil, memoryBandwidth: Double,
        memoryCapacity: Double, nvlinkBandwidth: Double, networkBandwidth: Double
    ) {
        self.name = name
        self.peakFLOPS = peakFLOPS
        self.peakFP8FLOPS = peakFP8FLOPS ?? peakFLOPS
        self.memoryBandwidth = memoryBandwidth
        self.memoryCapacity = memoryCapacity
        self.nvlinkBandwidth = nvlinkBandwidth
        self.networkBandwidth = networkBandwidth
    }

    public var description: String { name }

    /// Peak dense FLOP/s for a number format: FP8 uses the FP8 peak, FP32 is taken at the BF16 tensor-core
    /// peak / 2 (TF32 tensor cores), BF16 and FP16 at `peakFLOPS`.
    public func peakFLOPS(for precision: Precision) -> Double {
        switch precision {
        case .fp8: peakFP8FLOPS
        case .bf16, .fp16: peakFLOPS
        case .fp32: peakFLOPS / 2
        }
    }

    /// NVIDIA H100 SXM5 80 GB: 989 TFLOPS dense BF16, 1,979 dense FP8, 3.35 TB/s HBM3, 80 GB,
    /// NVLink 4 at 900 GB/s bidirectional (450 GB/s per direction), one 400 Gb/s ConnectX-7 (50 GB/s) per GPU.
    /// Source: NVIDIA H100 Tensor Core GPU datasheet; NVIDIA DGX H100 user guide.
    public static let h100SXM = GPU(
        name: "H100 SXM", peakFLOPS: 989e12, peakFP8FLOPS: 1979e12, memoryBandwidth: 3.35e12,
        memoryCapacity: 80e9, nvlinkBandwidth: 450e9, networkBandwidth: 50e9)

    /// NVIDIA H200 SXM 141 GB: compute as H100 SXM, 4.8 TB/s HBM3e, 141 GB. Source: NVIDIA H200 datasheet.
    public static let h200 = GPU(
        name: "H200", peakFLOPS: 989e12, peakFP8FLOPS: 1979e12, memoryBandwidth: 4.8e12,
        memoryCapacity: 141e9, nvlinkBandwidth: 450e9, networkBandwidth: 50e9)

    /// NVIDIA H800 SXM (export variant of H100): compute and HBM as H100 SXM, NVLink 400 GB/s bidirectional
    /// (200 GB/s per direction). Source: NVIDIA H800 product brief; DeepSeek-V3 technical report §3.1.
    public static let h800 = GPU(
        name: "H800", peakFLOPS: 989e12, peakFP8FLOPS: 1979e12, memoryBandwidth: 3.35e12,
        memoryCapacity: 80e9, nvlinkBandwidth: 200e9, networkBandwidth: 50e9)

    /// NVIDIA A100 SXM 80 GB: 312 TFLOPS dense BF16 (no FP8), 2.039 TB/s HBM2e, 80 GB, NVLink 3 at 600 GB/s
    /// bidirectional (300 per direction), 200 Gb/s HDR InfiniBand (25 GB/s) per GPU. Source: NVIDIA A100 datasheet.
    public static let a100SXM80 = GPU(
        name: "A100 SXM 80GB", peakFLOPS: 312e12, memoryBandwidth: 2.039e12, memoryCapacity: 80e9,
        nvlinkBandwidth: 300e9, networkBandwidth: 25e9)

    /// NVIDIA B200: 2.25 PFLOPS dense BF16, 4.5 dense FP8, 8 TB/s HBM3e, 180 GB, NVLink 5 at 1.8 TB/s
    /// bidirectional (900 GB/s per direction), 400 Gb/s per GPU. Source: NVIDIA DGX B200 datasheet.
    public static let b200 = GPU(
        name: "B200", peakFLOPS: 2250e12, peakFP8FLOPS: 4500e12, memoryBandwidth: 8e12,
        memoryCapacity: 180e9, nvlinkBandwidth: 900e9, networkBandwidth: 50e9)
}
