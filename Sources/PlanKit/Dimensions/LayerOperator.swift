/// One operator of a transformer layer with an MoE block, in execution order.
///
/// The layer is pre-norm: norm → QKV → attention → output projection → residual add → norm → router →
/// dispatch → expert (gate,) up and down projections → shared experts → combine → residual add.
public enum LayerOperator: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case attentionNorm = "attention norm"
    case qkvProjection = "QKV projection"
    case attention = "attention"
    case outputProjection = "output projection"
    case attentionResidual = "residual add (attention)"
    case moeNorm = "MoE norm"
    case router = "router"
    case dispatch = "dispatch"
    case expertGate = "expert gate projection"
    case expertUp = "expert up projection"
    case expertDown = "expert down projection"
    case sharedExperts = "shared experts"
    case combine = "combine"
    case moeResidual = "residual add (MoE)"
    /// A dense layer's FFN in place of router, experts and combine.
    case denseFFN = "dense FFN"
    /// The token-embedding lookup, once per step on the first stage.
    case embedding = "embedding lookup"
    /// The output head (logits of the sampled tokens), once per step on the last stage.
    case outputHead = "output head"

    public var description: String { rawValue }

    /// The operators of an MoE layer of `model`: the gate projection only when its experts are gated, shared
    /// experts only when it has some (no dense FFN, embedding or head).
    public static func operators(of model: MoEModel) -> [LayerOperator] {
        allCases.filter { op in
            switch op {
            case .expertGate: model.gatedFFN
            case .sharedExperts: model.sharedExperts > 0
            case .denseFFN, .embedding, .outputHead: false
            default: true
            }
        }
    }
}
