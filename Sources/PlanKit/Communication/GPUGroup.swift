/// GPUs that take part in one collective, as an arithmetic progression start, start + stride, … (count members).
///
/// Every group a parallel layout forms is one: a TP group is `tp` consecutive GPUs, an EP group `ep` GPUs
/// `tp` apart, a tensor-parallel attention group `ep × tp` consecutive GPUs.
public struct GPUGroup: Hashable, Codable, Sendable, CustomStringConvertible {
    public var start: Int
    public var stride: Int
    public var count: Int

    public init(start: Int, stride: Int, count: Int) {
        self.start = start
        self.stride = stride
        self.count = count
    }

    /// The member GPUs, ascending.
    public var members: [Int] { (0..<count).map { start + $0 * stride } }

    /// Every group of this group's shape in a deployment of `gpuCount` GPUs: one per GPU whose position inside
    /// its block of stride × count GPUs is below `stride`.
    func translates(gpuCount: Int) -> [GPUGroup] {
        let block = stride * count
        var result: [GPUGroup] = []
        result.reserveCapacity(gpuCount / count)
        for base in Swift.stride(from: 0, to: gpuCount, by: block) {
            for offset in 0..<stride { result.append(GPUGroup(start: base + offset, stride: stride, count: count)) }
        }
        return result
    }

    /// Members per node, in member order: the node-runs of the group (its members in one node are consecutive).
    func nodeRuns(_ cluster: Cluster) -> [Int] {
        var runs: [Int] = []
        var current = -1
        for index in 0..<count {
            let node = cluster.node(ofGPU: start + index * stride)
            if node == current { runs[runs.count - 1] += 1 } else { runs.append(1); current = node }
        }
        return runs
    }

    public var description: String {
        count <= 1 ? "GPU \(start)"
            : count == 2 ? "GPUs \(start), \(start + stride)"
            : stride == 1 ? "GPUs \(start)–\(start + count - 1)"
            : "GPUs \(start), \(start + stride), … \(start + (count - 1) * stride)"
    }
}
