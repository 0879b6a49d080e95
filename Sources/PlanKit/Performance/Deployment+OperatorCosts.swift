extension Deployment {
    /// Each operator of one layer on one GPU for one micro-batch of `phase` (or `share` of it: a two-batch-overlap
    /// half is 0.5), costed by the roofline.
    ///
    /// With T attention tokens, Tm MoE tokens and R = Tm × topK routed rows per GPU (`StepTokens`, times `share`),
    /// d hidden, a the attention tensor degree, F the expert FFN width / tp, and each tensor in its format
    /// (`TensorPrecisions`: weights and GEMM peak, activations, KV cache, attention peak):
    /// - norms: 4 FLOPs per element of T × d, reading and writing T × d;
    /// - QKV (for MLA: every projection before attention): 2·T·P/a FLOPs for its P parameters; reads P/a weights
    ///   and T·d, writes T·(projection width)/a;
    /// - attention: T·context·`attentionFLOPsPerKey`/a FLOPs (context = (s+1)/2 causal prefill, s in decode) at the
    ///   attention format's peak and the attention kernel's efficiencies; reads its projections, writes its output and the new cache entries, and in decode
    ///   reads the cache of its sequences (split over a unless the cache is an MLA latent);
    /// - output projection: 2·T·(output width/a)·d FLOPs; reads its weights and input, writes T × d;
    /// - residual adds: T·d FLOPs, 3·T·d element moves;
    /// - MoE layer — router: 2·Tm·d·experts FLOPs; dispatch: packs R rows of d; expert gate/up and down:
    ///   2·R·d·F FLOPs each, weights read for each local expert slot that receives a token (expected count:
    ///   slots per rank × `StepTokens.expertActivation`); shared experts: 2·Tm·d·F FLOPs per matrix; combine:
    ///   weighted sum of R rows into Tm tokens (2·R·d FLOPs);
    /// - dense layer — dense FFN: 2·T·d·(dense FFN width)/a FLOPs per matrix, its weights, inputs, intermediates
    ///   and outputs.
    /// Elementwise activations and softmax are folded in as negligible; flash attention re-reads are ignored.
    public func operatorTimes(_ phase: Phase, layer kind: LayerKind = .moe, share: Double = 1) -> [OperatorTime] {
        let m = model
        let p = parallelism
        let t = StepTokens(self, phase: phase, share: share)
        let f = workload.precisions
        let d = Double(m.hidden)
        let a = Double(p.attentionTensorDegree)
        let tokens = t.attentionTokenShare
        let tm = t.moeTokens
        let rows = t.routedRows
        let kvSplit = m.kvCacheSplitsByTensorParallel ? a : 1
        let kvPerToken = Double(m.kvElementsPerToken) / kvSplit
        let outputWidth = Double(m.attentionOutputWidth)
        let projectionParameters = Double(m.attentionParametersPerLayer) - outputWidth * d
        let projectionWidth = Double(m.attentionProjectionWidth)
        let cachedKV = phase == .decode ? t.sequenceShare * Double(workload.sequenceLength) * kvPerToken : 0
        let gpu = cluster.gpu
        let assumptions = assumptions

        var result: [OperatorTime] = []
        result.reserveCapacity(15)
        /// One operator: FLOPs at the peak of `peak`, and the elements it moves in each format.
        func add(_ op: LayerOperator, flops: Double, peak: Precision, weights: Double = 0, activations: Double = 0,
                 cache: Double = 0) {
            let flopCount = FLOPs(flops)
            let bytes = Bytes(weights * f.weights.bytesPerElement + activations * f.activations.bytesPerElement
                + cache * f.kvCache.bytesPerElement)
            let attention = op == .attention
            result.append(OperatorTime(op, flops: flopCount, bytes: bytes, roofline: Roofline(
                flops: flopCount, bytes: bytes, gpu: gpu, precision: peak,
                computeShare: attention ? assumptions.attentionComputeEfficiency : assumptions.computeEfficiency,
                memoryShare: attention ? assumptions.attentionMemoryEfficiency : assumptions.memoryEfficiency)))
        }
        add(.attentionNorm, flops: 4 * tokens * d, peak: f.activations, activations: 2 * tokens * d)
        add(.qkvProjection, flops: 2 * tokens * projectionParameters / a, peak: f.weights,
            weights: projectionParameters / a, activations: tokens * d + tokens * projectionWidth / a)
        add(.attention, flops: tokens * t.averageContext * m.attentionFLOPsPerKey(phase) / a, peak: f.attention,
            activations: tokens * projectionWidth / a + tokens * outputWidth / a,
            cache: tokens * kvPerToken + cachedKV)
        add(.outputProjection, flops: 2 * tokens * outputWidth / a * d, peak: f.weights,
            weights: outputWidth * d / a, activations: tokens * outputWidth / a + tokens * d)
        add(.attentionResidual, flops: tokens * d, peak: f.activations, activations: 3 * tokens * d)
        add(.moeNorm, flops: 4 * tokens * d, peak: f.activations, activations: 2 * tokens * d)
        switch kind {
        case .dense:
            let width = Double(m.denseFFN) / a
            let matrices = Double(m.matricesPerExpert)
            add(.denseFFN, flops: 2 * tokens * d * width * matrices, peak: f.weights, weights: matrices * d * width,
                activations: 2 * tokens * d + 2 * tokens * Double(m.matricesPerExpert - 1) * width)
        case .moe:
            let experts = Double(m.expertsPerLayer)
            let ffn = Double(m.expertFFN) / Double(p.tp)
            let activeSlots = Double(layout.expertsPerRank) * t.expertActivation
            add(.router, flops: 2 * tm * d * experts, peak: f.weights, weights: d * experts,
                activations: tm * d + tm * experts)
            add(.dispatch, flops: 0, peak: f.activations, activations: 2 * rows * d)
            if m.gatedFFN {
                add(.expertGate, flops: 2 * rows * d * ffn, peak: f.weights, weights: activeSlots * d * ffn,
                    activations: rows * d + rows * ffn)
            }
            add(.expertUp, flops: 2 * rows * d * ffn, peak: f.weights, weights: activeSlots * d * ffn,
                activations: rows * d + rows * ffn)
            add(.expertDown, flops: 2 * rows * ffn * d, peak: f.weights, weights: activeSlots * ffn * d,
                activations: rows * ffn + rows * d)
            if m.sharedExperts > 0 {
                let matrices = Double(m.sharedExperts * m.matricesPerExpert)
                let intermediates = Double(m.sharedExperts * (m.matricesPerExpert - 1)) * ffn
                add(.sharedExperts, flops: 2 * tm * d * ffn * matrices, peak: f.weights, weights: matrices * d * ffn,
                    activations: 2 * tm * d + 2 * tm * intermediates)
            }
            add(.combine, flops: 2 * rows * d, peak: f.activations, activations: rows * d + tm * d)
        }
        add(.moeResidual, flops: tokens * d, peak: f.activations, activations: 3 * tokens * d)
        return result
    }

    /// The operators that run once per step and micro-batch rather than per layer: the embedding lookup on the
    /// first stage (reads T rows of d, writes them) and the output head on the last stage for the tokens that are
    /// sampled — one per sequence in both phases: 2·S·d·vocabulary/a FLOPs, its vocabulary shard of weights, S
    /// hidden states in and S × vocabulary/a logits out. Empty when the model has no vocabulary.
    public func stepOperatorTimes(_ phase: Phase, stage: Int, share: Double = 1) -> [OperatorTime] {
        guard model.vocabulary > 0 else { return [] }
        let t = StepTokens(self, phase: phase, share: share)
        let f = workload.precisions
        let d = Double(model.hidden)
        let v = Double(model.vocabulary)
        let a = Double(parallelism.attentionTensorDegree)
        var result: [OperatorTime] = []
        func add(_ op: LayerOperator, flops: Double, weights: Double, activations: Double) {
            let flopCount = FLOPs(flops)
            let bytes = Bytes(weights * f.weights.bytesPerElement + activations * f.activations.bytesPerElement)
            result.append(OperatorTime(op, flops: flopCount, bytes: bytes, roofline: Roofline(
                flops: flopCount, bytes: bytes, gpu: cluster.gpu, precision: f.weights, assumptions: assumptions)))
        }
        if stage == 0 {
            add(.embedding, flops: 0, weights: t.attentionTokenShare * d, activations: t.attentionTokenShare * d)
        }
        if stage == parallelism.pp - 1 {
            let sampled = t.sequenceShare
            add(.outputHead, flops: 2 * sampled * d * v / a, weights: d * v / a, activations: sampled * d + sampled * v / a)
        }
        return result
    }
}
