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
    /// Which GPU and phases it describes, when a deployment made it (for its caption).
    public var scope: Scope?
    /// The deployment whose GPU this is.
    public var plan: DisplayPlan?

    /// Which GPU and phases a footprint describes.
    public enum Scope: Hashable, Sendable {
        /// The most-loaded GPU, in the phases the deployment serves.
        case mostLoaded
        /// The most-loaded GPU, while it runs one phase.
        case mostLoadedIn(Phase)
        /// The GPU `gpu`.
        case gpu
    }

    /// What the table shows: "Memory per GPU" (the most-loaded one), "… in prefill", "Memory of GPU 3".
    public var title: String? {
        switch scope {
        case .mostLoaded: "Memory per GPU"
        case .mostLoadedIn(let phase): "Memory per GPU in \(phase)"
        case .gpu: "Memory of GPU \(gpu)"
        case nil: nil
        }
    }

    /// All weights the GPU holds.
    public var weightsPerGPU: Bytes {
        attentionWeights + routerWeights + expertWeights + sharedExpertWeights + denseFFNWeights + embeddingWeights
    }
    /// Weights + KV cache + activations.
    public var totalPerGPU: Bytes { weightsPerGPU + kvCachePerGPU + activationsPerGPU }
    /// Whether the total fits in the GPU's memory. Reading it tells `DeploymentObserver.fitChecked` of the plan
    /// (Planbook: an `expect` on a plan's fit says the plan is shown on purpose).
    public var fits: Bool {
        if let plan, let checked = DeploymentObserver.fitChecked { checked(plan.deployment) }
        return withinCapacity
    }
    /// Whether the total fits, without telling anyone.
    package var withinCapacity: Bool { totalPerGPU <= capacityPerGPU }
    /// Capacity left over (negative when it does not fit).
    public var headroom: Bytes { capacityPerGPU - totalPerGPU }
    /// Share of capacity used.
    public var utilization: Double { totalPerGPU / capacityPerGPU }

    /// Column titles of `rows`.
    public var header: [String] { ["memory of GPU \(gpu)", "bytes", "share of capacity"] }

    /// One row per component (dense FFN weights only when the GPU holds any), then total and capacity: bytes and
    /// share of capacity.
    public var cells: [[DisplayCell]] {
        let items: [(String, Bytes)] = [
            ("attention weights", attentionWeights), ("router weights", routerWeights),
            ("expert weights", expertWeights), ("shared expert weights", sharedExpertWeights),
        ] + (denseFFNWeights > .zero ? [("dense FFN weights", denseFFNWeights)] : []) + [
            ("embedding weights", embeddingWeights), ("weights", weightsPerGPU), ("KV cache", kvCachePerGPU),
            ("activations", activationsPerGPU), ("total", totalPerGPU), ("capacity", capacityPerGPU),
        ]
        return items.map { [DisplayCell($0.0), $0.1.cell, .percent($0.1 / capacityPerGPU)] }
    }

    public var description: String {
        "GPU \(gpu): weights \(weightsPerGPU) + KV cache \(kvCachePerGPU) + activations \(activationsPerGPU) = "
            + "\(totalPerGPU) of \(capacityPerGPU) (\(withinCapacity ? "fits" : "does not fit"))"
    }

    /// The figures, without their scope and plan (which a download names once, at the top).
    enum CodingKeys: String, CodingKey {
        case gpu, stage, attentionWeights, routerWeights, expertWeights, sharedExpertWeights, denseFFNWeights
        case embeddingWeights, kvCachePerGPU, activationsPerGPU, capacityPerGPU
    }
}
