extension Deployment {
    /// Every collective of a layer and of each stage boundary, for prefill and decode.
    public var communication: CommunicationReport {
        CommunicationReport(prefill: communication(for: .prefill), decode: communication(for: .decode))
    }

    /// Every collective of `phase`, in execution order.
    ///
    /// Per layer and micro-batch: the attention output all-reduce over the attention group (when its tensor
    /// degree > 1); the dispatch and combine all-to-alls over the EP group (each GPU sends routed rows × hidden ×
    /// bytes, (n−1)/n of it to other GPUs, 1/n to each); the expert output all-reduce over the TP group (tp > 1;
    /// shared experts' partial sums ride along); under tensor-parallel attention with ep > 1, the all-gather
    /// that gives every GPU its replica's tokens again. Per stage boundary and micro-batch: each GPU sends its
    /// tokens × hidden × bytes to the same rank of the next stage. Under tensor parallelism every TP rank sends
    /// its own copy (no scatter–gather optimisation).
    ///
    /// Time model (alpha–beta per link class, `Assumptions` and `GPU` figures): an all-to-all's NVLink and
    /// InfiniBand parts run concurrently, so a GPU takes max over classes of (alpha + bytes on the class /
    /// achievable bandwidth); a ring all-reduce takes 2(n−1) steps and an all-gather n−1 steps, each of
    /// alpha + (buffer / n) / bandwidth at the slowest link of the ring; a send takes alpha + bytes / bandwidth.
    /// A collective's time is that of its slowest GPU.
    public func communication(for phase: Phase) -> CommunicationPlan {
        let p = parallelism
        let tokens = StepTokens(self, phase: phase)
        let rowBytes = Double(model.hidden) * workload.precision.bytesPerElement
        let replicaTokenBytes = Double(tokens.attentionTokens) * rowBytes
        let perLayer = placement.layersPerStage * p.microBatches
        let epGroup = GPUGroup(start: 0, stride: p.tp, count: p.ep)
        let tpGroup = GPUGroup(start: 0, stride: 1, count: p.tp)
        var list: [Collective] = []
        list.reserveCapacity(6)

        func add(_ kind: CollectiveKind, _ purpose: String, _ group: GPUGroup, buffer: Double, cost given: Cost? = nil) {
            let cost = given ?? (kind == .allToAll
                ? allToAllCost(group, bytes: buffer) : ringCost(group, buffer: buffer, allReduce: kind == .allReduce))
            list.append(Collective(
                kind: kind, purpose: purpose, phase: phase, scope: .everyLayer, group: group,
                groupCount: cluster.gpuCount / group.count, bytesPerGPU: Bytes(cost.sent),
                interNodeBytesPerGPU: Bytes(cost.interNode), linkClass: cost.link, time: Seconds(cost.time),
                occurrencesPerStep: perLayer))
        }

        if p.attentionTensorDegree > 1 {
            let group = GPUGroup(start: 0, stride: 1, count: p.attentionTensorDegree)
            add(.allReduce, "attention output", group, buffer: replicaTokenBytes)
        }
        if p.ep > 1 {
            // combine sends back exactly what dispatch sent: one cost for both
            let cost = allToAllCost(epGroup, bytes: tokens.routedRows * rowBytes)
            add(.allToAll, "dispatch", epGroup, buffer: tokens.routedRows * rowBytes, cost: cost)
            add(.allToAll, "combine", epGroup, buffer: tokens.routedRows * rowBytes, cost: cost)
        }
        if p.tp > 1 { add(.allReduce, "expert output", tpGroup, buffer: tokens.moeTokens * rowBytes) }
        if p.attention == .tensorParallel && p.ep > 1 {
            add(.allGather, "MoE output to all ranks", epGroup, buffer: replicaTokenBytes)
        }
        if p.pp > 1 {
            let cost = sendCost(bytes: replicaTokenBytes)
            list.append(Collective(
                kind: .sendRecv, purpose: "activations to next stage", phase: phase, scope: .stageBoundary,
                group: GPUGroup(start: 0, stride: placement.gpusPerStage, count: 2),
                groupCount: placement.gpusPerStage * (p.pp - 1), bytesPerGPU: Bytes(replicaTokenBytes),
                interNodeBytesPerGPU: Bytes(cost.interNode), linkClass: cost.link, time: Seconds(cost.time),
                occurrencesPerStep: p.microBatches))
        }
        return CommunicationPlan(phase: phase, collectives: list)
    }

    private typealias Cost = (sent: Double, interNode: Double, link: LinkClass, time: Double)

    /// All-to-all where each GPU of every translate of `group` spreads `bytes` evenly over the n members
    /// (its own 1/n stays local).
    private func allToAllCost(_ group: GPUGroup, bytes: Double) -> Cost {
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
        let stageSize = placement.gpusPerStage
        let senders = stageSize * (parallelism.pp - 1)
        var crossing = 0
        for gpu in 0..<senders where !cluster.sameNode(gpu, gpu + stageSize) { crossing += 1 }
        let link: LinkClass = crossing > 0 ? .infiniband : .nvlink
        let time = link.latency(assumptions) + bytes / link.bandwidth(cluster.gpu, assumptions)
        return (bytes, bytes * Double(crossing) / Double(senders), link, time)
    }
}
