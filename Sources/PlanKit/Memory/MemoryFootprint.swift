/// What one GPU must hold: its weights, its KV cache and its peak activations, against its capacity.
///
/// Guarantees: `weightsPerGPU` is the sum of its parts (attention, router, routed experts, shared experts,
/// dense FFNs, embeddings); `totalPerGPU` = weights + KV cache + activations; `fits` ⇔ total ≤ capacity.
public struct MemoryFootprint: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The GPU described (for `Deployment.memory`, the most-loaded one; the lowest index among equals).
    public var gpu: Int
    /// Its pipeline stage.
    public var stage: Int
    /// Attention weights of its layers: its head shard (or replica) of Q, K, V and O.
    public var attentionWeights: Bytes
    /// Router weights of its layers (replicated on every GPU of the stage).
    public var routerWeights: Bytes
    /// Its routed experts of its layers (its tensor shard of each).
    public var expertWeights: Bytes
    /// Its tensor shard of the shared experts of its layers.
    public var sharedExpertWeights: Bytes
    /// Its shard of the dense FFNs of its dense layers.
    public var denseFFNWeights: Bytes
    /// Its vocabulary shard of the embedding (first stage) and output head (last stage).
    public var embeddingWeights: Bytes
    /// KV cache of its sequences, layers and KV-head shard at `sequenceLength` tokens.
    public var kvCachePerGPU: Bytes
    /// Estimated peak working set of one micro-batch (see `Deployment.activationBytes`).
    public var activationsPerGPU: Bytes
    /// The GPU's memory capacity.
    public var capacityPerGPU: Bytes

    /// All weights the GPU holds.
    public var weightsPerGPU: Bytes {
        attentionWeights + routerWeights + expertWeights + sharedExpertWeights + denseFFNWeights + embeddingWeights
    }
    /// Weights + KV cache + activations.
    public var totalPerGPU: Bytes { weightsPerGPU + kvCachePerGPU + activationsPerGPU }
    /// Whether the total fits in the GPU's memory.
    public var fits: Bool { totalPerGPU <= capacityPerGPU }
    /// Capacity left over (negative when it does not fit).
    public var headroom: Bytes { capacityPerGPU - totalPerGPU }
    /// Share of capacity used.
    public var utilization: Double { totalPerGPU / capacityPerGPU }

    /// Column titles of `rows`.
    public var header: [String] { ["memory of GPU \(gpu)", "bytes", "share of capacity"] }

    /// One row per component (dense FFN weights only when the GPU holds any), then total and capacity.
    public var rows: [[String]] {
        let items: [(String, Bytes)] = [
            ("attention weights", attentionWeights), ("router weights", routerWeights),
            ("expert weights", expertWeights), ("shared expert weights", sharedExpertWeights),
        ] + (denseFFNWeights > .zero ? [("dense FFN weights", denseFFNWeights)] : []) + [
            ("embedding weights", embeddingWeights), ("weights", weightsPerGPU), ("KV cache", kvCachePerGPU),
            ("activations", activationsPerGPU), ("total", totalPerGPU), ("capacity", capacityPerGPU),
        ]
        return items.map { [$0.0, $0.1.description, SIFormat.significant(100 * ($0.1 / capacityPerGPU)) + " %"] }
    }

    public var description: String {
        "GPU \(gpu): weights \(weightsPerGPU) + KV cache \(kvCachePerGPU) + activations \(activationsPerGPU) = "
            + "\(totalPerGPU) of \(capacityPerGPU) (\(fits ? "fits" : "does not fit"))"
    }
}
