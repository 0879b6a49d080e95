/// The number format of each kind of tensor a deployment moves or multiplies.
///
/// Serving systems mix formats: DeepSeek-V3 runs GEMMs and dispatch in FP8, core attention (MLA), its KV cache and
/// the combine in BF16 (deepseek-ai/open-infra-index, 202502OpenSourceWeek day 6, "Statistics of DeepSeek's Online
/// Service"). `TensorPrecisions(.bf16)` uses one format for all.
public struct TensorPrecisions: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Stored weights and the GEMMs on them (attention projections, router, experts, dense FFN, head): their bytes
    /// in HBM and the tensor-core peak their FLOPs run at.
    public var weights: Precision
    /// Activations between operators (residual stream, norms, expert inputs and outputs in HBM).
    public var activations: Precision
    /// The KV cache (or the MLA latent cache).
    public var kvCache: Precision
    /// The operands of core attention (QKᵀ and AV): the peak its FLOPs run at.
    public var attention: Precision
    /// Tokens sent to experts (FP8 adds one FP32 scale per 128 elements on the wire).
    public var dispatch: Precision
    /// Expert outputs sent back.
    public var combine: Precision

    public init(weights: Precision, activations: Precision, kvCache: Precision, attention: Precision,
                dispatch: Precision, combine: Precision) {
        self.weights = weights
        self.activations = activations
        self.kvCache = kvCache
        self.attention = attention
        self.dispatch = dispatch
        self.combine = combine
    }

    /// One format for every tensor.
    public init(_ precision: Precision) {
        self.init(weights: precision, activations: precision, kvCache: precision, attention: precision,
                  dispatch: precision, combine: precision)
    }

    /// DeepSeek-V3/R1's online service: FP8 weights, GEMMs and dispatch; BF16 activations, MLA, KV cache and
    /// combine (open-infra-index, day 6).
    public static let deepSeekV3 = TensorPrecisions(
        weights: .fp8, activations: .bf16, kvCache: .bf16, attention: .bf16, dispatch: .fp8, combine: .bf16)

    public var description: String {
        let all = [weights, activations, kvCache, attention, dispatch, combine]
        if Set(all).count == 1 { return weights.description }
        return "weights \(weights), activations \(activations), KV \(kvCache), attention \(attention), "
            + "dispatch \(dispatch), combine \(combine)"
    }
}
