/// How a simulated router spreads tokens over one layer's experts: evenly, skewed by a Zipf law, or as given counts.
///
/// `.uniform` and `.zipf(s)` are sampled (seeded, see `RoutingSimulation`); `.counts` is used as is for every layer.
public enum RoutingDistribution: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Every expert equally likely.
    case uniform
    /// The expert of popularity rank r (1-based) has weight ∝ 1 / rˢ; s = 0 is uniform, larger s is more skewed.
    /// Which expert holds which rank is a seeded permutation per layer, so the hot expert differs between layers.
    case zipf(Double)
    /// Tokens per expert, given directly (index = expert); used for every layer, missing experts count 0.
    case counts([Int])

    public var description: String {
        switch self {
        case .uniform: "uniform"
        case .zipf(let exponent): "Zipf(s = \(SIFormat.significant(exponent)))"
        case .counts(let counts): "given counts (\(counts.count) experts)"
        }
    }

    /// Whether tokens are drawn at random (`.uniform`, `.zipf`) rather than given.
    public var isSampled: Bool {
        if case .counts = self { return false }
        return true
    }

    /// Sampling weight of popularity rank `rank` (0-based): 1 for uniform, 1 / (rank + 1)ˢ for Zipf.
    func weight(ofRank rank: Int) -> Double {
        switch self {
        case .zipf(let exponent) where exponent.isFinite && exponent != 0:
            DeterministicMath.pow(Double(rank + 1), -exponent)
        default: 1
        }
    }
}
