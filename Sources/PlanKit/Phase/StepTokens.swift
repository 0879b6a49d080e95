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
    /// Probability that one expert receives at least one token in a micro-batch under uniform routing:
    /// 1 − (1 − topK / experts)^(tokens routed in the EP group). Expert weights are read only when it does.
    public let expertActivation: Double

    /// The counts of `phase` for `deployment`.
    public init(_ deployment: Deployment, phase: Phase) {
        let w = deployment.workload
        let p = deployment.parallelism
        let m = deployment.model
        self.phase = phase
        tokensPerSequence = phase == .prefill ? w.sequenceLength : 1
        globalTokens = w.batch * tokensPerSequence
        sequencesPerMicroBatch = deployment.sequencesPerReplica / p.microBatches
        attentionTokens = sequencesPerMicroBatch * tokensPerSequence
        let slice = p.attention == .tensorParallel ? Double(p.ep) : 1
        moeTokens = Double(attentionTokens) / slice
        routedRows = moeTokens * Double(m.topK)
        averageContext = phase == .prefill ? Double(w.sequenceLength + 1) / 2 : Double(w.sequenceLength)
        let pick = min(1, Double(m.topK) / Double(m.expertsPerLayer))
        let tokensInGroup = moeTokens * Double(p.ep)
        expertActivation = pick >= 1 ? 1 : 1 - unitPower(1 - pick, tokensInGroup)
    }

    public var description: String {
        "\(phase): \(attentionTokens) attention tokens and \(SIFormat.significant(routedRows)) routed rows per GPU "
            + "per layer and micro-batch"
    }
}

/// `base` raised to `exponent` for base in (0, 1] and exponent ≥ 0: e^(exponent · ln base), without Foundation.
func unitPower(_ base: Double, _ exponent: Double) -> Double {
    if base <= 0 { return exponent == 0 ? 1 : 0 }
    return naturalExp(exponent * naturalLog(base))
}

/// Natural logarithm of a positive finite x, by range reduction to [1, 2) and the atanh series.
func naturalLog(_ x: Double) -> Double {
    var mantissa = x
    var exponent = 0.0
    while mantissa >= 2 { mantissa /= 2; exponent += 1 }
    while mantissa < 1 { mantissa *= 2; exponent -= 1 }
    let z = (mantissa - 1) / (mantissa + 1)
    let z2 = z * z
    var term = z
    var sum = 0.0
    var n = 1.0
    while abs(term / n) > 1e-18 {
        sum += term / n
        term *= z2
        n += 2
    }
    return 2 * sum + exponent * 0.693_147_180_559_945_3
}

/// e^x, by halving x into [-0.5, 0.5], a Taylor series, and squaring back; underflows to 0 for x ≪ 0.
func naturalExp(_ x: Double) -> Double {
    if x < -745 { return 0 }
    var reduced = x
    var halvings = 0
    while abs(reduced) > 0.5 { reduced /= 2; halvings += 1 }
    var term = 1.0
    var sum = 1.0
    for n in 1...18 {
        term *= reduced / Double(n)
        sum += term
    }
    for _ in 0..<halvings { sum *= sum }
    return sum
}
