/// The deployment graph (DAG) of a plan: operators and collectives placed on GPUs, with tensor shapes on the edges,
/// at one level of detail, and its Graphviz DOT text.
///
/// Guarantees: node ids are unique; every edge joins two nodes of the graph; nodes and edges are listed in a fixed
/// order (layer, then GPU, then operator), so the same deployment and level always give byte-identical `dot`.
/// Build one with `deployment.dag` or `deployment.dag(.layer(0))`.
public struct DeploymentGraph: Hashable, Codable, Sendable, CustomStringConvertible {
    /// One line naming the plan, the level of detail and the phase the shapes describe.
    public let title: String
    /// How to read the drawing: what the edge styles mean and what the shapes assume.
    public let caption: String
    /// How much of the model is drawn.
    public let level: Level
    /// The phase whose local tensor shapes label the edges.
    public let phase: Phase
    /// Operators, collectives and summaries, in drawing order.
    public let nodes: [Node]
    /// Data flow, collectives, residual connections and pipeline transfers, in drawing order.
    public let edges: [Edge]
    /// The cluster the nodes are drawn on (for node and GPU grouping).
    public let cluster: Cluster
    /// The layout the nodes follow (for pipeline stages).
    public let parallelism: Parallelism
    /// The deployment drawn.
    public var plan: DisplayPlan?

    public init(
        title: String, caption: String, level: Level, phase: Phase, nodes: [Node], edges: [Edge], cluster: Cluster,
        parallelism: Parallelism
    ) {
        self.title = title
        self.caption = caption
        self.level = level
        self.phase = phase
        self.nodes = nodes
        self.edges = edges
        self.cluster = cluster
        self.parallelism = parallelism
    }

    /// The graph, without the plan.
    enum CodingKeys: String, CodingKey { case title, caption, level, phase, nodes, edges, cluster, parallelism }

    /// Nodes in the graph; an app can refuse to lay out graphs above `recommendedNodeLimit`.
    public var nodeCount: Int { nodes.count }
    /// Edges in the graph.
    public var edgeCount: Int { edges.count }
    /// A node count above which `dot` layout gets slow (tens of seconds) and the drawing unreadable.
    public static let recommendedNodeLimit = 2_000

    /// The nodes of `kind`, in drawing order.
    public func nodes(ofKind kind: NodeKind) -> [Node] { nodes.filter { $0.kind == kind } }

    public var description: String {
        "\(title): \(nodeCount) nodes, \(edgeCount) edges on \(Set(nodes.compactMap(\.gpu)).count) GPUs"
    }
}
