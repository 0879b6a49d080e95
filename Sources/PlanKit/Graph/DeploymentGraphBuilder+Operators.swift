extension DeploymentGraphBuilder {
    /// Adds `layer`'s operators on `gpu` joined by data edges, and its residual connection; returns its first and
    /// last node. All-to-all and all-reduce edges between GPUs come from `addCollectives`.
    mutating func addLayerOperators(layer: Int, gpu: Int, compact: Bool) -> (entry: String, exit: String) {
        let steps = steps(compact: compact, gpu: gpu)
        var previous: (step: Step, nodes: [(id: String, experts: [Int])])?
        for step in steps {
            let added = addStep(step, layer: layer, gpu: gpu, compact: compact)
            if let previous, !Self.crossesAllToAll(from: previous.step, to: step) {
                for from in previous.nodes {
                    let shape = outputShape(of: previous.step, experts: from.experts)
                    for to in added {
                        edges.append(.init(from: from.id, to: to.id, tensor: shape, kind: .data, link: nil))
                    }
                }
            }
            previous = (step, added)
        }
        let entry = nodeID(layer: layer, gpu: gpu, step: steps[0])
        let exit = nodeID(layer: layer, gpu: gpu, step: steps[steps.count - 1])
        edges.append(
            .init(
                from: entry, to: exit, tensor: shapes.activations, kind: .residual, link: nil,
                detail: "residual stream of layer \(layer) on GPU \(gpu)"))
        return (entry, exit)
    }

    /// Dispatch → experts and experts → combine happen by all-to-all between GPUs, not on one GPU.
    static func crossesAllToAll(from: Step, to: Step) -> Bool {
        (from == .dispatch && to == .experts) || (to == .combine && (from == .experts || from == .expertAllReduce))
    }

    /// Adds the node(s) of `step`: one, or one per expert node; returns their ids and experts.
    private mutating func addStep(_ step: Step, layer: Int, gpu: Int, compact: Bool) -> [(id: String, experts: [Int])] {
        let prefix = compact ? "L\(layer) " : ""
        if step == .experts {
            return expertNodes(layer: layer, gpu: gpu).map { node in
                let name = prefix + expertText(node.experts)
                let label = compact ? name : "\(name)\n\(shapes.expertFFN)\n\(expertShape(node.experts, perPeer: false))"
                addNode(id: node.id, label: label, kind: .expert, layers: layer..<layer + 1, gpu: gpu, experts: node.experts)
                return node
            }
        }
        let id = nodeID(layer: layer, gpu: gpu, step: step)
        let kind: DeploymentGraph.NodeKind =
            [.attentionAllReduce, .dispatch, .expertAllReduce, .combine].contains(step) ? .collective : .operator
        let label = prefix + label(of: step, gpu: gpu, compact: compact)
        addNode(id: id, label: label, kind: kind, layers: layer..<layer + 1, gpu: gpu)
        return [(id, [])]
    }

    private func label(of step: Step, gpu: Int, compact: Bool) -> String {
        let model = deployment.model
        let ep = parallelism.ep
        switch step {
        case .norm: return "norm"
        case .attention: return compact ? "attention" : "attention\n\(shapes.attentionHeads)"
        case .attentionAllReduce: return compact ? "all-reduce" : "all-reduce\n\(attentionGroup(of: gpu).count) GPUs"
        case .router: return compact ? "router" : "router\ntop-\(model.topK) of \(model.expertsPerLayer)"
        case .dispatch: return compact ? "router · dispatch" : "dispatch\nall-to-all ×\(ep)"
        case .experts: return "experts"
        case .expertAllReduce: return compact ? "all-reduce" : "all-reduce\n\(expertReduceGroup(of: gpu).count) GPUs"
        case .combine: return compact ? "combine + residual" : "combine\nall-to-all ×\(ep)"
        case .residualAdd: return "residual add"
        }
    }

    /// The local shape leaving `step` on its GPU (`experts`: those of the expert node it leaves).
    private func outputShape(of step: Step, experts: [Int]) -> String {
        switch step {
        case .attention where parallelism.attentionTensorDegree > 1:
            return shapes.activations + " partial sums"
        case .experts:
            // Without an all-to-all the GPU sums its experts' gated outputs per token itself.
            let shape = hasAllToAll ? expertShape(experts, perPeer: false) : shapes.activations
            return shape + (parallelism.tp > 1 ? " partial sums" : "")
        case .expertAllReduce:
            return hasAllToAll ? shapes.expertInput : shapes.activations
        default:
            return shapes.activations
        }
    }
}
