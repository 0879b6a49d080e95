extension Deployment {
    /// Each operator of one layer on one GPU for one micro-batch of `phase`, costed by the roofline.
    ///
    /// With T attention tokens, Tm MoE tokens and R = Tm × topK routed rows per GPU (`StepTokens`), d hidden,
    /// a the attention tensor degree, w = (heads + 2 × kvHeads) × headDimension the QKV width, F the expert
    /// FFN width, b bytes per element:
    /// - norms: 4 FLOPs per element of T × d, reading and writing T × d;
    /// - QKV: 2·T·d·w/a FLOPs; reads weights d·w/a and T·d, writes T·w/a;
    /// - attention: 4·T·context·d/a FLOPs (QKᵀ and AV; context = (s+1)/2 causal prefill, s in decode); reads
    ///   qkv, writes the output and the new K,V, and in decode reads the KV cache of its sequences;
    /// - output projection: 2·T·(d/a)·d FLOPs; reads weights d²/a and its input, writes T × d;
    /// - residual adds: T·d FLOPs, 3·T·d element moves;
    /// - router: 2·Tm·d·experts FLOPs; reads its weights and the tokens, writes the logits;
    /// - dispatch: packs R rows of d (read and write; its all-to-all is in `communication`);
    /// - expert gate/up and down: 2·R·d·F/tp FLOPs each; weights are read for each local expert that receives
    ///   a token (expected count: expertsPerRank × `StepTokens.expertActivation`), plus their inputs and outputs;
    /// - shared experts: 2·Tm·d·F/tp FLOPs per matrix, their weights, inputs, intermediates and outputs;
    /// - combine: weighted sum of R rows into Tm tokens (2·R·d FLOPs).
    /// Elementwise activations and softmax are folded in as negligible; flash attention re-reads are ignored.
    public func operatorTimes(_ phase: Phase) -> [OperatorTime] {
        let m = model
        let p = parallelism
        let t = StepTokens(self, phase: phase)
        let b = workload.precision.bytesPerElement
        let d = Double(m.hidden)
        let a = Double(p.attentionTensorDegree)
        let tokens = Double(t.attentionTokens)
        let tm = t.moeTokens
        let rows = t.routedRows
        let w = Double(m.attentionHeads + 2 * m.kvHeads) * Double(m.headDimension)
        let kvWidth = 2 * Double(m.kvDimension) / a
        let ffn = Double(m.expertFFN) / Double(p.tp)
        let activeExperts = Double(placement.expertsPerRank) * t.expertActivation
        let experts = Double(m.expertsPerLayer)
        let cachedKV = phase == .decode
            ? Double(t.sequencesPerMicroBatch) * Double(workload.sequenceLength) * kvWidth : 0
        let gpu = cluster.gpu
        let precision = workload.precision
        let assumptions = assumptions

        var result: [OperatorTime] = []
        result.reserveCapacity(14)
        func add(_ op: LayerOperator, flops: Double, elements: Double) {
            let f = FLOPs(flops)
            let bytes = Bytes(elements * b)
            result.append(OperatorTime(op, flops: f, bytes: bytes, roofline: Roofline(
                flops: f, bytes: bytes, gpu: gpu, precision: precision, assumptions: assumptions)))
        }
        add(.attentionNorm, flops: 4 * tokens * d, elements: 2 * tokens * d)
        add(.qkvProjection, flops: 2 * tokens * d * w / a, elements: d * w / a + tokens * d + tokens * w / a)
        add(.attention, flops: 4 * tokens * t.averageContext * d / a,
            elements: tokens * w / a + tokens * d / a + tokens * kvWidth + cachedKV)
        add(.outputProjection, flops: 2 * tokens * d / a * d, elements: d * d / a + tokens * d / a + tokens * d)
        add(.attentionResidual, flops: tokens * d, elements: 3 * tokens * d)
        add(.moeNorm, flops: 4 * tokens * d, elements: 2 * tokens * d)
        add(.router, flops: 2 * tm * d * experts, elements: d * experts + tm * d + tm * experts)
        add(.dispatch, flops: 0, elements: 2 * rows * d)
        if m.gatedFFN {
            add(.expertGate, flops: 2 * rows * d * ffn, elements: activeExperts * d * ffn + rows * d + rows * ffn)
        }
        add(.expertUp, flops: 2 * rows * d * ffn, elements: activeExperts * d * ffn + rows * d + rows * ffn)
        add(.expertDown, flops: 2 * rows * ffn * d, elements: activeExperts * ffn * d + rows * ffn + rows * d)
        if m.sharedExperts > 0 {
            let matrices = Double(m.sharedExperts * m.matricesPerExpert)
            let intermediates = Double(m.sharedExperts * (m.matricesPerExpert - 1)) * ffn
            add(.sharedExperts, flops: 2 * tm * d * ffn * matrices,
                elements: matrices * d * ffn + 2 * tm * d + 2 * tm * intermediates)
        }
        add(.combine, flops: 2 * rows * d, elements: rows * d + tm * d)
        add(.moeResidual, flops: tokens * d, elements: 3 * tokens * d)
        return result
    }
}
