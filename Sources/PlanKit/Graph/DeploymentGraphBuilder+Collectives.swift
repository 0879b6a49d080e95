extension DeploymentGraphBuilder {
    /// Adds `layer`'s communication between GPUs in the `.full` graph: every dispatch and combine share of the all-to-all (one edge per
    /// ordered GPU pair, NVLink or InfiniBand by the pair's nodes; a GPU's share to itself has no link) and the
    /// rings of its all-reduces (one undirected edge per neighbouring pair).
    mutating func addCollectives(layer: Int) {
        let stageGPUs = placement.gpus(inStage: placement.stage(ofLayer: layer))
        if hasAllToAll {
            for gpu in stageGPUs { addDispatch(layer: layer, from: gpu) }
            for gpu in stageGPUs { addCombine(layer: layer, to: gpu) }
        }
        for gpu in stageGPUs {
            let attention = attentionGroup(of: gpu)
            if attention.count > 1 && attention[0] == gpu { addRing(attention, layer: layer, step: .attentionAllReduce) }
            let experts = expertReduceGroup(of: gpu)
            if experts.count > 1 && experts[0] == gpu { addRing(experts, layer: layer, step: .expertAllReduce) }
        }
    }

    private func link(_ a: Int, _ b: Int) -> LinkClass? {
        a == b ? nil : LinkClass(between: a, and: b, in: deployment.cluster)
    }

    private mutating func addDispatch(layer: Int, from gpu: Int) {
        let source = nodeID(layer: layer, gpu: gpu, step: .dispatch)
        for peer in allToAllGroup(of: gpu) {
            for target in expertNodes(layer: layer, gpu: peer) {
                let shape = expertShape(target.experts, perPeer: true)
                let via = link(gpu, peer).map { " over \($0)" } ?? " (stays on the GPU)"
                edges.append(
                    .init(
                        from: source, to: target.id, tensor: shape, kind: .allToAll, link: link(gpu, peer),
                        detail: "dispatch GPU \(gpu) → GPU \(peer): \(shape)\(via)"))
            }
        }
    }

    private mutating func addCombine(layer: Int, to gpu: Int) {
        let target = nodeID(layer: layer, gpu: gpu, step: .combine)
        for peer in allToAllGroup(of: gpu) {
            let reduced = steps(compact: true, gpu: peer).contains(.expertAllReduce)
            let sources = reduced
                ? [(id: nodeID(layer: layer, gpu: peer, step: .expertAllReduce), experts: placement.experts(onGPU: peer, layer: layer))]
                : expertNodes(layer: layer, gpu: peer)
            for source in sources {
                let shape = expertShape(source.experts, perPeer: true)
                let via = link(peer, gpu).map { " over \($0)" } ?? " (stays on the GPU)"
                edges.append(
                    .init(
                        from: source.id, to: target, tensor: shape, kind: .allToAll, link: link(peer, gpu),
                        detail: "combine GPU \(peer) → GPU \(gpu): \(shape)\(via)"))
            }
        }
    }

    /// Ring edges a–b, b–c, …, last–a between the all-reduce nodes of `group` (a single edge for two GPUs).
    private mutating func addRing(_ group: [Int], layer: Int, step: Step) {
        let pairs = group.count == 2 ? 1 : group.count
        for index in 0..<pairs {
            let a = group[index]
            let b = group[(index + 1) % group.count]
            edges.append(
                .init(
                    from: nodeID(layer: layer, gpu: a, step: step), to: nodeID(layer: layer, gpu: b, step: step),
                    tensor: shapes.activations, kind: .allReduce, link: link(a, b),
                    detail: "all-reduce ring over \(group.count) GPUs: GPU \(a) – GPU \(b)"))
        }
    }
}
