extension Deployment {
    /// Prefill and decode speed with their breakdowns.
    public var performance: PerformanceEstimate {
        let described = DisplayPlan(self)
        let prefill = stepBreakdown(.prefill, plan: described)
        let decode = stepBreakdown(.decode, plan: described)
        let ttft = prefill.total.total
        let tpot = decode.total.total
        return PerformanceEstimate(
            prefill: PrefillEstimate(
                ttft: ttft, tokensPerSecond: .tokensPerSecond(Double(workload.prefillTokens) / ttft.seconds),
                breakdown: prefill),
            decode: DecodeEstimate(
                tpot: tpot, tokensPerSecond: .tokensPerSecond(Double(workload.batch) / tpot.seconds),
                breakdown: decode),
            plan: described)
    }

    /// Where one step of `phase` spends its time on the busiest GPU.
    ///
    /// One layer of one micro-batch takes its operators' roofline times (`operatorTimes`) and its collectives
    /// (`communication`), combined by `assumptions.overlap` (see `Overlap`): their sum (none), the two-batch
    /// schedule max(a, d) + max(e, d) + max(e, c) + max(a, c) of the MoE layer's halves (collectives other than
    /// dispatch and combine added), or their maximum (full). Dense layers have no dispatch or combine. Stage i
    /// takes t_i = its dense layers + its MoE layers + the embedding (first stage) and output head (last stage),
    /// plus the send to the next stage for all but the last. With p stages and m micro-batches:
    /// - prefill runs once through the pipeline: TTFT = Σ t_i + (m − 1) × max t_i, which is (m + p − 1) × t for
    ///   equal stages;
    /// - decode runs continuously, each micro-batch advancing one token per pass through all stages: a token
    ///   of a sequence takes max(m × max t_i, Σ t_i) — the busiest stage's work for all micro-batches, or one
    ///   micro-batch's trip through the pipeline if that is longer. This is TPOT; every sequence gains a token
    ///   in that time, so decode tokens/s = batch / TPOT.
    /// The busiest stage's work (m × max t_i) is split into compute, memory and exposed communication; the
    /// rest of the step is bubble.
    public func stepBreakdown(_ phase: Phase) -> StepBreakdown { stepBreakdown(phase, plan: DisplayPlan(self)) }

    /// `stepBreakdown(phase)`, describing `described`.
    func stepBreakdown(_ phase: Phase, plan described: DisplayPlan?) -> StepBreakdown {
        let operators = operatorTimes(phase)
        let plan = communication(for: phase, share: 1)
        let moe = layerTime(phase, operators: operators, plan: plan)
        let denseOperators = model.denseLayers > 0 ? operatorTimes(phase, layer: .dense) : []
        let dense = model.denseLayers > 0 ? denseLayerTime(denseOperators, plan: plan) : TimeBreakdown()
        let stages = parallelism.pp
        let m = Double(parallelism.microBatches)
        let layersPerStage = layout.layersPerStage
        let boundary = plan.boundaryTime
        var stageTimes: [TimeBreakdown] = []
        for stage in 0..<stages {
            let denseHere = min(layersPerStage, max(0, model.denseLayers - stage * layersPerStage))
            let denseWork: TimeBreakdown = dense * Double(denseHere)
            var t: TimeBreakdown = denseWork + moe * Double(layersPerStage - denseHere)
            for op in stepOperatorTimes(phase, stage: stage) {
                if op.bound == .memory { t.memory += op.time } else { t.compute += op.time }
            }
            if stage < stages - 1 { t.communication += boundary }
            stageTimes.append(t)
        }
        let busiest = stageTimes.indices.max { stageTimes[$0].total < stageTimes[$1].total } ?? 0
        let slowest = stageTimes[busiest].total
        let pipelineTrip = stageTimes.map(\.total).sum()
        let busiestWork: Seconds = slowest * m
        let step: Seconds = phase == .prefill ? pipelineTrip + slowest * (m - 1) : max(busiestWork, pipelineTrip)
        var total = stageTimes[busiest] * m
        total.bubble = max(.zero, step - total.total)
        return StepBreakdown(
            phase: phase, operators: operators, layerCommunication: plan.perLayerTime,
            boundaryCommunication: boundary, stageTime: slowest, stages: stages,
            microBatches: parallelism.microBatches, perLayer: moe * m, total: total, layer: moe,
            denseOperators: denseOperators, overlap: assumptions.overlap,
            layerCommunicationInFlight: assumptions.overlap == .twoBatch
                ? communication(for: phase, share: 0.5).perLayerTime * 2 : plan.perLayerTime,
            plan: described)
    }

    /// One MoE layer of one micro-batch: its operators' compute and memory time, and the communication left
    /// exposed under `assumptions.overlap`.
    private func layerTime(_ phase: Phase, operators: [OperatorTime], plan: CommunicationPlan) -> TimeBreakdown {
        var busy = TimeBreakdown(operators)
        let collectives = plan.perLayerTime
        switch assumptions.overlap {
        case .none:
            busy.communication = collectives
        case .full:
            busy.communication = max(.zero, collectives - busy.total)
        case .twoBatch:
            let half = operatorTimes(phase, share: 0.5)
            let halfPlan = communication(for: phase, share: 0.5)
            let split = half.firstIndex { $0.op == .expertGate || $0.op == .expertUp } ?? half.count
            let shared = half.filter { $0.op == .sharedExperts }.map(\.time).sum()
            let attentionSide = half[..<split].map(\.time).sum() + shared
            let expertSide = half[split...].filter { $0.op != .sharedExperts }.map(\.time).sum()
            let dispatch = halfPlan.first(.allToAll, "dispatch")?.time ?? .zero
            let combine = halfPlan.first(.allToAll, "combine")?.time ?? .zero
            let others = halfPlan.perLayerTime - dispatch - combine
            let slowdown = assumptions.dispatchKernels[phase] == .lowLatency
                ? 1 : 1 / (1 - assumptions.normalKernelSMShare)
            let layer = twoBatchLayerTime(
                attention: attentionSide.seconds, experts: expertSide.seconds, dispatch: dispatch.seconds,
                combine: combine.seconds, slowdown: slowdown) + 2 * others.seconds
            busy = TimeBreakdown(half) * 2
            busy.communication = max(.zero, Seconds(layer) - busy.total)
        }
        return busy
    }

    /// One dense layer of one micro-batch: its operators, and its collectives other than dispatch and combine
    /// (hidden behind compute only under full overlap).
    private func denseLayerTime(_ operators: [OperatorTime], plan: CommunicationPlan) -> TimeBreakdown {
        var busy = TimeBreakdown(operators)
        let ep = [plan.first(.allToAll, "dispatch"), plan.first(.allToAll, "combine")].compactMap { $0?.time }.sum()
        let collectives = plan.perLayerTime - ep
        busy.communication = assumptions.overlap == .full ? max(.zero, collectives - busy.total) : collectives
        return busy
    }
}
