/// The kind of a collective operation between GPUs.
public enum CollectiveKind: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Every GPU of the group sends a share of its data to every other (expert dispatch and combine).
    case allToAll = "all-to-all"
    /// Ring all-reduce: every GPU ends with the sum; each sends 2(n−1)/n of the buffer.
    case allReduce = "all-reduce"
    /// Ring all-gather: every GPU ends with all pieces; each sends (n−1)/n of the gathered buffer.
    case allGather = "all-gather"
    /// Point-to-point transfer of activations from one pipeline stage to the next.
    case sendRecv = "send/recv"

    public var description: String { rawValue }
}
