// The published measurements PlanKit is held against (validation.md), each expressed with the configuration its
// source describes. Every case runs under Assumptions.default, PlanKit's one calibrated set of constants; the only
// per-case inputs are what the sources state (model, GPUs, parallelism, formats, overlap, kernels, batch).

/// One published figure beside PlanKit's estimate of it.
struct ValidationCase {
    /// Name for tables.
    let name: String
    /// A few words for the chart's axis.
    let short: String
    /// The published value, as its source gives it.
    let published: Double
    /// PlanKit's value under the source's configuration.
    let computed: Double
    /// How both read in prose and tables.
    let format: (Double) -> String
    /// Whether the constants were fitted on this figure (a calibration point) or not (an independent check).
    let calibration: Bool

    /// PlanKit ÷ published.
    var ratio: Double { computed / published }
    /// |ratio − 1|.
    var error: Double { abs(ratio - 1) }
}

/// The cases and the deployments behind them.
enum Validation {
    /// The sources' shared defaults: PlanKit's calibrated assumptions, with DeepSeek's two-micro-batch overlap
    /// (open-infra-index day 6: "dual-batch overlap … splitting a batch of requests into two microbatches") and
    /// DeepEP's kernels (normal in prefill, low-latency in decode), which are the defaults.
    static let deepSeekAssumptions: Assumptions = {
        var a = Assumptions.default
        a.overlap = .twoBatch
        a.dispatchKernels = .deepEP
        return a
    }()

    /// A trap naming the case when its configuration cannot be built.
    static func build(_ name: String, _ make: () throws -> Deployment) -> Deployment {
        do { return try make() } catch { fatalError("validation case \(name) cannot be built: \(error)") }
    }

    // MARK: - DeepSeek-V3 online service (open-infra-index, 202502OpenSourceWeek day 6)

    /// Decode sequences per GPU: 14.8k output tokens/s per 8-GPU node at 21 tokens/s per user (the middle of
    /// 20–22) is 14,800 / 8 / 21 ≈ 88 sequences decoding at once on each GPU.
    static let decodeSequencesPerGPU = 88
    /// "average kvcache length per output token was 4,989 tokens".
    static let decodeContext = 4_989
    /// "Decoding Phase [Routed Expert EP144, MLA/Shared Expert DP144]: 18 nodes with 32 redundant routed experts".
    static let decode = build("DeepSeek-V3 decode") {
        try Deployment(.deepSeekV3,
                       Workload(batch: decodeSequencesPerGPU * 144, sequenceLength: decodeContext,
                                precisions: .deepSeekV3),
                       on: Cluster(gpu: .h800, nodes: 18, gpusPerNode: 8),
                       parallelism: Parallelism(ep: 144, redundantExperts: 32), serving: .decode,
                       assumptions: deepSeekAssumptions)
    }
    /// "Prefilling Phase [Routed Expert EP32, MLA/Shared Expert DP32]: 4 nodes with 32 redundant routed experts";
    /// prompt length 4K and 16K tokens per GPU as deepseek-ai/profile-data profiles "in line with … actual online
    /// deployment" (4 prompts of 4,096 tokens per GPU).
    static let prefill = build("DeepSeek-V3 prefill") {
        try Deployment(.deepSeekV3, Workload(batch: 4 * 32, sequenceLength: 4_096, precisions: .deepSeekV3),
                       on: Cluster(gpu: .h800, nodes: 4, gpusPerNode: 8),
                       parallelism: Parallelism(ep: 32, redundantExperts: 32), serving: .prefill,
                       assumptions: deepSeekAssumptions)
    }

    // MARK: - DeepEP kernels (deepseek-ai/DeepEP docs/legacy.md, H800, CX7 InfiniBand 400 Gb/s)

    /// The low-latency benchmark: 128 tokens per GPU, hidden 7,168, top-8, FP8 dispatch, BF16 combine, EP `ep`.
    /// A kernel benchmark: only its dispatch and combine are read, so the whole model need not fit on `ep` GPUs.
    static func lowLatency(ep: Int) -> Deployment {
        build("DeepEP low-latency EP\(ep)") {
            try Deployment(.deepSeekV3, Workload(batch: 128 * ep, sequenceLength: 1, precisions: .deepSeekV3),
                           on: Cluster(gpu: .h800, nodes: ep / 8, gpusPerNode: 8), parallelism: .expert(ep),
                           serving: .decode).acknowledgingMisfit()
        }
    }
    /// The normal-kernel benchmark: 4,096 tokens per GPU, hidden 7,168, top-8, FP8 dispatch, BF16 combine.
    /// A kernel benchmark too (its memory is not what it measures).
    static func normal(ep: Int) -> Deployment {
        build("DeepEP normal EP\(ep)") {
            try Deployment(.deepSeekV3, Workload(batch: ep, sequenceLength: 4_096, precisions: .deepSeekV3),
                           on: Cluster(gpu: .h800, nodes: ep / 8, gpusPerNode: 8), parallelism: .expert(ep),
                           serving: .prefill).acknowledgingMisfit()
        }
    }
    static func time(_ d: Deployment, _ phase: Phase, _ purpose: String) -> Seconds {
        d.communication(for: phase).first(.allToAll, purpose)?.time ?? .zero
    }
    /// RDMA bytes one GPU sends over the kernel's time, as DeepEP reports its "bottleneck bandwidth".
    static func rdmaBandwidth(_ d: Deployment, _ purpose: String) -> Double {
        guard let c = d.communication(for: .prefill).first(.allToAll, purpose) else { return 0 }
        return c.interNodeBytesPerGPU.bytes / c.time.seconds
    }

