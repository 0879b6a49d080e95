extension MoEModel {
    /// FLOPs of the weight GEMMs one token runs through every layer: 2 FLOPs (a multiply-add) per active parameter,
    /// embedding and output head left out (the embedding is a lookup; the head runs once per sequence and step,
    /// see `headFLOPs`). Absorbed latent attention in decode costs the same (see `attentionParametersPerLayer`).
    public var layerGEMMFLOPsPerToken: Double { 2 * Double(activeParametersPerToken - embeddingParameters) }

    /// FLOPs of the output head for one token that needs logits: 2 × vocabulary × hidden. Serving computes logits
    /// only where a token is sampled: once per sequence in prefill (its last prompt token) and in decode.
    public var headFLOPs: Double { 2 * Double(vocabulary) * Double(hidden) }

    /// Core-attention FLOPs of one token attending to `context` keys in every layer: layers × context ×
    /// `attentionFLOPsPerKey(phase)`.
    public func attentionFLOPsPerToken(context: Double, _ phase: Phase) -> Double {
        Double(layers) * context * attentionFLOPsPerKey(phase)
    }

    /// FLOPs to process one token that attends to `contextLength` earlier tokens and is sampled (decode):
    /// layer GEMMs + output head + core attention.
    public func flopsPerToken(contextLength: Int) -> FLOPs {
        FLOPs(layerGEMMFLOPsPerToken + headFLOPs + attentionFLOPsPerToken(context: Double(contextLength), .decode))
    }
}
