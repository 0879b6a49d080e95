/// Which GPUs hold each layer's attention and each (layer, expert), derived from the parallel layout.
///
/// Layer l lives in pipeline stage l / (layers / pp). Each layer has experts + redundantExperts slots; slot j sits
/// on expert rank j / slotsPerRank, split into `tp` tensor shards on that rank's TP group, and copied once per DP
/// replica. Slot j < experts holds expert j; slot experts + r holds a replica of expert r (load-agnostic; given
/// routing loads, `ExpertReplication` picks the hottest experts instead). `verify()` proves every (layer, expert)
/// is held by dp × tp GPU-shards per slot holding it and nothing else is placed.
public struct Placement: Hashable, Sendable {
    public let model: MoEModel
    public let parallelism: Parallelism
    public let cluster: Cluster
    /// The deployment this placement is of, when it came from one (`deployment.placement`).
    public var plan: DisplayPlan?

    public init(model: MoEModel, parallelism: Parallelism, cluster: Cluster) {
        self.model = model
        self.parallelism = parallelism
        self.cluster = cluster
    }

    /// Layers in each pipeline stage.
    public var layersPerStage: Int { model.layers / parallelism.pp }
    /// Expert slots of one layer on each expert rank: (experts + redundantExperts) / ep.
    public var expertsPerRank: Int { expertSlots / parallelism.ep }
    /// Expert slots of one layer: experts + redundantExperts.
    public var expertSlots: Int { model.expertsPerLayer + parallelism.redundantExperts }

    /// The expert slot `slot` holds: itself below the expert count, else a replica of expert slot − experts.
    public func expert(inSlot slot: Int) -> Int {
        slot < model.expertsPerLayer ? slot : (slot - model.expertsPerLayer) % model.expertsPerLayer
    }

    /// The slots holding `expert`: the expert itself, then its replicas.
    public func slots(of expert: Int) -> [Int] {
        [expert] + stride(from: model.expertsPerLayer + expert, to: expertSlots, by: model.expertsPerLayer)
    }
    /// GPUs in one pipeline stage: ep × tp × dp.
    public var gpusPerStage: Int { parallelism.ep * parallelism.tp * parallelism.dp }

    /// The pipeline stage that runs `layer`.
    public func stage(ofLayer layer: Int) -> Int { layer / layersPerStage }

    /// The layers GPU `gpu` runs.
    public func layers(onGPU gpu: Int) -> Range<Int> {
        let stage = GPURank(gpu: gpu, parallelism: parallelism).stage
        return stage * layersPerStage..<(stage + 1) * layersPerStage
    }

    /// The GPUs of pipeline stage `stage`, ascending.
    public func gpus(inStage stage: Int) -> [Int] { Array(stage * gpusPerStage..<(stage + 1) * gpusPerStage) }

    /// Every GPU holding a part of expert `expert` of `layer` (all its tensor shards in every DP replica), ascending.
    public func gpus(layer: Int, expert: Int) -> [Int] {
        let p = parallelism
        var result: [Int] = []
        result.reserveCapacity(p.dp * p.tp)
        for rank in Set(slots(of: expert).map { $0 / expertsPerRank }).sorted() {
            for replica in 0..<p.dp {
                for tensor in 0..<p.tp {
                    result.append(
                        GPURank(stage: stage(ofLayer: layer), replica: replica, expertRank: rank, tensorRank: tensor)
                            .gpu(p))
                }
            }
        }
        return result.sorted()
    }

    /// The routed experts of `layer` that GPU `gpu` holds (whole, or one tensor shard of each when tp > 1).
    public func experts(onGPU gpu: Int, layer: Int) -> [Int] {
        let rank = GPURank(gpu: gpu, parallelism: parallelism)
        guard rank.stage == stage(ofLayer: layer) else { return [] }
        return (rank.expertRank * expertsPerRank..<(rank.expertRank + 1) * expertsPerRank).map { expert(inSlot: $0) }
    }

    /// Every GPU running (a shard or a replica of) `layer`'s attention: the whole stage.
    public func attentionGPUs(layer: Int) -> [Int] { gpus(inStage: stage(ofLayer: layer)) }

    /// The fraction of one expert's weights that each holder keeps: 1 / tp.
    public var expertSharePerGPU: Double { 1.0 / Double(parallelism.tp) }

    /// Whether each GPU holds exactly one whole expert of every layer it runs, and each expert is on one GPU.
    public var isOneToOne: Bool {
        parallelism.tp == 1 && parallelism.dp == 1 && expertsPerRank == 1
    }

    /// Checks that every (layer, expert) is held by dp × tp distinct GPUs of its layer's stage per expert rank
    /// holding one of its slots, and that
    /// the experts listed per GPU are exactly those whose holders include it. Returns the problems found (empty
    /// when the placement is sound).
    public func verify() -> [String] {
        var problems: [String] = []
        let p = parallelism
        var held = Array(repeating: 0, count: cluster.gpuCount)
        for layer in 0..<model.layers {
            for expert in 0..<model.expertsPerLayer {
                let holders = gpus(layer: layer, expert: expert)
                let ranks = Set(slots(of: expert).map { $0 / expertsPerRank }).count
                if Set(holders).count != p.dp * p.tp * ranks {
                    problems.append("layer \(layer) expert \(expert) is held by \(holders.count) GPUs, "
                        + "expected \(p.dp * p.tp * ranks)")
                }
                for gpu in holders {
                    held[gpu] += experts(onGPU: gpu, layer: layer).filter { $0 == expert }.count
                    if !experts(onGPU: gpu, layer: layer).contains(expert) {
                        problems.append("GPU \(gpu) holds layer \(layer) expert \(expert) but does not list it")
                    }
                    if stage(ofLayer: layer) != GPURank(gpu: gpu, parallelism: p).stage {
                        problems.append("layer \(layer) expert \(expert) is on GPU \(gpu) outside its stage")
                    }
                }
            }
        }
        let expected = layersPerStage * expertsPerRank
        for (gpu, count) in held.enumerated() where count != expected {
            problems.append("GPU \(gpu) holds \(count) expert parts, expected \(expected)")
        }
        return problems
    }
}
