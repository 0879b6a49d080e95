extension DeploymentGraphBuilder {
    /// Adds `layer`'s operators on `gpu`, compact (as the `.full` graph draws every layer), joined by data edges,
    /// and its residual connection; returns its first and last node. All-to-all and all-reduce edges between GPUs
    /// come from `addCollectives`.
    mutating func addLayerOperators(layer: Int, gpu: Int) -> (entry: String, exit: String) {
        let steps = steps(compact: true, gpu: gpu)
        var previous: (step: Step, nodes: [(id: String, experts: [Int])])?
        for step in steps {
            let added = addStep(step, layer: layer, gpu: gpu)
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
    private mutating func addStep(_ step: Step, layer: Int, gpu: Int) -> [(id: String, experts: [Int])] {
        let prefix = "L\(layer) "
        if step == .experts {
            return expertNodes(layer: layer, gpu: gpu).map { node in
                let label = prefix + expertText(node.experts)
                addNode(id: node.id, label: label, kind: .expert, layers: layer..<layer + 1, gpu: gpu, experts: node.experts)
                return node
            }
        }
        let id = nodeID(layer: layer, gpu: gpu, step: step)
        let kind: DeploymentGraph.NodeKind =
            [.attentionAllReduce, .dispatch, .expertAllReduce, .combine].contains(step) ? .collective : .operator
        let label = prefix + label(of: step)
        addNode(id: id, label: label, kind: kind, layers: layer..<layer + 1, gpu: gpu)
        return [(id, [])]
    }

    private func label(of step: Step) -> String {
        switch step {
        case .attentionAllReduce, .expertAllReduce: "all-reduce"
        case .dispatch: "router · dispatch"
        case .combine: "combine + residual"
        case .norm: "norm"
        case .attention: "attention"
        case .router: "router"
        case .experts: "experts"
        case .residualAdd: "residual add"
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
