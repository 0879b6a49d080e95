/// One MoE layer's routed tokens on the GPUs of its pipeline stage, and the expert FFN time of its slowest GPU.
///
/// Tokens per GPU = Σ over the experts it holds of count / dp: under TP every shard of an expert sees all of that
/// expert's tokens; under DP the replicas split them evenly. Each GPU's expert time is a roofline of
/// FLOPs = 2 × tokens × parametersPerExpert / tp and bytes = the weights (/ tp) of every expert it holds that
/// received a token + tokens × hidden in and out. The balanced case gives every expert the mean count.
public struct RoutingLayerLoad: Hashable, Codable, Sendable {
    /// The layer.
    public let layer: Int
    /// The GPUs running the layer (its pipeline stage), ascending.
    public let gpus: [Int]
    /// Tokens each of `gpus` processes, aligned with `gpus`.
    public let tokens: [Double]
    /// Expert FFN cost on each of `gpus`, aligned with `gpus`.
    public let costs: [Roofline]
    /// Expert FFN cost on one GPU when every expert receives the mean count.
    public let balancedCost: Roofline

    public init(layer: Int, gpus: [Int], tokens: [Double], costs: [Roofline], balancedCost: Roofline) {
        self.layer = layer
        self.gpus = gpus
        self.tokens = tokens
        self.costs = costs
        self.balancedCost = balancedCost
    }

    /// The most tokens on one GPU.
    public var maximumTokens: Double { tokens.max() ?? 0 }
    /// Mean tokens per GPU of the stage.
    public var meanTokens: Double { tokens.isEmpty ? 0 : tokens.reduce(0, +) / Double(tokens.count) }
    /// max / mean tokens per GPU; 1 when nothing was routed.
    public var imbalance: Double { meanTokens > 0 ? maximumTokens / meanTokens : 1 }
    /// The lowest-numbered GPU with the most tokens.
    public var busiestGPU: Int { tokens.firstIndex(of: maximumTokens).map { gpus[$0] } ?? 0 }
    /// The expert FFN time of the slowest GPU (the largest roofline time), which the layer waits for.
    public var slowestTime: Seconds { costs.map(\.time).max() ?? .zero }
    /// The expert FFN time under perfectly balanced routing.
    public var balancedTime: Seconds { balancedCost.time }
}

extension RoutingLayerLoad {
    /// The load of `layer` of `simulation` on `deployment`'s placement.
    init(layer: Int, simulation: RoutingSimulation, deployment: Deployment) {
        let placement = deployment.layout
        let dp = Double(deployment.parallelism.dp)
        let counts = simulation.expertCounts[layer]
        let gpus = placement.gpus(inStage: placement.stage(ofLayer: layer))
        var tokens: [Double] = []
        var costs: [Roofline] = []
        for gpu in gpus {
            let held = placement.experts(onGPU: gpu, layer: layer)
            let received = held.reduce(0.0) { $0 + Double(counts[$1]) / dp }
            let active = held.filter { counts[$0] > 0 }.count
            tokens.append(received)
            costs.append(Self.expertCost(tokens: received, activeExperts: active, deployment: deployment))
        }
        let mean = counts.isEmpty ? 0 : Double(counts.reduce(0, +)) / Double(counts.count)
        let perGPU = mean * Double(placement.expertsPerRank) / dp
        let balanced = Self.expertCost(
            tokens: perGPU, activeExperts: mean > 0 ? placement.expertsPerRank : 0, deployment: deployment)
        self.init(layer: layer, gpus: gpus, tokens: tokens, costs: costs, balancedCost: balanced)
    }

    /// Roofline of the expert FFNs on one GPU that processes `tokens` tokens with `activeExperts` experts' weights.
    static func expertCost(tokens: Double, activeExperts: Int, deployment: Deployment) -> Roofline {
        let model = deployment.model
        let precision = deployment.workload.precision
        let tp = Double(deployment.parallelism.tp)
        let flops = 2 * tokens * Double(model.parametersPerExpert) / tp
        let weights = Double(activeExperts) * Double(model.parametersPerExpert) / tp
        let activations = 2 * tokens * Double(model.hidden)
        return Roofline(
            flops: FLOPs(flops), bytes: Bytes((weights + activations) * precision.bytesPerElement),
            gpu: deployment.cluster.gpu, precision: precision, assumptions: deployment.assumptions)
    }
}
