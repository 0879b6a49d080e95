extension Deployment {
    /// The cost of one dispatch (or combine) of `tokens` over the EP group with `kernel`, rows of `rowBytes`.
    ///
    /// With Tm MoE tokens per GPU, k = topK, E experts, an EP group of n GPUs over N nodes with g = n / N of them in
    /// each node, and uniform routing (each token picks k distinct experts; a GPU holds E/n of them, a node E/N):
    /// - `allToAll`: every routed copy travels, Tm·k rows spread evenly over the n GPUs (`allToAllCost`);
    /// - `deduplicated` (DeepEP normal): a token crosses InfiniBand once per other node that holds one of its
    ///   experts — expected (N − 1)·(1 − C(E − E/N, k)/C(E, k)) nodes — and reaches each other GPU holding one of
    ///   its experts once over NVLink — expected (n − 1)·(1 − C(E − E/n, k)/C(E, k)) GPUs (direct, or forwarded by
    ///   the GPU that received it from InfiniBand); time = `normalKernelLatency` + max over link classes of
    ///   bytes / achievable bandwidth;
    /// - `lowLatency` (DeepEP low-latency): every routed copy goes straight to its expert's GPU, Tm·k rows of which
    ///   a share g/n stays in the node (NVLink, its own GPU included) and the rest crosses InfiniBand; time =
    ///   `lowLatencyKernelLatency` + max over link classes of bytes / achievable bandwidth.
    /// Bytes sent per GPU count both link classes; the inter-node bytes are the InfiniBand part.
    func expertExchangeCost(_ kernel: DispatchKernel, _ group: GPUGroup, tokens: StepTokens, rowBytes: Double) -> Cost {
        switch kernel {
        case .allToAll:
            return allToAllCost(group, bytes: tokens.routedRows * rowBytes)
        case .deduplicated:
            let shape = ExpertGroupShape(group, cluster)
            let k = model.topK
            let e = Double(model.expertsPerLayer)
            let nodes = Double(shape.nodes)
            let gpus = Double(group.count)
            let remoteNodes = (nodes - 1) * (1 - Self.missProbability(experts: e, avoiding: e / nodes, picks: k))
            let otherGPUs = (gpus - 1) * (1 - Self.missProbability(experts: e, avoiding: e / gpus, picks: k))
            let ib = tokens.moeTokens * remoteNodes * rowBytes
            let nv = tokens.moeTokens * otherGPUs * rowBytes
            return linkCost(nvlink: nv, infiniband: ib, latency: assumptions.normalKernelLatency)
        case .lowLatency:
            let shape = ExpertGroupShape(group, cluster)
            let copies = tokens.routedRows * rowBytes
            let local = copies * Double(shape.membersPerNode) / Double(group.count)
            return linkCost(nvlink: local, infiniband: copies - local, latency: assumptions.lowLatencyKernelLatency)
        }
    }

    /// Probability that none of `picks` distinct experts drawn uniformly from `experts` falls among `avoiding` of
    /// them: C(experts − avoiding, picks) / C(experts, picks) = Π_{i<picks} (experts − avoiding − i) / (experts − i).
    static func missProbability(experts: Double, avoiding: Double, picks: Int) -> Double {
        var p = 1.0
        for i in 0..<picks {
            let left = experts - avoiding - Double(i)
            if left <= 0 { return 0 }
            p *= left / (experts - Double(i))
        }
        return p
    }

    /// A kernel moving `nvlink` and `infiniband` bytes concurrently after a fixed `latency`.
    private func linkCost(nvlink: Double, infiniband: Double, latency: Double) -> Cost {
        let nvTime = nvlink / LinkClass.nvlink.bandwidth(cluster.gpu, assumptions)
        let ibTime = infiniband / LinkClass.infiniband.bandwidth(cluster.gpu, assumptions)
        let link: LinkClass = infiniband > 0 && ibTime >= nvTime ? .infiniband : .nvlink
        let moves = nvlink + infiniband > 0
        return (nvlink + infiniband, infiniband, link, moves ? latency + max(nvTime, ibTime) : 0)
    }
}

/// How an EP group sits on the cluster: the nodes it spans and its members per node (the group of GPU 0; the
/// layouts PlanKit forms put equally many members in each node they touch).
struct ExpertGroupShape {
    let nodes: Int
    let membersPerNode: Int

    init(_ group: GPUGroup, _ cluster: Cluster) {
        var runs: [Int] = []
        group.forEachNodeRun(start: group.start, cluster) { runs.append($0) }
        nodes = runs.count
        membersPerNode = runs.max() ?? 1
    }
}
