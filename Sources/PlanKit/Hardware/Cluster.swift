/// A set of identical GPUs in `nodes` servers of `gpusPerNode`, NVLink inside a node, InfiniBand between nodes.
///
/// GPUs are numbered 0 ..< gpuCount, node by node: GPU g sits in node g / gpusPerNode.
public struct Cluster: Hashable, Codable, Sendable {
    /// The accelerator every slot holds.
    public var gpu: GPU
    /// Servers.
    public var nodes: Int
    /// GPUs in each server.
    public var gpusPerNode: Int

    public init(gpu: GPU, nodes: Int, gpusPerNode: Int) {
        self.gpu = gpu
        self.nodes = nodes
        self.gpusPerNode = gpusPerNode
    }

    /// All GPUs: nodes × gpusPerNode.
    public var gpuCount: Int { nodes * gpusPerNode }

    /// The node that holds GPU `gpu`.
    public func node(ofGPU gpu: Int) -> Int { gpu / gpusPerNode }

    /// Whether two GPUs share a node (and so talk over NVLink).
    public func sameNode(_ a: Int, _ b: Int) -> Bool { node(ofGPU: a) == node(ofGPU: b) }
}
