/// A decoder-only Mixture-of-Experts transformer: its shape, from which parameter counts and FLOPs follow.
///
/// Every layer has one attention block (multi-head or grouped-query) and one MoE block of
/// `expertsPerLayer` routed experts (of which each token visits `topK`) plus `sharedExperts` always-on experts.
/// Norm weights and biases are ignored in counts (they are < 0.01 % of parameters).
public struct MoEModel: Hashable, Codable, Sendable {
    /// Number of transformer layers, every one with an MoE block.
    public var layers: Int
    /// Routed experts in each layer.
    public var expertsPerLayer: Int
    /// Model (token) dimension d.
    public var hidden: Int
    /// Inner dimension of each expert's feed-forward network; default 4 × hidden.
    public var expertFFN: Int
    /// Experts each token is routed to; default 2.
    public var topK: Int
    /// Query heads; default hidden / 128.
    public var attentionHeads: Int
    /// Key/value heads (equal to `attentionHeads` for multi-head attention); default `attentionHeads`.
    public var kvHeads: Int
    /// Whether each expert has a gate projection (SwiGLU: three matrices) rather than two; default false.
    public var gatedFFN: Bool
    /// Experts every token visits besides the routed ones; default 0.
    public var sharedExperts: Int
    /// Vocabulary size for embedding and output head (0 leaves them out); default 0.
    public var vocabulary: Int

    public init(
        layers: Int, expertsPerLayer: Int, hidden: Int,
        expertFFN: Int? = nil, topK: Int = 2, attentionHeads: Int? = nil, kvHeads: Int? = nil,
        gatedFFN: Bool = false, sharedExperts: Int = 0, vocabulary: Int = 0
    ) {
        self.layers = layers
        self.expertsPerLayer = expertsPerLayer
        self.hidden = hidden
        self.expertFFN = expertFFN ?? 4 * hidden
        self.topK = topK
        let heads = attentionHeads ?? max(1, hidden / 128)
        self.attentionHeads = heads
        self.kvHeads = kvHeads ?? heads
        self.gatedFFN = gatedFFN
        self.sharedExperts = sharedExperts
        self.vocabulary = vocabulary
    }

    /// Dimension of one attention head: hidden / attentionHeads.
    public var headDimension: Int { hidden / attentionHeads }
    /// Width of the K (and of the V) projection: kvHeads × headDimension.
    public var kvDimension: Int { kvHeads * headDimension }
    /// Matrices per expert: 3 when gated (gate, up, down), else 2 (up, down).
    public var matricesPerExpert: Int { gatedFFN ? 3 : 2 }

    /// Parameters of one expert: matricesPerExpert × hidden × expertFFN.
    public var parametersPerExpert: Int { matricesPerExpert * hidden * expertFFN }
    /// Attention parameters of one layer: Q and O are d×d, K and V are d×kvDimension.
    public var attentionParametersPerLayer: Int { 2 * hidden * hidden + 2 * hidden * kvDimension }
    /// Router parameters of one layer: hidden × expertsPerLayer.
    public var routerParametersPerLayer: Int { hidden * expertsPerLayer }
    /// Embedding plus output head: 2 × vocabulary × hidden (0 when vocabulary is 0).
    public var embeddingParameters: Int { 2 * vocabulary * hidden }

    /// All parameters: per layer attention + router + (routed + shared) experts, plus embeddings.
    public var parameterCount: Int {
        layers * (attentionParametersPerLayer + routerParametersPerLayer
            + (expertsPerLayer + sharedExperts) * parametersPerExpert) + embeddingParameters
    }

    /// Parameters one token touches: attention, router and (topK + shared) experts in every layer, plus embeddings.
    public var activeParametersPerToken: Int {
        layers * (attentionParametersPerLayer + routerParametersPerLayer
            + (topK + sharedExperts) * parametersPerExpert) + embeddingParameters
    }
}
