extension Deployment {
    /// The memory of the most-loaded GPU in the phases this deployment serves (`serving`): the larger of
    /// `memory(for: .prefill)` and `memory(for: .decode)` for `.both`, else that phase's alone.
    public var memory: MemoryFootprint {
        // weights and KV cache are the same in both phases; only the working set differs, equally on every stage
        let phases = serving.phases
        let larger = phases.max { activationBytes($0) < activationBytes($1) } ?? .decode
        var footprint = memory(for: larger)
        footprint.scope = .mostLoaded
        return footprint
    }

    /// The memory of the most-loaded GPU while it runs `phase` (GPUs of one pipeline stage hold the same amounts;
    /// stages differ by their dense layers, the embedding on the first and the output head on the last).
    public func memory(for phase: Phase) -> MemoryFootprint {
        let activations = activationBytes(phase)
        // stages differ only by embedding (first), head (last) and dense layers (the leading ones): the first
        // stage, the stage where dense layers end, the first stage without any and the last cover every kind
        let layers = layout.layersPerStage
        let last = parallelism.pp - 1
        let candidates = Set([0, min(last, model.denseLayers / layers),
                              min(last, (model.denseLayers + layers - 1) / layers), last]).sorted()
        var worst = memoryFootprint(ofGPU: 0, activations: activations)
        for stage in candidates.dropFirst() {
            let candidate = memoryFootprint(ofGPU: stage * layout.gpusPerStage, activations: activations)
            if candidate.totalPerGPU > worst.totalPerGPU { worst = candidate }
        }
        worst.scope = .mostLoadedIn(phase)
        worst.plan = DisplayPlan(self)
        return worst
    }

    /// The memory GPU `gpu` needs in the phases served (the larger working set of the two when serving both).
    ///
    /// Weights (in the weights' format): per layer of its stage, attention parameters / attention tensor degree;
    /// per MoE layer the whole router, its `expertsPerRank` expert slots / tp and the shared experts / tp; per dense
    /// layer the dense FFN / attention tensor degree; embedding and head are vocabulary-split over the attention
    /// tensor degree. KV cache (in its format): sequencesPerReplica × sequenceLength × its layers ×
    /// `kvElementsPerToken`, split over the attention tensor degree unless it is an MLA latent.
    public func memoryFootprint(ofGPU gpu: Int) -> MemoryFootprint {
        let activations = serving.phases.map { activationBytes($0) }.max() ?? .zero
        var footprint = memoryFootprint(ofGPU: gpu, activations: activations)
        footprint.scope = .gpu
        footprint.plan = DisplayPlan(self)
        return footprint
    }

    private func memoryFootprint(ofGPU gpu: Int, activations: Bytes) -> MemoryFootprint {
        let m = model
        let p = parallelism
        let f = workload.precisions
        let w = f.weights.bytesPerElement
        let stage = GPURank(gpu: gpu, parallelism: p).stage
        let layers = Double(layout.layersPerStage)
        let dense = Double(min(layout.layersPerStage, max(0, m.denseLayers - stage * layout.layersPerStage)))
        let moeLayers = layers - dense
        let a = Double(p.attentionTensorDegree)
        let tp = Double(p.tp)
        let vocabularyShard = Double(m.vocabulary) * Double(m.hidden) / a
        let embedding = (stage == 0 ? vocabularyShard : 0) + (stage == p.pp - 1 ? vocabularyShard : 0)
        let kvSplit = m.kvCacheSplitsByTensorParallel ? a : 1
        let kv = Double(sequencesPerReplica) * Double(workload.sequenceLength) * layers
            * Double(m.kvElementsPerToken) / kvSplit * f.kvCache.bytesPerElement
        return MemoryFootprint(
            gpu: gpu, stage: stage,
            attentionWeights: Bytes(layers * Double(m.attentionParametersPerLayer) / a * w),
            routerWeights: Bytes(moeLayers * Double(m.routerParametersPerLayer) * w),
            expertWeights: Bytes(moeLayers * Double(layout.expertsPerRank * m.parametersPerExpert) / tp * w),
            sharedExpertWeights: Bytes(moeLayers * Double(m.sharedExperts * m.parametersPerExpert) / tp * w),
            denseFFNWeights: Bytes(dense * Double(m.denseFFNParameters) / a * w),
            embeddingWeights: Bytes(embedding * w),
            kvCachePerGPU: Bytes(kv),
            activationsPerGPU: activations,
            capacityPerGPU: Bytes(cluster.gpu.memoryCapacity))
    }

    /// Estimated peak working set of one GPU for one micro-batch of `phase` (inference keeps no activations
    /// across layers, so this is one layer's live tensors), in the activations' format:
    /// the residual stream x, plus the larger of the attention block (normed x̂, its projections' shard, attention
    /// output shard) and the feed-forward block (MoE: normed x̃, dispatched rows, the expert hidden rows — gate and
    /// up when gated — and the expert output rows; dense: normed x̃ and its FFN's hidden rows). Flash attention is
    /// assumed: no score matrix. Decode's tokens are one per sequence, so its working set is small; prefill's is
    /// that of whole prompts.
    public func activationBytes(_ phase: Phase) -> Bytes {
        let m = model
        let t = StepTokens(self, phase: phase)
        let d = Double(m.hidden)
        let a = Double(parallelism.attentionTensorDegree)
        let tokens = Double(t.attentionTokens)
        let attention = tokens * d + tokens * Double(m.attentionProjectionWidth) / a
            + tokens * Double(m.attentionOutputWidth) / a
        let gated = m.gatedFFN ? 2.0 : 1
        let hiddenWidth = Double(m.expertFFN) / Double(parallelism.tp) * gated
        let moe = m.moeLayers > 0 ? t.moeTokens * d + t.routedRows * (2 * d + hiddenWidth) : 0
        let dense = m.denseLayers > 0 ? tokens * d + tokens * Double(m.denseFFN) / a * gated : 0
        return Bytes((tokens * d + max(attention, moe, dense)) * workload.precisions.activations.bytesPerElement)
    }
}
