/// The efficiencies, latencies and scheduling choices that turn a GPU's datasheet peaks into achievable times.
///
/// Every figure is a named, overridable default with its source; one set serves every plan (no per-case tuning).
/// The link figures are calibrated on measurements, stated with each; `Reports/validation.md` shows how close the
/// whole model comes to published systems. Change one with `var a = Assumptions.default; a.computeEfficiency = 0.5`
/// and pass it to `Deployment`.
public struct Assumptions: Hashable, Codable, Sendable {
    /// Share of peak tensor-core FLOP/s that large GEMMs reach: 0.70. Source: DeepGEMM reaches 1,350+ of 1,979 FP8
    /// TFLOP/s on Hopper (68 %; deepseek-ai/open-infra-index README, day 3); BF16 GEMMs reach 65–75 % on H100 for
    /// large shapes (NVIDIA "Matrix Multiplication Background" guide).
    public var computeEfficiency: Double = 0.70
    /// Share of peak HBM bandwidth that streaming kernels reach: 0.80. Source: FlashMLA reaches 3,000 of 3,350 GB/s
    /// memory-bound on H800 (90 %; open-infra-index README, day 1); copy kernels 80–90 % of HBM3 peak.
    public var memoryEfficiency: Double = 0.80
    /// Share of peak FLOP/s that the core-attention kernel reaches when compute-bound: 0.586. Source: FlashMLA
    /// reaches 580 of 989 BF16 TFLOP/s on H800 (open-infra-index README, day 1); taken for every attention kernel.
    public var attentionComputeEfficiency: Double = 580.0 / 989
    /// Share of peak HBM bandwidth that the core-attention kernel reaches when memory-bound (reading the KV cache):
    /// 0.896. Source: FlashMLA reaches 3,000 of 3,350 GB/s on H800 (open-infra-index README, day 1).
    public var attentionMemoryEfficiency: Double = 3000.0 / 3350
    /// Share of NVLink per-direction bandwidth that collectives and all-to-all kernels reach: 0.82. Calibrated on
    /// microsoft/vidur data/profiling/network/h100_dgx/all_reduce.csv (8 × H100, NCCL ring all-reduce, 1–64 MiB):
    /// a ring of 14 steps with `nvlinkLatency` each and 2·7/8 of the buffer at 0.82 × 450 GB/s fits every size
    /// within 10 % (1 MiB: 34 µs measured); DeepEP measures ~160 of 200 GB/s on H800 NVLink (docs/legacy.md).
    public var nvlinkEfficiency: Double = 0.82
    /// Share of InfiniBand per-GPU bandwidth that expert all-to-alls reach: 0.88. Calibrated on DeepEP's
    /// low-latency kernels (deepseek-ai/DeepEP docs/legacy.md, H800, CX7 400 Gb/s, 128 tokens, hidden 7,168,
    /// top-8, FP8 dispatch, BF16 combine, EP 8–256): with `lowLatencyKernelLatency` it fits all twelve dispatch and
    /// combine latencies within 8 % (rms 3 %).
    public var networkEfficiency: Double = 0.88
    /// Start-up latency of one collective step over NVLink (alpha): 2.2 µs, calibrated with `nvlinkEfficiency` on
    /// the vidur all-reduce above (14 ring steps ≈ 31 µs of the 34 µs at 1 MiB).
    public var nvlinkLatency: Double = 2.2e-6
    /// Start-up latency of one collective step across nodes (alpha): 10 µs (NCCL over InfiniBand; not calibrated
    /// here: no multi-node collective measurement is among the sources).
    public var networkLatency: Double = 10e-6
    /// Fixed cost of one DeepEP low-latency dispatch or combine (launch, signalling, completion): 28 µs, fitted with
    /// `networkEfficiency` on the DeepEP low-latency table above (the time at zero bytes).
    public var lowLatencyKernelLatency: Double = 28e-6
    /// Fixed cost of one node-deduplicated (normal) dispatch or combine: 28 µs, taken equal to the low-latency
    /// kernels' (DeepEP's README gives the normal kernels' bandwidth, not their latency).
    public var normalKernelLatency: Double = 28e-6
    /// Share of the SMs a normal (SM-driven) all-to-all kernel takes from compute while it runs: 24 of 132
    /// (`Buffer.set_num_sms(24)` in DeepEP's example; H800/H100 SXM have 132 SMs). Low-latency kernels take none
    /// while in flight (deepseek-ai/profile-data README, decoding).
    public var normalKernelSMShare: Double = 24.0 / 132
    /// How computation and expert communication overlap: none by default, the conservative choice.
    public var overlap: Overlap = .none
    /// Which dispatch/combine kernel each phase uses (default: node-deduplicated in prefill, low-latency in decode,
    /// as DeepEP prescribes).
    public var dispatchKernels: DispatchKernels = .deepEP

    public init() {}

    /// The defaults above.
    public static let `default` = Assumptions()

    /// Whether communication overlaps computation at all (`overlap` ≠ `.none`); setting it picks `.full` or `.none`.
    public var overlapCommunication: Bool {
        get { overlap != .none }
        set { overlap = newValue ? .full : .none }
    }
}
