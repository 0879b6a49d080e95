extension DeploymentGraphBuilder {
    /// One step of an MoE layer on one GPU, in execution order.
    enum Step: String {
        case norm, attention, attentionAllReduce, router, dispatch, experts, expertAllReduce, combine, residualAdd
    }

    /// A GPU draws each of its experts as its own node up to this many per layer, else one node for them all.
    static let individualExpertLimit = 4

    /// Whether tokens travel to their experts by all-to-all: EP > 1 with data-parallel attention. (With
    /// tensor-parallel attention every EP rank already holds every token.)
    var hasAllToAll: Bool { parallelism.ep > 1 && parallelism.attention == .dataParallel }

    /// The steps of one layer: in detail, or compact (norm folded into attention, router into dispatch, residual
    /// add into combine), with all-reduces only where a tensor-parallel group has more than one GPU.
    func steps(compact: Bool, gpu: Int) -> [Step] {
        var steps: [Step] = compact ? [.attention] : [.norm, .attention]
        if attentionGroup(of: gpu).count > 1 { steps.append(.attentionAllReduce) }
        if hasAllToAll {
            steps += compact ? [.dispatch] : [.router, .dispatch]
        } else {
            steps.append(.router)
        }
        steps.append(.experts)
        if expertReduceGroup(of: gpu).count > 1 { steps.append(.expertAllReduce) }
        if hasAllToAll {
            steps += compact ? [.combine] : [.combine, .residualAdd]
        } else {
            steps.append(.residualAdd)
        }
        return steps
    }

    // MARK: - Groups

    /// GPUs sharing `gpu`'s attention heads: its TP group, or its whole EP × TP group under tensor-parallel attention.
    func attentionGroup(of gpu: Int) -> [Int] {
        let rank = GPURank(gpu: gpu, parallelism: parallelism)
        let expertRanks = parallelism.attention == .tensorParallel ? Array(0..<parallelism.ep) : [rank.expertRank]
        return expertRanks.flatMap { expertRank in
            (0..<parallelism.tp).map { tensor in
                GPURank(stage: rank.stage, replica: rank.replica, expertRank: expertRank, tensorRank: tensor)
                    .gpu(parallelism)
            }
        }
    }

    /// GPUs whose expert outputs are summed by all-reduce: the TP group, or the attention group when tensor-parallel
    /// attention leaves every EP rank with partial sums of every token.
    func expertReduceGroup(of gpu: Int) -> [Int] {
        parallelism.attention == .tensorParallel && parallelism.ep > 1 ? attentionGroup(of: gpu) : tensorGroup(of: gpu)
    }

    /// GPUs holding the other tensor shards of `gpu`'s experts.
    func tensorGroup(of gpu: Int) -> [Int] {
        let rank = GPURank(gpu: gpu, parallelism: parallelism)
        return (0..<parallelism.tp).map {
            GPURank(stage: rank.stage, replica: rank.replica, expertRank: rank.expertRank, tensorRank: $0)
                .gpu(parallelism)
        }
    }

    /// GPUs exchanging tokens with `gpu` in the all-to-all: same stage, replica and tensor rank, every expert rank.
    func allToAllGroup(of gpu: Int) -> [Int] {
        let rank = GPURank(gpu: gpu, parallelism: parallelism)
        return (0..<parallelism.ep).map {
            GPURank(stage: rank.stage, replica: rank.replica, expertRank: $0, tensorRank: rank.tensorRank)
                .gpu(parallelism)
        }
    }

    // MARK: - Node ids

    func nodeID(layer: Int, gpu: Int, step: Step) -> String { "L\(layer)_G\(gpu)_\(step.rawValue)" }

    /// The expert nodes of `layer` on `gpu` and the experts each computes: one per expert, or one for all.
    func expertNodes(layer: Int, gpu: Int) -> [(id: String, experts: [Int])] {
        let experts = placement.experts(onGPU: gpu, layer: layer)
        if experts.count <= Self.individualExpertLimit {
            return experts.map { ("L\(layer)_G\(gpu)_E\($0)", [$0]) }
        }
        return [("L\(layer)_G\(gpu)_experts", experts)]
    }

    /// Expected rows through an expert node computing `experts` of this GPU's share, as a shape.
    func expertShape(_ experts: [Int], perPeer: Bool) -> String {
        let share = Double(experts.count) / Double(max(1, placement.expertsPerRank))
        let rows = (perPeer ? shapes.rowsPerPeer : shapes.expertRows) * share
        return "[\(GraphShapes.rows(rows)), \(deployment.model.hidden)]"
    }
}
