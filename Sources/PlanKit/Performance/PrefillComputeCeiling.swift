/// The most prompt tokens per second a cluster can prefill for a model, if every GPU did nothing but the model's
/// arithmetic at a chosen share of its peak FLOP/s.
///
/// A ceiling, not an estimate: communication, memory traffic, pipeline bubbles and load imbalance are left out, so
/// no deployment of this model on this cluster prefills faster. FLOPs per prompt token = 2 × active parameters +
/// 4 × layers × hidden × average context, with average context (s + 1) / 2 under causal attention (the same count
/// `MoEModel.flopsPerToken` and `Deployment.operatorTimes` use).
///
/// Guarantees: `tokensPerSecond` = clusterRate / flopsPerToken; `minimumTTFT` = prompt tokens / tokensPerSecond.
public struct PrefillComputeCeiling: Hashable, Codable, Sendable, CustomStringConvertible {
    /// FLOPs to prefill one prompt token at the workload's average causal context.
    public var flopsPerToken: FLOPs
    /// All GPUs' FLOP/s together at `computeShare` of peak for the workload's precision.
    public var clusterRate: Rate
    /// The share of peak FLOP/s assumed (1 = datasheet peak).
    public var computeShare: Double
    /// Prompt tokens in one prefill step: batch × sequenceLength.
    public var promptTokens: Int

    public init(flopsPerToken: FLOPs, clusterRate: Rate, computeShare: Double, promptTokens: Int) {
        self.flopsPerToken = flopsPerToken
        self.clusterRate = clusterRate
        self.computeShare = computeShare
        self.promptTokens = promptTokens
    }

    /// The ceiling on prefill throughput: clusterRate / flopsPerToken.
    public var tokensPerSecond: Rate { .tokensPerSecond(clusterRate.perSecond / flopsPerToken.flops) }
    /// The floor on time to first token for the whole batch: promptTokens / tokensPerSecond.
    public var minimumTTFT: Seconds { Seconds(Double(promptTokens) / tokensPerSecond.perSecond) }

    public var description: String {
        "prefill ceiling at \(clusterRate): \(flopsPerToken) per token → ≤ \(tokensPerSecond), TTFT ≥ \(minimumTTFT)"
    }
}

extension Deployment {
    /// The compute ceiling on prefill throughput for this deployment's model, workload and cluster at
    /// `computeShare` of peak (1 = datasheet peak; `assumptions.computeEfficiency` = what PlanKit's estimate uses).
    public func prefillComputeCeiling(computeShare: Double = 1) -> PrefillComputeCeiling {
        let m = model
        let context = Double(workload.sequenceLength + 1) / 2
        let flops = 2 * Double(m.activeParametersPerToken) + 4 * Double(m.layers) * Double(m.hidden) * context
        let rate = Double(cluster.gpuCount) * cluster.gpu.peakFLOPS(for: workload.precision) * computeShare
        return PrefillComputeCeiling(
            flopsPerToken: FLOPs(flops), clusterRate: .flopsPerSecond(rate), computeShare: computeShare,
            promptTokens: workload.prefillTokens)
    }
}
