/// How many tokens one step of a phase puts on each GPU, per layer and per micro-batch.
///
/// Derived only from the workload and the parallel layout, so every figure (dimensions, communication, memory,
/// performance) counts the same tokens. Token counts are exact integers where the plan splits evenly; the
/// MoE share under tensor-parallel attention (replica tokens / ep) and routed rows are expectations and so `Double`.
public struct StepTokens: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The phase these counts describe.
    public let phase: Phase
    /// Tokens each sequence contributes to the step: `sequenceLength` in prefill, 1 in decode.
    public let tokensPerSequence: Int
    /// Tokens of the whole deployment in one step: batch × tokensPerSequence.
    public let globalTokens: Int
    /// Sequences one attention replica serves in one micro-batch: batch / (batchShards × microBatches).
    public let sequencesPerMicroBatch: Int
    /// Tokens one GPU's attention processes per layer and micro-batch: sequencesPerMicroBatch × tokensPerSequence.
    public let attentionTokens: Int
    /// Tokens one GPU routes into the MoE block per layer and micro-batch: `attentionTokens`, or
    /// attentionTokens / ep when attention is tensor-parallel across the EP group (each EP rank takes a slice).
    public let moeTokens: Double
    /// Routed rows (token copies) one GPU sends to experts, and, under uniform routing, the rows its experts
    /// receive: moeTokens × topK.
    public let routedRows: Double
    /// Keys each query attends to on average: (sequenceLength + 1) / 2 in causal prefill, sequenceLength in decode.
    public let averageContext: Double
    /// Probability that one expert slot receives at least one token in a micro-batch (or its share) under uniform
    /// routing: 1 − (1 − topK / slots)^(tokens routed in the EP group), with slots = experts + redundant replicas.
    /// Expert weights are read only when it does.
    public let expertActivation: Double
    /// The share of a micro-batch these counts cover (1; 0.5 for one half under two-batch overlap).
    public let share: Double
    /// attentionTokens × share.
    public let attentionTokenShare: Double
    /// sequencesPerMicroBatch × share.
    public let sequenceShare: Double

    /// The counts of `phase` for `deployment`, for `share` of each micro-batch (moeTokens, routedRows and the
    /// share fields scale with it; the whole-micro-batch integers do not).
    public init(_ deployment: Deployment, phase: Phase, share: Double = 1) {
        let w = deployment.workload
        let p = deployment.parallelism
        let m = deployment.model
        self.phase = phase
        tokensPerSequence = phase == .prefill ? w.sequenceLength : 1
        globalTokens = w.batch * tokensPerSequence
        sequencesPerMicroBatch = deployment.sequencesPerReplica / p.microBatches
        attentionTokens = sequencesPerMicroBatch * tokensPerSequence
        self.share = share
        attentionTokenShare = Double(attentionTokens) * share
        sequenceShare = Double(sequencesPerMicroBatch) * share
        let slice = p.attention == .tensorParallel ? Double(p.ep) : 1
        moeTokens = attentionTokenShare / slice
        routedRows = moeTokens * Double(m.topK)
        averageContext = phase == .prefill ? Double(w.sequenceLength + 1) / 2 : Double(w.sequenceLength)
        let pick = min(1, Double(m.topK) / Double(m.expertsPerLayer + p.redundantExperts))
        let tokensInGroup = moeTokens * Double(p.ep)
        expertActivation = pick >= 1 ? 1 : 1 - DeterministicMath.pow(1 - pick, tokensInGroup)
    }

    public var description: String {
        "\(phase): \(attentionTokens) attention tokens and \(SIFormat.significant(routedRows)) routed rows per GPU "
            + "per layer and micro-batch"
    }
}
