/// The most prompt tokens per second a cluster can prefill for a model, if every GPU did nothing but the model's
/// arithmetic at a chosen share of its peak FLOP/s.
///
/// A ceiling, not an estimate: communication, memory traffic, pipeline bubbles and load imbalance are left out, so
/// no deployment of this model on this cluster prefills faster. It counts exactly the FLOPs the estimate's operators
/// count, each at its format's peak: per prompt token the layer GEMMs (2 × active parameters without embedding and
/// head, at the weights' peak), core attention at the average causal context (s + 1) / 2 (`attentionFLOPsPerKey`,
/// at the attention format's peak), and the output head once per prompt (2 × vocabulary × hidden / s). The
/// embedding is a lookup: no FLOPs.
///
/// Guarantees: `tokensPerSecond` = 1 / (gemm / gemmRate + attention / attentionRate); `minimumTTFT` = prompt
/// tokens / tokensPerSecond.
public struct PrefillComputeCeiling: Hashable, Codable, Sendable, CustomStringConvertible {
    /// GEMM FLOPs per prompt token (layers and the head's share).
    public var gemmFLOPsPerToken: FLOPs
    /// Core-attention FLOPs per prompt token.
    public var attentionFLOPsPerToken: FLOPs
    /// All GPUs' GEMM FLOP/s at `computeShare` of the weights format's peak.
    public var gemmRate: Rate
    /// All GPUs' attention FLOP/s at `computeShare` of the attention format's peak.
    public var attentionRate: Rate
    /// The share of peak FLOP/s assumed (1 = datasheet peak).
    public var computeShare: Double
    /// Prompt tokens in one prefill step: batch × sequenceLength.
    public var promptTokens: Int

    public init(gemmFLOPsPerToken: FLOPs, attentionFLOPsPerToken: FLOPs, gemmRate: Rate, attentionRate: Rate,
                computeShare: Double, promptTokens: Int) {
        self.gemmFLOPsPerToken = gemmFLOPsPerToken
        self.attentionFLOPsPerToken = attentionFLOPsPerToken
        self.gemmRate = gemmRate
        self.attentionRate = attentionRate
        self.computeShare = computeShare
        self.promptTokens = promptTokens
    }

    /// All FLOPs per prompt token.
    public var flopsPerToken: FLOPs { gemmFLOPsPerToken + attentionFLOPsPerToken }
    /// The cluster's effective rate on this mix: flopsPerToken × tokensPerSecond.
    public var clusterRate: Rate { .flopsPerSecond(flopsPerToken.flops * tokensPerSecond.perSecond) }
    /// The ceiling on prefill throughput: 1 / (gemm / gemmRate + attention / attentionRate).
    public var tokensPerSecond: Rate {
        .tokensPerSecond(1 / (gemmFLOPsPerToken.flops / gemmRate.perSecond
            + attentionFLOPsPerToken.flops / attentionRate.perSecond))
    }
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
        let f = workload.precisions
        let s = Double(workload.sequenceLength)
        let context = (s + 1) / 2
        let gemm = m.layerGEMMFLOPsPerToken + m.headFLOPs / s
        let attention = m.attentionFLOPsPerToken(context: context, .prefill)
        let gpus = Double(cluster.gpuCount)
        return PrefillComputeCeiling(
            gemmFLOPsPerToken: FLOPs(gemm), attentionFLOPsPerToken: FLOPs(attention),
            gemmRate: .flopsPerSecond(gpus * cluster.gpu.peakFLOPS(for: f.weights) * computeShare),
            attentionRate: .flopsPerSecond(gpus * cluster.gpu.peakFLOPS(for: f.attention) * computeShare),
            computeShare: computeShare, promptTokens: workload.prefillTokens)
    }
}
