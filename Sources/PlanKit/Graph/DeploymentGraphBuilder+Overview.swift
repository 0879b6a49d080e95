extension DeploymentGraphBuilder {
    /// Adds `layer` as an overview, in columns from left to right: on every GPU of its stage, each run of operators
    /// between two collectives is a column of GPU boxes, and each collective between them is one node for all its
    /// groups (an all-to-all of 16 GPUs is one node with 16 edges in and 16 out, not 256 crossing edges). Returns
    /// each GPU's first and last node. Every GPU of a stage runs the same steps, so the columns line up; and since
    /// every column after the first has one node before it, whose edges run in GPU order, GPUs run 0, 1, 2, … down
    /// every column.
    mutating func addLayerOverview(layer: Int) -> (entries: [Int: String], exits: [Int: String]) {
        let first = column
        let gpus = placement.gpus(inStage: placement.stage(ofLayer: layer))
        var entries: [Int: String] = [:]
        var exits: [Int: String] = [:]
        var added: Set<String> = []
        var joined: Set<String> = []
        var last = first
        for gpu in gpus {
            var column = first
            var open = false
            var previous: (step: Step, nodes: [(id: String, experts: [Int])])?
            // The norm is drawn with attention, to keep the overview narrow.
            for step in steps(compact: false, gpu: gpu) where step != .norm {
                if Self.collectiveSteps.contains(step) {
                    if open { column += 1 }
                    open = false
                    let id = "L\(layer)_\(step.rawValue)"
                    if added.insert(id).inserted {
                        nodes.append(.init(
                            id: id, label: collectiveLabel(step, gpus: gpus), kind: .collective,
                            layers: layer..<layer + 1, gpu: nil, node: nil,
                            stage: placement.stage(ofLayer: layer), members: gpus, column: column))
                    }
                    if let previous {
                        joinMember(previous, to: [(id, [])], step: step, layer: layer, gpu: gpu, joined: &joined)
                    }
                    previous = (step, [(id, [])])
                    column += 1
                } else {
                    open = true
                    let stepNodes = addOverviewStep(step, layer: layer, gpu: gpu, column: column)
                    if entries[gpu] == nil { entries[gpu] = stepNodes[0].id }
                    if let previous {
                        joinMember(previous, to: stepNodes, step: step, layer: layer, gpu: gpu, joined: &joined)
                    }
                    previous = (step, stepNodes)
                    exits[gpu] = stepNodes[stepNodes.count - 1].id
                }
            }
            last = max(last, column + (open ? 1 : 0))
        }
        self.column = last
        return (entries, exits)
    }

    /// The steps drawn as one node for their group.
    static let collectiveSteps: Set<Step> = [.attentionAllReduce, .dispatch, .expertAllReduce, .combine]

    /// The GPUs of `gpu`'s group in the collective `step`.
    private func members(of step: Step, gpu: Int) -> [Int] {
        switch step {
        case .attentionAllReduce: attentionGroup(of: gpu)
        case .expertAllReduce: expertReduceGroup(of: gpu)
        default: allToAllGroup(of: gpu)
        }
    }

    /// The node(s) of operator `step` on `gpu` in `column`: one, or one per expert node.
    private mutating func addOverviewStep(
        _ step: Step, layer: Int, gpu: Int, column: Int
    ) -> [(id: String, experts: [Int])] {
        let layers = layer..<layer + 1
        let server = deployment.cluster.node(ofGPU: gpu)
        let stage = GPURank(gpu: gpu, parallelism: parallelism).stage
        if step == .experts {
            return expertNodes(layer: layer, gpu: gpu).map { node in
                let label = "\(expertText(node.experts))\n\(shapes.expertFFN)\n\(expertShape(node.experts, perPeer: false))"
                nodes.append(.init(
                    id: node.id, label: label, kind: .expert, layers: layers, gpu: gpu, node: server, stage: stage,
                    experts: node.experts, column: column))
                return node
            }
        }
        let id = nodeID(layer: layer, gpu: gpu, step: step)
        nodes.append(.init(
            id: id, label: operatorLabel(step), kind: .operator, layers: layers, gpu: gpu, node: server, stage: stage,
            column: column))
        return [(id, [])]
    }

    private func operatorLabel(_ step: Step) -> String {
        let model = deployment.model
        switch step {
        case .attention: return "norm · attention\n\(shapes.attentionHeads)"
        case .router: return "router\ntop-\(model.topK) of \(model.expertsPerLayer)"
        default: return "residual add"
        }
    }

    /// "dispatch all-to-all / GPUs 0–15, 2 nodes / 2.62 GB per GPU / 57 % across nodes", in lines; when the stage's
    /// GPUs form several groups, "8 groups of 2 GPUs: 0–1, 2–3, …, each in 1 node".
    private func collectiveLabel(_ step: Step, gpus: [Int]) -> String {
        let title: String
        let collective: Collective?
        let plan = deployment.communication(for: shapes.phase == .prefill ? .prefill : .decode)
        switch step {
        case .dispatch:
            title = "dispatch all-to-all"
            collective = plan.first(.allToAll, "dispatch")
        case .combine:
            title = "combine all-to-all"
            collective = plan.first(.allToAll, "combine")
        case .attentionAllReduce:
            title = "all-reduce of\nattention outputs"
            collective = plan.first(.allReduce, "attention output")
        default:
            title = "all-reduce of\nexpert outputs"
            collective = plan.first(.allReduce, "expert output")
        }
        let group = members(of: step, gpu: gpus[0])
        let servers = Set(group.map(deployment.cluster.node(ofGPU:))).count
        let nodes = "\(servers) node\(servers == 1 ? "" : "s")"
        var lines = [title]
        if group.count == gpus.count {
            lines.append("GPUs \(DOTWriter.compact(group)), \(nodes)")
        } else {
            var groups: [[Int]] = []
            for gpu in gpus where !groups.contains(where: { $0.contains(gpu) }) { groups.append(members(of: step, gpu: gpu)) }
            let shown = groups.prefix(2).map { DOTWriter.compact($0) } + (groups.count > 2 ? ["…"] : [])
            lines.append("\(groups.count) groups of \(group.count) GPUs: \(shown.joined(separator: "; "))")
            lines.append("each on \(nodes)")
        }
        if let collective {
            lines.append("\(collective.bytesPerGPU) per GPU")
            lines.append(collective.interNodeShare > 0
                ? "\(SIFormat.significant(100 * collective.interNodeShare)) % across nodes" : "all over NVLink")
        }
        return lines.joined(separator: "\n")
    }

    /// Joins what `previous` left on `gpu` to `next`: a data edge labelled with its shape inside a run of operators,
    /// or a `.collectiveMember` edge into or out of a collective's node (once per pair of nodes), with a tooltip that
    /// says in words what it carries.
    private mutating func joinMember(
        _ previous: (step: Step, nodes: [(id: String, experts: [Int])]), to next: [(id: String, experts: [Int])],
        step: Step, layer: Int, gpu: Int, joined: inout Set<String>
    ) {
        let fromCollective = Self.collectiveSteps.contains(previous.step)
        let toCollective = Self.collectiveSteps.contains(step)
        let gpuExperts = placement.experts(onGPU: gpu, layer: layer)
        for from in previous.nodes {
            for to in next {
                guard joined.insert("\(from.id) \(to.id)").inserted else { continue }
                if !fromCollective && !toCollective {
                    let shape = overviewShape(leaving: previous.step, experts: from.experts)
                    edges.append(.init(from: from.id, to: to.id, tensor: shape, kind: .data, link: nil))
                    continue
                }
                // Out of a collective into operators, the shape is what those operators take in (expert rows for
                // experts); otherwise what the previous step leaves.
                let leaving = fromCollective && !toCollective ? step : previous.step
                let experts = fromCollective && !toCollective ? to.experts : from.experts
                let shape = overviewShape(leaving: leaving, experts: experts.isEmpty ? gpuExperts : experts)
                let detail = fromCollective
                    ? "GPU \(gpu) receives \(shape) from the \(Self.name(of: previous.step))"
                    : "GPU \(gpu) sends \(shape) into the \(Self.name(of: step))"
                edges.append(.init(from: from.id, to: to.id, tensor: shape, kind: .collectiveMember, link: nil,
                                   detail: detail))
            }
        }
    }

    /// The local shape between `step` and its neighbour: tokens before and after the MoE block, expert rows inside
    /// it, partial sums into an all-reduce.
    private func overviewShape(leaving step: Step, experts: [Int]) -> String {
        switch step {
        case .experts where hasAllToAll:
            return expertShape(experts, perPeer: false) + (parallelism.tp > 1 ? " partial sums" : "")
        case .experts where parallelism.tp > 1, .attention where parallelism.attentionTensorDegree > 1:
            return shapes.activations + " partial sums"
        case .expertAllReduce where hasAllToAll:
            return expertShape(experts, perPeer: false)
        default:
            return shapes.activations
        }
    }

    /// "dispatch all-to-all", "all-reduce of expert outputs", for tooltips.
    private static func name(of step: Step) -> String {
        switch step {
        case .dispatch: "dispatch all-to-all"
        case .combine: "combine all-to-all"
        case .attentionAllReduce: "all-reduce of attention outputs"
        default: "all-reduce of expert outputs"
        }
    }
}
