extension Deployment {
    /// Every collective of a layer and of each stage boundary, for prefill and decode.
    public var communication: CommunicationReport {
        let described = DisplayPlan(self)
        var prefill = communication(for: .prefill, share: 1)
        var decode = communication(for: .decode, share: 1)
        prefill.plan = described
        decode.plan = described
        return CommunicationReport(prefill: prefill, decode: decode)
    }

    /// Every collective of `phase`, in execution order.
    ///
    /// Per layer and micro-batch: the attention output all-reduce over the attention group (when its tensor
    /// degree > 1); the dispatch and combine over the EP group, by the phase's `DispatchKernel`
    /// (`Assumptions.dispatchKernels`): a plain all-to-all (each GPU sends routed rows × hidden, (n−1)/n of it to
    /// other GPUs), DeepEP's node-deduplicated normal kernels or its direct low-latency kernels (see
    /// `Deployment+DispatchCost.swift`), tokens in the dispatch format (FP8 with its scales) and back in the
    /// combine format; the expert output all-reduce over the TP group (tp > 1; shared experts' partial sums ride
    /// along); under tensor-parallel attention with ep > 1, the all-gather that gives every GPU its replica's
    /// tokens again. Per stage boundary and micro-batch: each GPU sends its tokens × hidden × bytes to the same rank
    /// of the next stage. Under tensor parallelism every TP rank sends its own copy (no scatter–gather optimisation).
    ///
    /// Time model (alpha–beta per link class, `Assumptions` and `GPU` figures): an all-to-all's NVLink and
    /// InfiniBand parts run concurrently, so a GPU takes max over classes of (alpha + bytes on the class /
    /// achievable bandwidth); a ring all-reduce takes 2(n−1) steps and an all-gather n−1 steps, each of
    /// alpha + (buffer / n) / bandwidth at the slowest link of the ring; a send takes alpha + bytes / bandwidth.
    /// A collective's time is that of its slowest GPU.
    public func communication(for phase: Phase) -> CommunicationPlan {
        var plan = communication(for: phase, share: 1)
        plan.plan = DisplayPlan(self)
        return plan
    }

    /// The collectives of `share` of each micro-batch (0.5: one half under two-batch overlap).
    func communication(for phase: Phase, share: Double) -> CommunicationPlan {
        let p = parallelism
        let tokens = StepTokens(self, phase: phase, share: share)
        let f = workload.precisions
        let d = Double(model.hidden)
        let rowBytes = d * f.activations.bytesPerElement
        let replicaTokenBytes = tokens.attentionTokenShare * rowBytes
        let perLayer = layout.layersPerStage * p.microBatches
        let epGroup = GPUGroup(start: 0, stride: p.tp, count: p.ep)
        var list: [Collective] = []
        list.reserveCapacity(6)

        func add(_ kind: CollectiveKind, _ purpose: String, _ group: GPUGroup, _ cost: Cost,
                 scope: Collective.Scope = .everyLayer) {
            let boundary = scope == .stageBoundary
            list.append(Collective(
                kind: kind, purpose: purpose, phase: phase, scope: scope, group: group,
                groupCount: boundary ? layout.gpusPerStage * (p.pp - 1) : cluster.gpuCount / group.count,
                bytesPerGPU: Bytes(cost.sent), interNodeBytesPerGPU: Bytes(cost.interNode), linkClass: cost.link,
                time: Seconds(cost.time), occurrencesPerStep: boundary ? p.microBatches : perLayer))
        }

        if p.attentionTensorDegree > 1 {
            let group = GPUGroup(start: 0, stride: 1, count: p.attentionTensorDegree)
            add(.allReduce, "attention output", group, ringCost(group, buffer: replicaTokenBytes, allReduce: true))
        }
        if p.ep > 1 {
            let kernel = assumptions.dispatchKernels[phase]
            let dispatchRow = d * f.dispatch.bytesPerElementWithScales
            let combineRow = d * f.combine.bytesPerElementWithScales
            add(.allToAll, "dispatch", epGroup, expertExchangeCost(kernel, epGroup, tokens: tokens, rowBytes: dispatchRow))
            add(.allToAll, "combine", epGroup, expertExchangeCost(kernel, epGroup, tokens: tokens, rowBytes: combineRow))
        }
        if p.tp > 1 {
            let group = GPUGroup(start: 0, stride: 1, count: p.tp)
            let cost = ringCost(group, buffer: tokens.moeTokens * rowBytes, allReduce: true)
            add(.allReduce, "expert output", group, cost)
        }
        if p.attention == .tensorParallel && p.ep > 1 {
            add(.allGather, "MoE output to all ranks", epGroup,
                ringCost(epGroup, buffer: replicaTokenBytes, allReduce: false))
        }
        if p.pp > 1 {
            add(.sendRecv, "activations to next stage", GPUGroup(start: 0, stride: layout.gpusPerStage, count: 2),
                sendCost(bytes: replicaTokenBytes), scope: .stageBoundary)
        }
        return CommunicationPlan(phase: phase, collectives: list)
    }

