/// The two phases of serving: prefill (prompts in, first token out) and decode (one token per sequence per step).
///
/// Every phase-dependent figure (dimensions, communication, performance) takes a `Phase`; memory is sized for
/// both at once (the KV cache of decode, the activations of prefill).
public enum Phase: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// `batch` prompts of `sequenceLength` tokens each, processed in one step with causal attention.
    case prefill
    /// One new token for each of `batch` sequences, each attending to a KV cache of `sequenceLength` tokens.
    case decode

    public var description: String { rawValue }
}
