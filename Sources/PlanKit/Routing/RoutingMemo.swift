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

    /// The memo every `RoutingSimulation` uses. Set once, before any simulation is made, by the program's runtime
    /// (plan code cannot set it: only this package can); PlanKit itself never sets it.
    nonisolated(unsafe) public package(set) static var shared: RoutingMemo?

    /// Changes whenever what is remembered or how it is written changes, and whenever the counts a simulation draws
    /// change (`ExpertSampler`, `SplitMix64`, the Zipf weights, the shuffle): a store kept across PlanKit builds
    /// then never recalls counts drawn differently.
    static let formatVersion = 1

    /// The fewest picks (layers × tokens × top-k) a simulation makes for it to be remembered: a smaller one is drawn
    /// in well under a millisecond, less than reading a file costs, and a sweep of many would fill the folder.
    static let fewestPicks = 100_000

    /// Whether a simulation of `layers × tokens × picks` picks is worth remembering.
    static func remembers(layers: Int, tokens: Int, picks: Int) -> Bool {
        guard layers > 0, tokens > 0, picks > 0 else { return false }
        let (perLayer, overflow) = tokens.multipliedReportingOverflow(by: picks)
        let (total, overflowAgain) = perLayer.multipliedReportingOverflow(by: layers)
        return overflow || overflowAgain || total >= fewestPicks
    }

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
        // Each count is at most `total`; their sum is checked without overflowing.
        func addsUp(_ row: [Int]) -> Bool {
            var sum = 0
            for value in row {
                let (next, overflow) = sum.addingReportingOverflow(value)
                guard !overflow else { return false }
                sum = next
            }
            return sum == total
        }
        guard counts.allSatisfy(addsUp), rankings.allSatisfy({ $0.sorted() == Array(0..<experts) }) else { return nil }
        return (counts, rankings)
    }
}
