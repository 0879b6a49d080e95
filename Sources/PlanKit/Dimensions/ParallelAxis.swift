/// One way a deployment splits work: a parallel degree of `Parallelism`, or the micro-batches of a pipeline.
///
/// Each axis gives every (GPU, micro-batch) slot a coordinate in 0 ..< degree, read from the GPU's `GPURank`;
/// a tensor dimension split by several axes takes its shard index from their coordinates (first axis most
/// significant).
public enum ParallelAxis: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case data = "DP"
    case expert = "EP"
    case tensor = "TP"
    case pipeline = "PP"
    case microBatch = "µB"

    public var description: String { rawValue }

    /// The number of parts this axis cuts into under `p`.
    public func degree(_ p: Parallelism) -> Int {
        switch self {
        case .data: p.dp
        case .expert: p.ep
        case .tensor: p.tp
        case .pipeline: p.pp
        case .microBatch: p.microBatches
        }
    }

    /// The coordinate of a slot (a GPU's rank, during micro-batch `microBatch`) along this axis.
    public func coordinate(_ rank: GPURank, microBatch: Int) -> Int {
        switch self {
        case .data: rank.replica
        case .expert: rank.expertRank
        case .tensor: rank.tensorRank
        case .pipeline: rank.stage
        case .microBatch: microBatch
        }
    }
}

/// A split of one tensor dimension along one parallel axis into `ways` parts.
public struct AxisSplit: Hashable, Codable, Sendable, CustomStringConvertible {
    public var axis: ParallelAxis
    public var ways: Int

    public init(_ axis: ParallelAxis, _ ways: Int) {
        self.axis = axis
        self.ways = ways
    }

    public var description: String { "\(axis)=\(ways)" }
}