    // MARK: - NCCL all-reduce (microsoft/vidur data/profiling/network/h100_dgx/all_reduce.csv)

    /// An all-reduce of 1 MiB over the 8 H100s of a DGX: a TP = 8 attention all-reduce of 128 tokens × 4,096 × 2 B.
    static let allReduce = build("8 × H100 all-reduce") {
        try Deployment(MoEModel(layers: 1, expertsPerLayer: 1, hidden: 4096), Workload(batch: 128, sequenceLength: 1),
                       on: Cluster(gpu: .h100SXM, nodes: 1, gpusPerNode: 8), parallelism: Parallelism(tp: 8))
    }
    static var allReduceTime: Seconds {
        allReduce.communication(for: .decode).first(.allReduce, "attention output")?.time ?? .zero
    }

    /// DeepEP's normal-kernel benchmark rows: EP, dispatch and combine bottleneck RDMA bandwidth (B/s).
    static let normalKernelTable: [(ep: Int, dispatch: Double, combine: Double)] = [
        (16, 43e9, 43e9), (32, 58e9, 57e9), (64, 51e9, 50e9),
    ]
    /// The same figures from PlanKit, outside the validated set (see validation.md, "A known gap").
    static var normalKernelCases: [ValidationCase] {
        let bandwidth: (Double) -> String = { Rate.bytesPerSecond($0).description }
        return normalKernelTable.flatMap { row -> [ValidationCase] in
            let d = normal(ep: row.ep)
            return [
                ValidationCase(name: "DeepEP normal dispatch RDMA bandwidth, EP\(row.ep)", short: "normal dispatch, EP\(row.ep)",
                           published: row.dispatch,
                               computed: rdmaBandwidth(d, "dispatch"), format: bandwidth, calibration: false),
                ValidationCase(name: "DeepEP normal combine RDMA bandwidth, EP\(row.ep)", short: "normal combine, EP\(row.ep)",
                           published: row.combine,
                               computed: rdmaBandwidth(d, "combine"), format: bandwidth, calibration: false),
            ]
        }
    }

    // MARK: - All cases

    static let cases: [ValidationCase] = {
        let perNodeDecode = decode.performance.decode.tokensPerSecond.perSecond / 18
        let perNodePrefill = prefill.performance.prefill.tokensPerSecond.perSecond / 4
        let rate: (Double) -> String = { Rate.tokensPerSecond($0).description }
        let seconds: (Double) -> String = { Seconds($0).description }
        let bandwidth: (Double) -> String = { Rate.bytesPerSecond($0).description }
        var list = [
            ValidationCase(name: "DeepSeek-V3 decode, output tokens/s per node", short: "DeepSeek decode, tokens/s",
                           published: 14_800,
                           computed: perNodeDecode, format: rate, calibration: false),
            ValidationCase(name: "DeepSeek-V3 decode, TPOT at 21 tokens/s per user", short: "DeepSeek decode, TPOT",
                           published: 1.0 / 21,
                           computed: decode.performance.decode.tpot.seconds, format: seconds, calibration: false),
            ValidationCase(name: "DeepSeek-V3 prefill, input tokens/s per node", short: "DeepSeek prefill, tokens/s",
                           published: 73_700,
                           computed: perNodePrefill, format: rate, calibration: false),
        ]
        for (ep, dispatch, combine) in [(8, 77e-6, 114e-6), (16, 118e-6, 195e-6)] {
            let d = lowLatency(ep: ep)
            list.append(ValidationCase(name: "DeepEP low-latency dispatch, EP\(ep)", short: "DeepEP dispatch, EP\(ep)",
                           published: dispatch,
                                       computed: time(d, .decode, "dispatch").seconds, format: seconds,
                                       calibration: true))
            list.append(ValidationCase(name: "DeepEP low-latency combine, EP\(ep)", short: "DeepEP combine, EP\(ep)",
                           published: combine,
                                       computed: time(d, .decode, "combine").seconds, format: seconds,
                                       calibration: true))
        }
        list.append(ValidationCase(name: "NCCL all-reduce of 1 MiB, 8 × H100", short: "all-reduce, 1 MiB",
                           published: 34e-6,
                                   computed: allReduceTime.seconds, format: seconds, calibration: true))
        return list
    }()

    /// The median of `values` (the mean of the middle two for an even count; 0 for none).
    static func median(_ values: [Double]) -> Double {
        let v = values.sorted()
        guard !v.isEmpty else { return 0 }
        return v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
    }
    /// The median of the cases' absolute errors.
    static var medianError: Double { median(cases.map(\.error)) }
    /// The largest absolute error.
    static var maxError: Double { cases.map(\.error).max() ?? 0 }
    /// The median absolute error of the cases no constant was fitted on.
    static var independentMedianError: Double { median(cases.filter { !$0.calibration }.map(\.error)) }
}
