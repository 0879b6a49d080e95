extension DeploymentGraph {
    /// How much of the model a deployment graph draws.
    public enum Level: Hashable, Codable, Sendable, CustomStringConvertible {
        /// Every layer on every GPU, each operator-compact (attention, router/dispatch, experts, combine), with one
        /// edge for every GPU-to-GPU share of each collective: the edge-level graph, for download rather than reading.
        case full
        /// An overview of one layer on the GPUs of its stage: norm → attention → router → dispatch → experts →
        /// combine → residual add, with all-reduces where tensor parallelism needs them; each collective is one
        /// node for its whole group, between the columns of GPU operators it joins.
        case layer(Int)
        /// Layer 0 as the overview; every other run of layers as one summary node per GPU and pipeline stage.
        case collapsed

        public var description: String {
            switch self {
            case .full: "all layers"
            case .layer(let layer): "overview of layer \(layer)"
            case .collapsed: "overview of layer 0, other layers summarised"
            }
        }
    }

    /// The inference phase whose tensor shapes label a graph's edges.
    public enum Phase: String, Hashable, Codable, Sendable, CustomStringConvertible {
        /// Whole prompts: each attention replica holds sequences × sequenceLength tokens.
        case prefill
        /// One new token per sequence: each attention replica holds its sequences.
        case decode

        public var description: String { rawValue }
    }
}
