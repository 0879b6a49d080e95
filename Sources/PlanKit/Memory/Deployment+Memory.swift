extension Deployment {
    /// The memory of the most-loaded GPU (GPUs of one pipeline stage hold the same amounts; stages differ only
    /// by the embedding on the first and the output head on the last).
    public var memory: MemoryFootprint {
        let activations = peakActivationBytes
        let first = memoryFootprint(ofGPU: 0, activations: activations)
        guard parallelism.pp > 1 else { return first }
        // middle stages hold neither embedding nor head, so the first or the last stage is the most loaded
        let last = memoryFootprint(ofGPU: (parallelism.pp - 1) * placement.gpusPerStage, activations: activations)
        return last.totalPerGPU > first.totalPerGPU ? last : first
    }

    /// The memory GPU `gpu` needs.
    ///
    /// Weights: per layer of its stage, attention parameters / attention tensor degree, the whole router, its
    /// `expertsPerRank` experts / tp and the shared experts / tp; embedding and head are vocabulary-split over the
    /// attention tensor degree. KV cache: sequencesPerReplica × sequenceLength × its layers × 2 (K and V) ×
    /// kvDimension / attention tensor degree × bytes per element.
    public func memoryFootprint(ofGPU gpu: Int) -> MemoryFootprint {
        memoryFootprint(ofGPU: gpu, activations: peakActivationBytes)
    }

    /// The larger of the prefill and decode working sets.
    private var peakActivationBytes: Bytes { max(activationBytes(.prefill), activationBytes(.decode)) }

    private func memoryFootprint(ofGPU gpu: Int, activations: Bytes) -> MemoryFootprint {
        let m = model
        let p = parallelism
        let b = workload.precision.bytesPerElement
        let stage = GPURank(gpu: gpu, parallelism: p).stage
        let layers = Double(placement.layersPerStage)
        let a = Double(p.attentionTensorDegree)
        let tp = Double(p.tp)
        let vocabularyShard = Double(m.vocabulary) * Double(m.hidden) / a
        let embedding = (stage == 0 ? vocabularyShard : 0) + (stage == p.pp - 1 ? vocabularyShard : 0)
        let kv = Double(sequencesPerReplica) * Double(workload.sequenceLength) * layers * 2
            * Double(m.kvDimension) / a * b
        return MemoryFootprint(
            gpu: gpu, stage: stage,
            attentionWeights: Bytes(layers * Double(m.attentionParametersPerLayer) / a * b),
            routerWeights: Bytes(layers * Double(m.routerParametersPerLayer) * b),
            expertWeights: Bytes(layers * Double(placement.expertsPerRank * m.parametersPerExpert) / tp * b),
            sharedExpertWeights: Bytes(layers * Double(m.sharedExperts * m.parametersPerExpert) / tp * b),
            embeddingWeights: Bytes(embedding * b),
            kvCachePerGPU: Bytes(kv),
            activationsPerGPU: activations,
            capacityPerGPU: Bytes(cluster.gpu.memoryCapacity))
    }

    /// Estimated peak working set of one GPU for one micro-batch of `phase` (inference keeps no activations
    /// across layers, so this is one layer's live tensors):
    /// the residual stream x, plus the larger of the attention block (normed x̂, qkv shard, attention output
    /// shard) and the MoE block (normed x̃, dispatched rows, the expert hidden rows — gate and up when gated —
    /// and the expert output rows), all in the workload's precision. Flash attention is assumed: no score matrix.
    public func activationBytes(_ phase: Phase) -> Bytes {
        let m = model
        let t = StepTokens(self, phase: phase)
        let d = Double(m.hidden)
        let a = Double(parallelism.attentionTensorDegree)
        let tokens = Double(t.attentionTokens)
        let slots = Double(m.attentionHeads + 2 * m.kvHeads) * Double(m.headDimension)
        let attention = tokens * d + tokens * slots / a + tokens * d / a
        let hiddenWidth = Double(m.expertFFN) / Double(parallelism.tp) * (m.gatedFFN ? 2 : 1)
        let moe = t.moeTokens * d + t.routedRows * (2 * d + hiddenWidth)
        return Bytes((tokens * d + max(attention, moe)) * workload.precision.bytesPerElement)
    }
}