    typealias Cost = (sent: Double, interNode: Double, link: LinkClass, time: Double)

    /// All-to-all where each GPU of every translate of `group` spreads `bytes` evenly over the n members
    /// (its own 1/n stays local).
    func allToAllCost(_ group: GPUGroup, bytes: Double) -> Cost {
        let n = Double(group.count)
        let perPeer = bytes / n
        let nv = (LinkClass.nvlink.bandwidth(cluster.gpu, assumptions), LinkClass.nvlink.latency(assumptions))
        let ib = (LinkClass.infiniband.bandwidth(cluster.gpu, assumptions), LinkClass.infiniband.latency(assumptions))
        var worst = 0.0
        var worstLink = LinkClass.nvlink
        var interTotal = 0.0
        var members = 0.0
        group.forEachLayout(gpuCount: cluster.gpuCount, cluster) { start, translates in
            group.forEachNodeRun(start: start, cluster) { run in
                let intra = Double(run - 1)
                let inter = n - 1 - intra
                let nvTime = intra > 0 ? nv.1 + intra * perPeer / nv.0 : 0
                let ibTime = inter > 0 ? ib.1 + inter * perPeer / ib.0 : 0
                if max(nvTime, ibTime) > worst {
                    worst = max(nvTime, ibTime)
                    worstLink = ibTime >= nvTime ? .infiniband : .nvlink
                }
                interTotal += Double(translates * run) * inter * perPeer
                members += Double(translates * run)
            }
        }
        return (bytes * (n - 1) / n, interTotal / members, worstLink, worst)
    }

    /// Ring all-reduce (2(n−1) steps) or all-gather (n−1 steps) of `buffer` bytes over every translate of
    /// `group`, each step alpha + (buffer / n) / bandwidth at the ring's slowest link.
    private func ringCost(_ group: GPUGroup, buffer: Double, allReduce: Bool) -> Cost {
        let n = Double(group.count)
        let steps = (allReduce ? 2 : 1) * (n - 1)
        var crossings = 0.0
        var rings = 0.0
        var anyCrossing = false
        group.forEachLayout(gpuCount: cluster.gpuCount, cluster) { start, translates in
            var nodes = 0.0
            group.forEachNodeRun(start: start, cluster) { _ in nodes += 1 }
            if nodes > 1 { crossings += nodes * Double(translates); anyCrossing = true }
            rings += Double(translates)
        }
        let link: LinkClass = anyCrossing ? .infiniband : .nvlink
        let time = steps * (link.latency(assumptions) + buffer / n / link.bandwidth(cluster.gpu, assumptions))
        let sent = steps / n * buffer
        return (sent, sent * crossings / (rings * n), link, time)
    }

    /// Send of `bytes` from every GPU of a stage to the same rank of the next stage; the slowest pair decides.
    private func sendCost(bytes: Double) -> Cost {
        let stageSize = layout.gpusPerStage
        let senders = stageSize * (parallelism.pp - 1)
        var crossing = 0
        for gpu in 0..<senders where !cluster.sameNode(gpu, gpu + stageSize) { crossing += 1 }
        let link: LinkClass = crossing > 0 ? .infiniband : .nvlink
        let time = link.latency(assumptions) + bytes / link.bandwidth(cluster.gpu, assumptions)
        return (bytes, bytes * Double(crossing) / Double(senders), link, time)
    }
}
