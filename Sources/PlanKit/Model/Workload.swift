/// What the deployment serves: `batch` sequences of `sequenceLength` tokens in a given precision.
///
/// Prefill processes `batch` prompts of `sequenceLength` tokens each; decode produces one token for each of the
/// `batch` sequences with a KV cache of `sequenceLength` tokens.
public struct Workload: Hashable, Codable, Sendable {
    /// Sequences served at once.
    public var batch: Int
    /// Tokens per sequence: the prompt length in prefill and the KV-cache length in decode.
    public var sequenceLength: Int
    /// Number format of weights, activations and KV cache.
    public var precision: Precision

    public init(batch: Int, sequenceLength: Int, precision: Precision = .bf16) {
        self.batch = batch
        self.sequenceLength = sequenceLength
        self.precision = precision
    }

    /// Tokens in one prefill step: batch × sequenceLength.
    public var prefillTokens: Int { batch * sequenceLength }
}
