/// Draws `k` distinct experts per token from fixed weights: sampling without replacement, seeded and exact.
///
/// Each pick is proportional to the weights of the experts not yet chosen for this token. It draws from all experts
/// by searching the cumulative weights and redraws when it hits a chosen one (which leaves the conditional
/// distribution exact); after `maximumRedraws` misses it scans the remaining experts linearly instead. The search
/// starts from a guide table (Chen and Asau's "indexed search": the first expert past each of `4 × experts` equal
/// steps of the total) and steps to the first expert whose cumulative weight exceeds the target — the expert a binary
/// search finds, in one or two comparisons instead of a branch mispredicted at every halving (simulations draw
/// millions).
struct ExpertSampler {
    private let weights: [Double]
    private let cumulative: [Double]
    /// `guide[j]`: the first expert whose cumulative weight exceeds `j / guide.count` of the total; empty when the
    /// weights are not all finite and non-negative with a positive total (then a binary search does).
    private let guide: [Int]
    /// `guide.count` over the total weight.
    private let guideScale: Double
    private static let maximumRedraws = 32

    init(weights: [Double]) {
        self.weights = weights
        var running = 0.0
        cumulative = weights.map { weight in
            running += weight
            return running
        }
        let total = running
        guard total > 0, total.isFinite, weights.allSatisfy({ $0 >= 0 }) else {
            (guide, guideScale) = ([], 0)
            return
        }
        let buckets = 4 * weights.count
        var guide: [Int] = []
        guide.reserveCapacity(buckets)
        var expert = 0
        for bucket in 0..<buckets {
            let step = total * Double(bucket) / Double(buckets)
            while expert < cumulative.count - 1, cumulative[expert] <= step { expert += 1 }
            guide.append(expert)
        }
        // Weights so small that the scale overflows (subnormal totals): the binary search.
        let scale = Double(buckets) / total
        (self.guide, guideScale) = scale.isFinite ? (guide, scale) : ([], 0)
    }

    /// Experts picked by one token, `k` distinct ones in the order drawn (k ≤ number of experts).
    func draw(_ k: Int, using generator: inout SplitMix64, into chosen: inout [Int]) {
        chosen.removeAll(keepingCapacity: true)
        for _ in 0..<k { chosen.append(drawOne(excluding: chosen, using: &generator)) }
    }

    private func drawOne(excluding chosen: [Int], using generator: inout SplitMix64) -> Int {
        let total = cumulative.last ?? 0
        for _ in 0..<Self.maximumRedraws {
            let expert = index(at: generator.nextUnit() * total)
            if !chosen.contains(expert) { return expert }
        }
        return scanRemaining(excluding: chosen, using: &generator)
    }

    /// The first expert whose cumulative weight exceeds `target` (target in [0, total)); the last when none does.
    func index(at target: Double) -> Int {
        if !guide.isEmpty {
            // The guide's bucket may be one off where `target × scale` rounds: step back, then forward.
            var expert = guide[min(max(Int(target * guideScale), 0), guide.count - 1)]
            while expert > 0, cumulative[expert - 1] > target { expert -= 1 }
            while expert < cumulative.count - 1, cumulative[expert] <= target { expert += 1 }
            return expert
        }
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func scanRemaining(excluding chosen: [Int], using generator: inout SplitMix64) -> Int {
        var remainingTotal = 0.0
        var last = 0
        for (expert, weight) in weights.enumerated() where !chosen.contains(expert) {
            remainingTotal += weight
            last = expert
        }
        let target = generator.nextUnit() * remainingTotal
        var running = 0.0
        for (expert, weight) in weights.enumerated() where !chosen.contains(expert) {
            running += weight
            if running > target { return expert }
        }
        return last
    }
}
