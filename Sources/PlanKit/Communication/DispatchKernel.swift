/// How the tokens of an MoE layer reach their experts and come back (dispatch and combine).
public enum DispatchKernel: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// A plain all-to-all (NCCL): every routed copy of a token goes to the GPU of its expert, each link class at
    /// alpha + bytes / bandwidth, the classes concurrently.
    case allToAll = "all-to-all"
    /// DeepEP's normal kernels: a token crosses InfiniBand once per destination node (to the GPU of the same local
    /// rank), then fans out over NVLink; bandwidth-bound, with `Assumptions.normalKernelLatency` fixed cost, and
    /// they occupy `Assumptions.normalKernelSMShare` of the SMs while they run.
    case deduplicated
    /// DeepEP's low-latency kernels: every routed copy goes straight to its expert's GPU (RDMA across nodes, NVLink
    /// inside), with `Assumptions.lowLatencyKernelLatency` fixed cost, and no SMs while in flight.
    case lowLatency = "low-latency"

    public var description: String { rawValue }
}

/// The dispatch/combine kernel of each phase.
public struct DispatchKernels: Hashable, Codable, Sendable {
    public var prefill: DispatchKernel
    public var decode: DispatchKernel

    public init(prefill: DispatchKernel, decode: DispatchKernel) {
        self.prefill = prefill
        self.decode = decode
    }

    /// The kernel of `phase`.
    public subscript(_ phase: Phase) -> DispatchKernel { phase == .prefill ? prefill : decode }

    /// DeepEP's prescription: normal (node-deduplicated) kernels for prefill, low-latency kernels for decode
    /// (deepseek-ai/DeepEP README).
    public static let deepEP = DispatchKernels(prefill: .deduplicated, decode: .lowLatency)
    /// A plain all-to-all in both phases.
    public static let allToAll = DispatchKernels(prefill: .allToAll, decode: .allToAll)
}
