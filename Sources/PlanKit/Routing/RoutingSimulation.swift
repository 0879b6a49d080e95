/// A simulated router: how many tokens each expert of every layer receives when `tokens` tokens each pick `topK`
/// distinct experts from a distribution.
///
/// Guarantees:
/// - Reproducible: the counts depend only on (model, tokens, distribution, seed), drawn from PlanKit's own
///   `SplitMix64` with platform-independent arithmetic, so every platform and run gives the same numbers.
/// - Layers are independent streams (`SplitMix64.stream(layer, of: seed)`): adding tokens or layers never changes
///   how an earlier layer's Zipf ranks are permuted.
/// - Conservation: for sampled distributions every layer's counts sum to tokens × min(topK, experts).
/// - Zipf ranks: in each layer a Fisher–Yates shuffle drawn first from that layer's stream decides which expert
///   has popularity rank 1, 2, …; `ranking(layer:)` tells. Then each token draws its experts without replacement.
///
/// Cost is about layers × tokens × topK draws: 41 M for a 16-layer top-2 prefill of 1.28 M tokens.
public struct RoutingSimulation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The model whose layers and experts are routed to.
    public let model: MoEModel
    /// Tokens entering each MoE layer (the whole step, all replicas together).
    public let tokens: Int
    /// How tokens choose experts.
    public let distribution: RoutingDistribution
    /// The seed of the random streams (ignored by `.counts`).
    public let seed: UInt64
    /// Tokens received by each expert: `expertCounts[layer][expert]`.
    public let expertCounts: [[Int]]
    /// For Zipf, the expert holding each popularity rank per layer: `rankings[layer][0]` is the hottest expert.
    /// For uniform and given counts, the identity order.
    public let rankings: [[Int]]

    /// Simulates routing `tokens` tokens through every layer of `model` (or recalls the simulation from
    /// `RoutingMemo.shared`, where Planbook's runtime remembers them between runs: the same counts).
    public init(model: MoEModel, tokens: Int, distribution: RoutingDistribution, seed: UInt64 = 0) {
        self.init(model: model, tokens: tokens, distribution: distribution, seed: seed, memo: RoutingMemo.shared)
    }

    /// Simulates routing, recalling the counts from `memo` when it holds them and remembering them there when not.
    init(model: MoEModel, tokens: Int, distribution: RoutingDistribution, seed: UInt64, memo: RoutingMemo?) {
        self.model = model
        self.tokens = tokens
        self.distribution = distribution
        self.seed = seed
        let experts = max(0, model.expertsPerLayer)
        let layers = max(0, model.layers)
        if case .counts(let given) = distribution {
            let row = (0..<experts).map { $0 < given.count ? max(0, given[$0]) : 0 }
            expertCounts = Array(repeating: row, count: layers)
            rankings = Array(repeating: Array(0..<experts), count: layers)
            return
        }
        let picks = min(model.topK, experts)
        let key = memo != nil && RoutingMemo.remembers(layers: layers, tokens: tokens, picks: picks)
            ? RoutingMemo.key(
                layers: layers, experts: experts, topK: picks, tokens: tokens, distribution: distribution, seed: seed)
            : nil
        if let memo, let key, let text = memo.recall(key),
            let recalled = RoutingMemo.parse(text, layers: layers, experts: experts, tokens: tokens, picks: picks)
        {
            expertCounts = recalled.counts
            rankings = recalled.rankings
            return
        }
        var counts: [[Int]] = []
        var ranks: [[Int]] = []
        for layer in 0..<layers {
            var generator = SplitMix64.stream(layer, of: seed)
            var ranking = Array(0..<experts)
            if case .zipf = distribution { Self.shuffle(&ranking, using: &generator) }
            var weights = Array(repeating: 0.0, count: experts)
            for (rank, expert) in ranking.enumerated() { weights[expert] = distribution.weight(ofRank: rank) }
            counts.append(Self.sample(tokens: tokens, k: picks, weights: weights, using: &generator))
            ranks.append(ranking)
        }
        expertCounts = counts
        rankings = ranks
        if let memo, let key { memo.remember(RoutingMemo.text(counts: counts, rankings: ranks), key) }
    }

    /// Experts each token visits per layer: topK, or every expert when topK exceeds them.
    public var expertsPerToken: Int { max(0, min(model.topK, model.expertsPerLayer)) }

    /// The tokens each expert of `layer` received, as a table.
    public func tokensPerExpert(layer: Int) -> ExpertTokenCounts {
        ExpertTokenCounts(layer: layer, counts: expertCounts[layer])
    }

    /// Every layer's tokens per expert.
    public var layers: [ExpertTokenCounts] { expertCounts.indices.map { tokensPerExpert(layer: $0) } }

    /// The experts of `layer` from most to least popular (Zipf), or in index order (uniform, given counts).
    public func ranking(layer: Int) -> [Int] { rankings[layer] }

    /// The largest max/mean of tokens per expert over all layers.
    public var imbalance: Double { layers.map(\.imbalance).max() ?? 1 }

    /// Tokens over capacity in every layer when each expert takes at most ⌈c × assignments / experts⌉ tokens.
    public func overflow(capacityFactor: Double) -> RoutingOverflow {
        RoutingOverflow(capacityFactor: capacityFactor, layers: layers)
    }

    /// Problems with the inputs (empty when sound): given counts of the wrong length or negative, a token count
    /// below 0, a Zipf exponent that is not finite, topK above the experts per layer.
    public func validate() -> [String] {
        var problems: [String] = []
        if tokens < 0 { problems.append("tokens must be at least 0, not \(tokens)") }
        if model.topK > model.expertsPerLayer {
            problems.append("topK \(model.topK) exceeds \(model.expertsPerLayer) experts; each token visits all of them")
        }
        switch distribution {
        case .zipf(let exponent) where !exponent.isFinite:
            problems.append("Zipf exponent \(exponent) is not finite; routing fell back to uniform")
        case .counts(let given):
            if given.count != model.expertsPerLayer {
                problems.append("\(given.count) counts given for \(model.expertsPerLayer) experts per layer")
            }
            if given.contains(where: { $0 < 0 }) { problems.append("negative counts were taken as 0") }
        default: break
        }
        return problems
    }

    public var description: String {
        let source = distribution.isSampled
            ? "\(distribution) routing of \(SIFormat.grouped(tokens)) tokens (top-\(expertsPerToken), seed \(seed))"
            : "\(distribution) routing"
        return "\(source) over \(model.layers) layers × \(model.expertsPerLayer) experts: "
            + "max/mean tokens per expert \(SIFormat.fixed(imbalance, decimals: 2))× in the worst layer"
    }

    /// Column titles of `rows`.
    public var header: [String] { ["Layer", "Hottest expert", "Tokens (max)", "Tokens (mean)", "Imbalance"] }

    /// "Tokens per expert under zipf(1.2) routing, per layer".
    public var title: String? { "Tokens per expert under \(distribution) routing, per layer" }

    /// One row per layer: its busiest expert, its load, the mean load and max/mean.
    public var cells: [[DisplayCell]] {
        layers.map { counts in
            [
                DisplayCell(String(counts.layer)), DisplayCell("E\(counts.busiestExpert)"), DisplayCell(counts.maximum),
                .count(counts.mean), .times(counts.imbalance),
            ]
        }
    }

    // MARK: - Sampling

    private static func shuffle(_ values: inout [Int], using generator: inout SplitMix64) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, generator.nextInt(below: i + 1))
        }
    }

    private static func sample(tokens: Int, k: Int, weights: [Double], using generator: inout SplitMix64) -> [Int] {
        var counts = Array(repeating: 0, count: weights.count)
        guard k > 0, tokens > 0 else { return counts }
        let sampler = ExpertSampler(weights: weights)
        var chosen: [Int] = []
        chosen.reserveCapacity(k)
        for _ in 0..<tokens {
            sampler.draw(k, using: &generator, into: &chosen)
            for expert in chosen { counts[expert] += 1 }
        }
        return counts
    }
}
