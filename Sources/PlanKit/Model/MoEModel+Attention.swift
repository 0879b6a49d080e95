extension MoEModel {
    /// Attention parameters of one layer.
    ///
    /// Standard: Q and O are hidden × heads·headDimension, K and V hidden × kvDimension. Latent (MLA): W_DQ
    /// hidden·queryRank and W_UQ/W_QR queryRank·heads·(nope + rope) (hidden·heads·(nope + rope) without query
    /// compression), W_DKV/W_KR hidden·(kvRank + rope), W_UK/W_UV kvRank·heads·(nope + value), W_O heads·value·hidden.
    public var attentionParametersPerLayer: Int {
        switch attention {
        case .standard:
            return 2 * hidden * attentionHeads * headDimension + 2 * hidden * kvDimension
        case .latent(let l):
            let queryWidth = attentionHeads * (l.nopeHeadDimension + l.ropeHeadDimension)
            let query = l.queryRank > 0 ? hidden * l.queryRank + l.queryRank * queryWidth : hidden * queryWidth
            let kv = hidden * (l.kvRank + l.ropeHeadDimension)
                + l.kvRank * attentionHeads * (l.nopeHeadDimension + l.valueHeadDimension)
            return query + kv + attentionHeads * l.valueHeadDimension * hidden
        }
    }

    /// Elements one token adds to one layer's KV cache: 2 × kvDimension (K and V), or kvRank + rope for latent
    /// attention (DeepSeek-V3: 512 + 64 = 576, against 2 × 128 × 128 = 32,768 for MHA with its 128 heads).
    public var kvElementsPerToken: Int {
        switch attention {
        case .standard: 2 * kvDimension
        case .latent(let l): l.kvRank + l.ropeHeadDimension
        }
    }

    /// Whether each tensor-parallel rank of attention holds a slice of the KV cache (standard: the KV heads are
    /// split) rather than all of it (latent: every head needs the whole latent, so each rank keeps a copy).
    public var kvCacheSplitsByTensorParallel: Bool { attention == .standard }

    /// FLOPs of one query token against one cached key in one layer's core attention (scores, then weighted values).
    ///
    /// Standard: 2·heads·headDimension for QKᵀ and as much for AV. Latent in prefill (keys and values expanded per
    /// head, as FlashAttention-style prefill kernels run it): 2·heads·(nope + rope) + 2·heads·value. Latent in
    /// decode (W_UK and W_UV absorbed, each head attends to the latent itself, as FlashMLA runs it):
    /// 2·heads·(kvRank + rope) + 2·heads·kvRank.
    public func attentionFLOPsPerKey(_ phase: Phase) -> Double {
        let h = Double(attentionHeads)
        switch attention {
        case .standard:
            return 4 * h * Double(headDimension)
        case .latent(let l):
            let rope = Double(l.ropeHeadDimension)
            return phase == .prefill
                ? 2 * h * (Double(l.nopeHeadDimension) + rope) + 2 * h * Double(l.valueHeadDimension)
                : 2 * h * (Double(l.kvRank) + rope) + 2 * h * Double(l.kvRank)
        }
    }

    /// Elements one token's attention projections write in one layer: queries, keys and values ((heads + 2 ×
    /// kvHeads) × headDimension), or for latent attention the queries (heads × (nope + rope)) and the latent.
    public var attentionProjectionWidth: Int {
        switch attention {
        case .standard: (attentionHeads + 2 * kvHeads) * headDimension
        case .latent(let l): attentionHeads * (l.nopeHeadDimension + l.ropeHeadDimension) + kvElementsPerToken
        }
    }

    /// Width of the attention output that enters the output projection: heads × headDimension (or × value).
    public var attentionOutputWidth: Int {
        switch attention {
        case .standard: attentionHeads * headDimension
        case .latent(let l): attentionHeads * l.valueHeadDimension
        }
    }
}
