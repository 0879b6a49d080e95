extension DeploymentGraph {
    /// What a graph node stands for, which decides how it is drawn.
    public enum NodeKind: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Computation on one GPU: norm, attention, router, residual add.
        case `operator`
        /// One routed expert (or a group of them) on one GPU.
        case expert
        /// A collective: all-to-all dispatch or combine, all-reduce — one GPU's part of it (`.full`), or the whole group
        /// as one node (the layer overview).
        case collective
        /// A run of layers drawn as one node (level `.collapsed`).
        case summary

        public var description: String { rawValue }
    }

    /// One operator, expert, collective or summary, placed on a GPU.
    ///
    /// `id` is unique in its graph and safe in DOT (letters, digits, underscores).
    public struct Node: Hashable, Codable, Sendable, CustomStringConvertible {
        /// Unique id, e.g. "L3_G5_E5".
        public let id: String
        /// What the drawing shows; lines are separated by "\n".
        public let label: String
        /// What it stands for.
        public let kind: NodeKind
        /// The layers it covers: one for operators, several for summaries.
        public let layers: Range<Int>
        /// The GPU it runs on.
        public let gpu: Int?
        /// The server (cluster node) of `gpu`.
        public let node: Int?
        /// The pipeline stage of `gpu`.
        public let stage: Int?
        /// Routed experts it computes (expert and summary nodes), ascending.
        public let experts: [Int]
        /// The GPUs taking part, for a collective drawn as one node for its whole group (the layer overview).
        public let members: [Int]
        /// In the layer overview, the column it is drawn in, from the left: each run of a GPU's operators between
        /// two collectives is a column, and so is each collective; nil in the edge-level (`.full`) graph.
        public let column: Int?

        public init(
            id: String, label: String, kind: NodeKind, layers: Range<Int>, gpu: Int?, node: Int?, stage: Int?,
            experts: [Int] = [], members: [Int] = [], column: Int? = nil
        ) {
            self.id = id
            self.label = label
            self.kind = kind
            self.layers = layers
            self.gpu = gpu
            self.node = node
            self.stage = stage
            self.experts = experts
            self.members = members
            self.column = column
        }

        public var description: String {
            let place = gpu.map { " on GPU \($0)" } ?? (members.isEmpty ? "" : " over \(members.count) GPUs")
            return "\(kind) \(label.split(separator: "\n").joined(separator: " · "))\(place)"
        }
    }
}
