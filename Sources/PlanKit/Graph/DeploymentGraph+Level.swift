extension DeploymentGraph {
    /// How much of the model a deployment graph draws.
    public enum Level: Hashable, Codable, Sendable, CustomStringConvertible {
        /// Every layer on every GPU, each operator-compact (attention, router/dispatch, experts, combine).
        case full
        /// One layer in detail on the GPUs of its stage: norm → attention → router → dispatch → experts →
        /// combine → residual add, with all-reduces where tensor parallelism needs them.
        case layer(Int)
        /// Layer 0 in detail; every other run of layers as one summary node per GPU and pipeline stage.
        case collapsed

        public var description: String {
            switch self {
            case .full: "all layers"
            case .layer(let layer): "layer \(layer) in detail"
            case .collapsed: "layer 0 in detail, other layers summarised"
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
