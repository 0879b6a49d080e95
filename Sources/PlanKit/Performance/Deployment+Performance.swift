extension Deployment {
    /// Prefill and decode speed with their breakdowns.
    public var performance: PerformanceEstimate {
        let prefill = stepBreakdown(.prefill)
        let decode = stepBreakdown(.decode)
        let ttft = prefill.total.total
        let tpot = decode.total.total
        return PerformanceEstimate(
            prefill: PrefillEstimate(
                ttft: ttft, tokensPerSecond: .tokensPerSecond(Double(workload.prefillTokens) / ttft.seconds),
                breakdown: prefill),
            decode: DecodeEstimate(
                tpot: tpot, tokensPerSecond: .tokensPerSecond(Double(workload.batch) / tpot.seconds),
                breakdown: decode))
    }

    /// Where one step of `phase` spends its time on the busiest GPU.
    ///
    /// A layer for one micro-batch takes the sum of its operators' roofline times plus its collectives, or,
    /// when `assumptions.overlapCommunication`, the larger of the two (the hidden part is not counted).
    /// Stage i takes t_i = layersPerStage × layer time, plus the send to the next stage for all but the last.
    /// With p stages and m micro-batches:
    /// - prefill runs once through the pipeline: TTFT = Σ t_i + (m − 1) × max t_i, which is (m + p − 1) × t for
    ///   equal stages;
    /// - decode runs continuously, each micro-batch advancing one token per pass through all stages: a token
    ///   of a sequence takes max(m × max t_i, Σ t_i) — the busiest stage's work for all micro-batches, or one
    ///   micro-batch's trip through the pipeline if that is longer. This is TPOT; every sequence gains a token
    ///   in that time, so decode tokens/s = batch / TPOT.
    /// The busiest stage's work (m × max t_i) is split into compute, memory and exposed communication; the
    /// rest of the step is bubble. Embedding lookup, output head and sampling are not costed.
    public func stepBreakdown(_ phase: Phase) -> StepBreakdown {
        let operators = operatorTimes(phase)
        let plan = communication(for: phase)
        var compute = Seconds.zero
        var memory = Seconds.zero
        for op in operators {
            if op.bound == .memory { memory += op.time } else { compute += op.time }
        }
        let layerCommunication = plan.perLayerTime
        let busy = compute + memory
        let exposed = assumptions.overlapCommunication
            ? max(.zero, layerCommunication - busy) : layerCommunication
        let layer = TimeBreakdown(compute: compute, memory: memory, communication: exposed)
        let stages = parallelism.pp
        let m = Double(parallelism.microBatches)
        let layers = Double(placement.layersPerStage)
        let boundary = plan.boundaryTime
        let lastStage = layer.total * layers
        let slowest = stages > 1 ? lastStage + boundary : lastStage
        let pipelineTrip = lastStage * Double(stages) + boundary * Double(stages - 1)
        let step = phase == .prefill
            ? pipelineTrip + slowest * (m - 1)
            : max(slowest * m, pipelineTrip)
        var total = layer * (layers * m)
        total.communication += stages > 1 ? boundary * m : .zero
        total.bubble = max(.zero, step - total.total)
        return StepBreakdown(
            phase: phase, operators: operators, layerCommunication: layerCommunication,
            boundaryCommunication: boundary, stageTime: slowest, stages: stages,
            microBatches: parallelism.microBatches, perLayer: layer * m, total: total)
    }
}
