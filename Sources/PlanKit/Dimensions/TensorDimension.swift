/// One named dimension of an operator's tensor: its global size and the parallel axes that split it.
///
/// Guarantees: shard i of `parts` covers a contiguous range, ranges are balanced (sizes differ by at most one,
/// larger ones first) and together tile 0 ..< global exactly; `local` is the largest shard's size.
public struct TensorDimension: Hashable, Codable, Sendable, CustomStringConvertible {
    /// What the dimension indexes, e.g. "tokens", "hidden", "heads".
    public var name: String
    /// Size of the whole (unsplit) dimension.
    public var global: Int
    /// Axes that split it, most significant first; empty when every GPU holds the whole dimension.
    public var splits: [AxisSplit]

    public init(_ name: String, _ global: Int, _ splits: [AxisSplit] = []) {
        self.name = name
        self.global = global
        self.splits = splits.allSatisfy { $0.ways > 1 } ? splits : splits.filter { $0.ways > 1 }
    }

    /// Parts the dimension is cut into: the product of its splits' ways.
    public var parts: Int { splits.reduce(1) { $0 * $1.ways } }

    /// The size one GPU holds: ⌈global / parts⌉ (exactly global / parts when it divides).
    public var local: Int { (global + parts - 1) / parts }

    /// Whether every shard has the same size.
    public var isEven: Bool { global % parts == 0 }

    /// The index range of shard `index` in 0 ..< parts under the balanced split.
    public func range(ofShard index: Int) -> Range<Int> {
        let n = parts
        let base = global / n
        let extra = global % n
        let start = index * base + min(index, extra)
        return start..<(start + base + (index < extra ? 1 : 0))
    }

    /// The shard a slot holds: its axis coordinates read as a mixed-radix number (first split most significant).
    public func shard(of rank: GPURank, microBatch: Int) -> Int {
        splits.reduce(0) { $0 * $1.ways + $1.axis.coordinate(rank, microBatch: microBatch) }
    }

    /// "tokens/(DP·EP)" style description of the split; the bare name when unsplit.
    public var description: String {
        splits.isEmpty ? name : "\(name) by " + splits.map { $0.axis.rawValue }.joined(separator: "·")
    }
}
