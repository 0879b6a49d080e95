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

    public var description: String { rawValue }

    /// The operators `model` has: the gate projection only when its experts are gated, shared experts only
    /// when it has some.
    public static func operators(of model: MoEModel) -> [LayerOperator] {
        allCases.filter { op in
            switch op {
            case .expertGate: model.gatedFFN
            case .sharedExperts: model.sharedExperts > 0
            default: true
            }
        }
    }
}
