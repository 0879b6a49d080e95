/// Prefill and decode speed of a deployment, each with its breakdown.
///
/// Guarantees: prefill tokensPerSecond = batch × sequenceLength / ttft; decode tokensPerSecond = batch / tpot.
public struct PerformanceEstimate: Hashable, Codable, Sendable, CustomStringConvertible {
    public var prefill: PrefillEstimate
    public var decode: DecodeEstimate
    /// The deployment estimated.
    public var plan: DisplayPlan?

    public var description: String { "\(prefill); \(decode)" }

    /// "Performance".
    public var title: String? { "Performance" }
    /// Column titles of `rows`.
    public var header: [String] { ["phase", "latency", "tokens/s"] + TimeBreakdown.header }
    /// One row per phase: its latency, throughput and total breakdown.
    public var cells: [[DisplayCell]] {
        [["prefill (TTFT)", prefill.ttft.cell, prefill.tokensPerSecond.cell] + prefill.breakdown.total.cells,
         ["decode (TPOT)", decode.tpot.cell, decode.tokensPerSecond.cell] + decode.breakdown.total.cells]
    }

    /// The figures, without the plan (which a download names once, at the top).
    enum CodingKeys: String, CodingKey { case prefill, decode }
}

/// How fast a deployment turns `batch` prompts into first tokens.
public struct PrefillEstimate: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Time to first token: the prefill step from start to last micro-batch out of the last stage.
    public var ttft: Seconds
    /// Prompt tokens processed per second: batch × sequenceLength / ttft.
    public var tokensPerSecond: Rate
    public var breakdown: StepBreakdown

    public var description: String { "prefill: TTFT \(ttft), \(tokensPerSecond)" }
}

/// How fast a deployment produces output tokens once every sequence has its KV cache.
public struct DecodeEstimate: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Time per output token: the time for every sequence to advance by one token.
    public var tpot: Seconds
    /// Output tokens per second over the whole batch: batch / tpot.
    public var tokensPerSecond: Rate
    public var breakdown: StepBreakdown

    public var description: String { "decode: TPOT \(tpot), \(tokensPerSecond)" }
}
