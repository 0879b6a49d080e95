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

    /// Calls `body(start, translates)` once for each distinct node layout of this group's translates — the
    /// groups of the same shape that tile a deployment of `gpuCount` GPUs (one per GPU whose position in its
    /// block of stride × count GPUs is below `stride`). A translate's node layout depends only on its start
    /// modulo gpusPerNode, so `start` is one representative and `translates` how many share its layout.
    /// Allocates nothing on the heap.
    func forEachLayout(gpuCount: Int, _ cluster: Cluster, _ body: (Int, Int) -> Void) {
        let perNode = cluster.gpusPerNode
        let block = stride * count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: perNode) { counts in
            counts.initialize(repeating: 0)
            var base = 0
            while base < gpuCount {
                for offset in 0..<stride { counts[(base + offset) % perNode] += 1 }
                base += block
            }
            for residue in 0..<perNode where counts[residue] > 0 { body(residue, counts[residue]) }
        }
    }

    /// Calls `body(run)` with the number of members of the translate starting at `start` in each node it
    /// touches, in member order (members of one node are consecutive).
    func forEachNodeRun(start: Int, _ cluster: Cluster, _ body: (Int) -> Void) {
        let perNode = cluster.gpusPerNode
        var index = 0
        while index < count {
            // the first member past this node: start + next × stride ≥ (node + 1) × perNode
            let nodeEnd = (cluster.node(ofGPU: start + index * stride) + 1) * perNode
            let next = min(count, (nodeEnd - start + stride - 1) / stride)
            body(next - index)
            index = next
        }
    }

    public var description: String {
        count <= 1 ? "GPU \(start)"
            : count == 2 ? "GPUs \(start), \(start + stride)"
            : stride == 1 ? "GPUs \(start)–\(start + count - 1)"
            : "GPUs \(start), \(start + stride), … \(start + (count - 1) * stride)"
    }
}
