/// A decoder-only Mixture-of-Experts transformer: its shape, from which parameter counts and FLOPs follow.
///
/// Every layer has one attention block — multi-head or grouped-query (`AttentionKind.standard`) or multi-head
/// latent attention (`.latent`, DeepSeek's MLA) — and a feed-forward block: the first `denseLayers` layers a dense
/// FFN of width `denseFFN`, every other layer an MoE block of `expertsPerLayer` routed experts (of which each token
/// visits `topK`) plus `sharedExperts` always-on experts of the same width. Norm weights and biases are ignored in
/// counts (they are < 0.01 % of parameters). Presets with their published configurations: `.deepSeekV3`,
/// `.mixtral8x7B`, `.qwen3_235B`.
public struct MoEModel: Hashable, Codable, Sendable {
    /// Number of transformer layers (dense and MoE).
    public var layers: Int
    /// Routed experts in each MoE layer.
    public var expertsPerLayer: Int
    /// Model (token) dimension d.
    public var hidden: Int
    /// Inner dimension of each expert's feed-forward network; default 4 × hidden.
    public var expertFFN: Int
    /// Experts each token is routed to; default 2.
    public var topK: Int
    /// Query heads; default hidden / 128.
    public var attentionHeads: Int
    /// Key/value heads (equal to `attentionHeads` for multi-head attention); default `attentionHeads`. For latent
    /// attention it is the number of heads the latent is expanded to (as `attentionHeads`).
    public var kvHeads: Int
    /// Dimension of one attention head; default hidden / attentionHeads (Qwen3 decouples it: 64 heads of 128 on a
    /// hidden size of 4096).
    public var headDimension: Int
    /// How attention projects and caches keys and values; default `.standard` (MHA or GQA by `kvHeads`).
    public var attention: AttentionKind
    /// Whether each expert has a gate projection (SwiGLU: three matrices) rather than two; default false.
    public var gatedFFN: Bool
    /// Experts every token visits besides the routed ones (same width as a routed expert); default 0.
    public var sharedExperts: Int
    /// Vocabulary size for embedding and output head (0 leaves them out); default 0.
    public var vocabulary: Int
    /// Leading layers whose feed-forward block is one dense FFN instead of experts (DeepSeek-V3: 3); default 0.
    public var denseLayers: Int
    /// Inner dimension of a dense layer's FFN; default `expertFFN`.
    public var denseFFN: Int

    public init(
        layers: Int, expertsPerLayer: Int, hidden: Int,
        expertFFN: Int? = nil, topK: Int = 2, attentionHeads: Int? = nil, kvHeads: Int? = nil,
        headDimension: Int? = nil, attention: AttentionKind = .standard,
        gatedFFN: Bool = false, sharedExperts: Int = 0, vocabulary: Int = 0,
        denseLayers: Int = 0, denseFFN: Int? = nil
    ) {
        self.layers = layers
        self.expertsPerLayer = expertsPerLayer
        self.hidden = hidden
        self.expertFFN = expertFFN ?? 4 * hidden
        self.topK = topK
        let heads = attentionHeads ?? max(1, hidden / 128)
        self.attentionHeads = heads
        self.kvHeads = kvHeads ?? heads
        self.headDimension = headDimension ?? max(1, hidden / heads)
        self.attention = attention
        self.gatedFFN = gatedFFN
        self.sharedExperts = sharedExperts
        self.vocabulary = vocabulary
        self.denseLayers = denseLayers
        self.denseFFN = denseFFN ?? self.expertFFN
    }

    /// Layers with an MoE block: layers − denseLayers.
    public var moeLayers: Int { layers - denseLayers }
    /// Width of the K (and of the V) projection of standard attention: kvHeads × headDimension.
    public var kvDimension: Int { kvHeads * headDimension }
    /// Matrices per expert (and per dense FFN): 3 when gated (gate, up, down), else 2 (up, down).
    public var matricesPerExpert: Int { gatedFFN ? 3 : 2 }

    /// Parameters of one expert: matricesPerExpert × hidden × expertFFN.
    public var parametersPerExpert: Int { matricesPerExpert * hidden * expertFFN }
    /// Parameters of one dense layer's FFN: matricesPerExpert × hidden × denseFFN.
    public var denseFFNParameters: Int { matricesPerExpert * hidden * denseFFN }
    /// Router parameters of one MoE layer: hidden × expertsPerLayer.
    public var routerParametersPerLayer: Int { hidden * expertsPerLayer }
    /// Embedding plus output head: 2 × vocabulary × hidden (0 when vocabulary is 0).
    public var embeddingParameters: Int { 2 * vocabulary * hidden }

    /// All parameters: attention in every layer, router and (routed + shared) experts in MoE layers, the dense FFN
    /// in dense layers, plus embedding and head.
    public var parameterCount: Int {
        layers * attentionParametersPerLayer
            + moeLayers * (routerParametersPerLayer + (expertsPerLayer + sharedExperts) * parametersPerExpert)
            + denseLayers * denseFFNParameters + embeddingParameters
    }

    /// Parameters one token touches: attention in every layer, router and (topK + shared) experts in MoE layers,
    /// the dense FFN in dense layers, plus embedding and head.
    public var activeParametersPerToken: Int {
        layers * attentionParametersPerLayer
            + moeLayers * (routerParametersPerLayer + (topK + sharedExperts) * parametersPerExpert)
            + denseLayers * denseFFNParameters + embeddingParameters
    }
}
