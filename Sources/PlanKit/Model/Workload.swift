/// What the deployment serves: `batch` sequences of `sequenceLength` tokens, with the number format of each tensor.
///
/// Prefill processes `batch` prompts of `sequenceLength` tokens each; decode produces one token for each of the
/// `batch` sequences with a KV cache of `sequenceLength` tokens.
public struct Workload: Hashable, Codable, Sendable {
    /// Sequences served at once.
    public var batch: Int
    /// Tokens per sequence: the prompt length in prefill and the KV-cache length in decode.
    public var sequenceLength: Int
    /// The format of every tensor (`precisions.weights` for weights and GEMMs, and so on).
    public var precisions: TensorPrecisions

    /// One format for every tensor.
    public init(batch: Int, sequenceLength: Int, precision: Precision = .bf16) {
        self.init(batch: batch, sequenceLength: sequenceLength, precisions: TensorPrecisions(precision))
    }

    /// A format per kind of tensor.
    public init(batch: Int, sequenceLength: Int, precisions: TensorPrecisions) {
        self.batch = batch
        self.sequenceLength = sequenceLength
        self.precisions = precisions
    }

    /// The weights' format, which the summary of a plan names (`precisions.weights`); setting it sets all formats.
    public var precision: Precision {
        get { precisions.weights }
        set { precisions = TensorPrecisions(newValue) }
    }

    /// Tokens in one prefill step: batch × sequenceLength.
    public var prefillTokens: Int { batch * sequenceLength }
}
