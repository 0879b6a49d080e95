/// Where routing simulations are remembered between runs: Planbook's runtime keeps them in the study's cache, so a
/// rebuild — a changed parameter, each scenario's copy, every report that routes the same tokens — does not draw the
/// same millions of picks again. Nobody, in plain PlanKit use (`shared` is nil): every simulation is drawn.
///
/// A simulation's counts depend only on what its `key` names (the layers, experts and top-k it routes, its tokens,
/// distribution and seed, and this format's version), so a remembered one is the one that would be drawn. The store
/// must be kept apart per PlanKit build (Planbook keys its folder by PlanKit's bytes), since a PlanKit that draws
/// differently would give other counts. What is recalled is checked — every layer's counts add up to tokens × top-k,
/// every ranking is a permutation — and drawn again when it is not well formed.
public struct RoutingMemo: Sendable {
    /// The text remembered under a key, or nil.
    public var recall: @Sendable (String) -> String?
    /// Remembers text under a key.
    public var remember: @Sendable (_ value: String, _ key: String) -> Void

    public init(
        recall: @escaping @Sendable (String) -> String?,
        remember: @escaping @Sendable (_ value: String, _ key: String) -> Void
    ) {
        self.recall = recall
        self.remember = remember
    }

    /// The memo every `RoutingSimulation` uses. Set once, before any simulation is made, by the program's runtime;
    /// PlanKit itself never sets it.
    nonisolated(unsafe) public static var shared: RoutingMemo?

    /// Changes whenever what is remembered, or how it is written, changes.
    static let formatVersion = 1

    /// The key of a sampled simulation: everything its counts and rankings depend on. The Zipf exponent is written
    /// as its bits, so two exponents that print alike never share a key.
    static func key(layers: Int, experts: Int, topK: Int, tokens: Int, distribution: RoutingDistribution, seed: UInt64)
        -> String?
    {
        let shape: String
        switch distribution {
        case .uniform: shape = "uniform"
        case .zipf(let exponent): shape = "zipf:" + String(exponent.bitPattern, radix: 16)
        case .counts: return nil
        }
        return "routing-simulation \(formatVersion) layers=\(layers) experts=\(experts) top-k=\(topK) tokens=\(tokens) "
            + "distribution=\(shape) seed=\(seed)"
    }

    /// Counts and rankings as text: one line per layer of counts, then one per layer of rankings.
    static func text(counts: [[Int]], rankings: [[Int]]) -> String {
        (counts + rankings).map { $0.map(String.init).joined(separator: " ") }.joined(separator: "\n")
    }

    /// Counts and rankings read back from `text`, or nil unless it holds `layers` rows of `experts` counts that add
    /// up to `tokens × picks` each, and as many rankings that are each a permutation of the experts.
    static func parse(_ text: String, layers: Int, experts: Int, tokens: Int, picks: Int)
        -> (counts: [[Int]], rankings: [[Int]])?
    {
        let (total, overflow) = tokens.multipliedReportingOverflow(by: picks)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard !overflow, layers > 0, experts > 0, lines.count == 2 * layers else { return nil }
        var rows: [[Int]] = []
        rows.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == experts else { return nil }
            var row: [Int] = []
            row.reserveCapacity(experts)
            for field in fields {
                guard let value = Int(field), value >= 0, value <= total else { return nil }
                row.append(value)
            }
            rows.append(row)
        }
        let counts = Array(rows.prefix(layers))
        let rankings = Array(rows.dropFirst(layers))
        guard counts.allSatisfy({ $0.reduce(0, +) == total }), rankings.allSatisfy({ $0.sorted() == Array(0..<experts) })
        else { return nil }
        return (counts, rankings)
    }
}
