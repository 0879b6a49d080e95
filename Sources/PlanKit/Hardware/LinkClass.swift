/// The kind of wire between two GPUs: NVLink inside a node, InfiniBand across nodes.
public enum LinkClass: String, Hashable, Codable, Sendable, CustomStringConvertible {
    case nvlink = "NVLink"
    case infiniband = "InfiniBand"

    public var description: String { rawValue }

    /// The link between GPUs `a` and `b` of `cluster`.
    public init(between a: Int, and b: Int, in cluster: Cluster) {
        self = cluster.sameNode(a, b) ? .nvlink : .infiniband
    }

    /// Achievable per-direction bandwidth of this link for one GPU, B/s: the datasheet figure × efficiency.
    public func bandwidth(_ gpu: GPU, _ assumptions: Assumptions) -> Double {
        switch self {
        case .nvlink: gpu.nvlinkBandwidth * assumptions.nvlinkEfficiency
        case .infiniband: gpu.networkBandwidth * assumptions.networkEfficiency
        }
    }

    /// Start-up latency (alpha) of one message over this link, seconds.
    public func latency(_ assumptions: Assumptions) -> Double {
        switch self {
        case .nvlink: assumptions.nvlinkLatency
        case .infiniband: assumptions.networkLatency
        }
    }
}
