/// Which GPUs hold each layer's attention and each (layer, expert), derived from the parallel layout.
///
/// Layer l lives in pipeline stage l / (layers / pp). Within a stage, expert x of a layer sits on expert rank
/// x / (experts / ep), split into `tp` tensor shards on that rank's TP group, and copied once per DP replica.
/// `verify()` proves every (layer, expert) is held by exactly dp × tp GPU-shards and nothing else is placed.
public struct Placement: Hashable, Sendable {
    public let model: MoEModel
    public let parallelism: Parallelism
    public let cluster: Cluster

    public init(model: MoEModel, parallelism: Parallelism, cluster: Cluster) {
        self.model = model
        self.parallelism = parallelism
        self.cluster = cluster
    }

    /// Layers in each pipeline stage.
    public var layersPerStage: Int { model.layers / parallelism.pp }
    /// Routed experts of one layer on each expert rank.
    public var expertsPerRank: Int { model.expertsPerLayer / parallelism.ep }
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
        let rank = expert / expertsPerRank
        var result: [Int] = []
        result.reserveCapacity(p.dp * p.tp)
        for replica in 0..<p.dp {
            for tensor in 0..<p.tp {
                result.append(
                    GPURank(stage: stage(ofLayer: layer), replica: replica, expertRank: rank, tensorRank: tensor)
                        .gpu(p))
            }
        }
        return result
    }

    /// The routed experts of `layer` that GPU `gpu` holds (whole, or one tensor shard of each when tp > 1).
    public func experts(onGPU gpu: Int, layer: Int) -> [Int] {
        let rank = GPURank(gpu: gpu, parallelism: parallelism)
        guard rank.stage == stage(ofLayer: layer) else { return [] }
        return Array(rank.expertRank * expertsPerRank..<(rank.expertRank + 1) * expertsPerRank)
    }

    /// Every GPU running (a shard or a replica of) `layer`'s attention: the whole stage.
    public func attentionGPUs(layer: Int) -> [Int] { gpus(inStage: stage(ofLayer: layer)) }

    /// The fraction of one expert's weights that each holder keeps: 1 / tp.
    public var expertSharePerGPU: Double { 1.0 / Double(parallelism.tp) }

    /// Whether each GPU holds exactly one whole expert of every layer it runs, and each expert is on one GPU.
    public var isOneToOne: Bool {
        parallelism.tp == 1 && parallelism.dp == 1 && expertsPerRank == 1
    }

    /// Checks that every (layer, expert) is held by exactly dp × tp distinct GPUs of its layer's stage, and that
    /// the experts listed per GPU are exactly those whose holders include it. Returns the problems found (empty
    /// when the placement is sound).
    public func verify() -> [String] {
        var problems: [String] = []
        let p = parallelism
        var held = Array(repeating: 0, count: cluster.gpuCount)
        for layer in 0..<model.layers {
            for expert in 0..<model.expertsPerLayer {
                let holders = gpus(layer: layer, expert: expert)
                if Set(holders).count != p.dp * p.tp {
                    problems.append("layer \(layer) expert \(expert) is held by \(holders.count) GPUs, expected \(p.dp * p.tp)")
                }
                for gpu in holders {
                    held[gpu] += 1
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
