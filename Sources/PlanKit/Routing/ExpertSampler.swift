/// Draws `k` distinct experts per token from fixed weights: sampling without replacement, seeded and exact.
///
/// Each pick is proportional to the weights of the experts not yet chosen for this token. It draws from all experts
/// by binary search on the cumulative weights and redraws when it hits a chosen one (which leaves the conditional
/// distribution exact); after `maximumRedraws` misses it scans the remaining experts linearly instead.
struct ExpertSampler {
    private let weights: [Double]
    private let cumulative: [Double]
    private static let maximumRedraws = 32

    init(weights: [Double]) {
        self.weights = weights
        var running = 0.0
        cumulative = weights.map { weight in
            running += weight
            return running
        }
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

    /// The first expert whose cumulative weight exceeds `target` (target in [0, total)).
    private func index(at target: Double) -> Int {
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
