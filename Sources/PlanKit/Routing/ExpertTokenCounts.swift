/// The tokens each expert of one layer received in a routing simulation, with its imbalance and overflow.
///
/// A value table: `counts[e]` is expert e's tokens; `header`/`rows` list them with their share of all assignments.
public struct ExpertTokenCounts: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The layer these counts belong to.
    public let layer: Int
    /// Tokens per expert, indexed by expert.
    public let counts: [Int]

    public init(layer: Int, counts: [Int]) {
        self.layer = layer
        self.counts = counts
    }

    /// Token-expert assignments in the layer: Σ counts (tokens × topK when sampled).
    public var total: Int { counts.reduce(0, +) }
    /// Mean tokens per expert: total / experts.
    public var mean: Double { counts.isEmpty ? 0 : Double(total) / Double(counts.count) }
    /// The most tokens any expert received.
    public var maximum: Int { counts.max() ?? 0 }
    /// The lowest-numbered expert with `maximum` tokens.
    public var busiestExpert: Int { counts.firstIndex(of: maximum) ?? 0 }
    /// max / mean tokens per expert; 1 when no token was routed.
    public var imbalance: Double { mean > 0 ? Double(maximum) / mean : 1 }

    /// Tokens one expert may take at capacity factor c: ⌈c × total / experts⌉ (= ⌈c × tokens × topK / experts⌉).
    /// A relative error below 10⁻⁹ is forgiven before rounding up, so 1.1 × 160 / 16 gives 11, not 12.
    public func capacity(capacityFactor: Double) -> Int {
        guard !counts.isEmpty else { return 0 }
        let exact = capacityFactor * Double(total) / Double(counts.count)
        return Int((exact - 1e-9 * max(1, exact)).rounded(.up))
    }

    /// Tokens beyond capacity, which a capacity-limited router drops: Σ max(0, count − capacity).
    public func dropped(capacityFactor: Double) -> Int {
        let limit = capacity(capacityFactor: capacityFactor)
        return counts.reduce(0) { $0 + max(0, $1 - limit) }
    }

    public var description: String {
        "layer \(layer): \(SIFormat.grouped(total)) token-expert assignments over \(counts.count) experts, "
            + "busiest E\(busiestExpert) with \(SIFormat.grouped(maximum)) "
            + "(max/mean \(SIFormat.fixed(imbalance, decimals: 2))×)"
    }

    /// Column titles of `rows`.
    public var header: [String] { ["Expert", "Tokens", "Share"] }

    /// "Tokens per expert in layer 3".
    public var title: String? { "Tokens per expert in layer \(layer)" }

    /// One row per expert: its tokens and its share of the layer's assignments.
    public var cells: [[DisplayCell]] {
        counts.enumerated().map { expert, count in
            let share = total > 0 ? Double(count) / Double(total) : 0
            return [DisplayCell("E\(expert)"), DisplayCell(count), .percent(share, decimals: 1)]
        }
    }
}
