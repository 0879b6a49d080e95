extension DeploymentGraph {
    /// What an edge carries, which decides how it is drawn.
    public enum EdgeKind: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Activations from one operator to the next on the same GPU.
        case data
        /// The residual stream skipping round a block (drawn dotted).
        case residual
        /// One GPU-to-GPU share of an all-to-all (dispatch or combine), drawn by link class.
        case allToAll
        /// One step of an all-reduce ring between neighbouring GPUs, drawn by link class without arrow.
        case allReduce
        /// Activations sent from the last layer of a pipeline stage to the next stage (drawn bold).
        case sendRecv
        /// One GPU's part of a collective drawn as one node for its group (the layer overview): what the GPU sends
        /// into it, or receives from it.
        case collectiveMember

        public var description: String { rawValue }
    }

    /// A tensor flowing between two nodes: its local shape, what kind of transfer it is and over which link.
    public struct Edge: Hashable, Codable, Sendable, CustomStringConvertible {
        /// Id of the source node.
        public let from: String
        /// Id of the target node.
        public let to: String
        /// Local tensor shape, e.g. "[8×10000, 4096]"; empty when not labelled.
        public let tensor: String
        /// What the edge carries.
        public let kind: EdgeKind
        /// The wire crossed: NVLink inside a node, InfiniBand between nodes; nil when source and target share a GPU.
        public let link: LinkClass?
        /// A longer explanation (the tooltip in SVG).
        public let detail: String

        public init(from: String, to: String, tensor: String, kind: EdgeKind, link: LinkClass?, detail: String = "") {
            self.from = from
            self.to = to
            self.tensor = tensor
            self.kind = kind
            self.link = link
            self.detail = detail
        }

        public var description: String {
            let via = link.map { " over \($0)" } ?? ""
            return "\(from) → \(to) \(kind) \(tensor)\(via)"
        }
    }
}
