/// How a layer's attention projects and caches keys and values.
///
/// Standard attention caches K and V of `kvHeads` heads per token (MHA when kvHeads = heads, GQA below that);
/// multi-head latent attention (MLA, DeepSeek-V2/V3) caches one compressed latent and one shared RoPE key per token
/// and expands them per head, so its cache is small and is not split by tensor parallelism.
public enum AttentionKind: Hashable, Codable, Sendable, CustomStringConvertible {
    /// MHA or GQA: Q of heads × headDimension, K and V of kvHeads × headDimension.
    case standard
    /// MLA with the given ranks and head dimensions.
    case latent(LatentAttention)

    public var description: String {
        switch self {
        case .standard: "standard (MHA/GQA)"
        case .latent(let l): "latent (MLA, KV rank \(l.kvRank) + RoPE \(l.ropeHeadDimension))"
        }
    }
}

/// The shape of multi-head latent attention (DeepSeek-V2 §2.1, DeepSeek-V3 §2.1.1).
///
/// Queries: hidden → queryRank (W_DQ) → heads × (nope + rope) (W_UQ, W_QR); keys and values: hidden → kvRank + rope
/// (W_DKV, W_KR), the latent expanded per head to nope (K) and value (V) dimensions (W_UK, W_UV); output: heads ×
/// value → hidden. Per token and layer the cache holds kvRank + rope elements.
public struct LatentAttention: Hashable, Codable, Sendable {
    /// Rank of the query compression (q_lora_rank); 0 projects queries directly from hidden.
    public var queryRank: Int
    /// Rank of the key–value latent (kv_lora_rank).
    public var kvRank: Int
    /// Per-head query/key dimension without rotary embedding (qk_nope_head_dim).
    public var nopeHeadDimension: Int
    /// Per-head query/key dimension with rotary embedding, the key's part shared by all heads (qk_rope_head_dim).
    public var ropeHeadDimension: Int
    /// Per-head value dimension (v_head_dim).
    public var valueHeadDimension: Int

    public init(queryRank: Int, kvRank: Int, nopeHeadDimension: Int, ropeHeadDimension: Int, valueHeadDimension: Int) {
        self.queryRank = queryRank
        self.kvRank = kvRank
        self.nopeHeadDimension = nopeHeadDimension
        self.ropeHeadDimension = ropeHeadDimension
        self.valueHeadDimension = valueHeadDimension
    }

    /// DeepSeek-V3's MLA: q_lora_rank 1536, kv_lora_rank 512, qk_nope_head_dim 128, qk_rope_head_dim 64,
    /// v_head_dim 128 (deepseek-ai/DeepSeek-V3 config.json; technical report §4.2).
    public static let deepSeekV3 = LatentAttention(
        queryRank: 1536, kvRank: 512, nopeHeadDimension: 128, ropeHeadDimension: 64, valueHeadDimension: 128)
}
