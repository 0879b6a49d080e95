/// A routing simulation laid onto a deployment: tokens per GPU, imbalance, overflow, and how much the skew slows the
/// MoE layers compared with perfectly balanced routing.
///
/// Step times sum the slowest GPU's expert FFN time over all layers (each layer waits for its slowest GPU before
/// the combine all-to-all); communication and pipeline overlap are not included.
public struct RoutingLoad: Hashable, Sendable, CustomStringConvertible {
    /// The routing that was simulated.
    public let simulation: RoutingSimulation
    /// Where it runs.
    public let deployment: Deployment
    /// Per layer: tokens and expert time on each GPU of its stage.
    public let layers: [RoutingLayerLoad]

    /// Lays `simulation` onto `deployment`. The simulation's model should be the deployment's; layers and experts
    /// beyond either are ignored.
    public init(simulation: RoutingSimulation, deployment: Deployment) {
        self.simulation = simulation
        self.deployment = deployment
        let layers = min(simulation.expertCounts.count, deployment.model.layers)
        let fits = simulation.model.expertsPerLayer == deployment.model.expertsPerLayer
        self.layers = fits
            ? (0..<layers).map { RoutingLayerLoad(layer: $0, simulation: simulation, deployment: deployment) } : []
    }

    /// Tokens each GPU of the cluster processes in `layer`, indexed by GPU (0 on GPUs outside the layer's stage).
    public func tokensPerGPU(layer: Int) -> [Double] {
        var result = Array(repeating: 0.0, count: deployment.cluster.gpuCount)
        guard layers.indices.contains(layer) else { return result }
        for (gpu, tokens) in zip(layers[layer].gpus, layers[layer].tokens) { result[gpu] = tokens }
        return result
    }

    /// max / mean tokens per GPU of the worst layer.
    public var imbalance: Double { layers.map(\.imbalance).max() ?? 1 }

    /// Tokens over expert capacity at capacity factor `capacityFactor` (a property of the routing, not the GPUs).
    public func overflow(capacityFactor: Double) -> RoutingOverflow {
        simulation.overflow(capacityFactor: capacityFactor)
    }

    /// Expert FFN time of one step through all layers, each waiting for its slowest GPU.
    public var slowestGPUStepTime: Seconds { layers.map(\.slowestTime).sum() }
    /// The same with every expert receiving the mean count.
    public var balancedStepTime: Seconds { layers.map(\.balancedTime).sum() }
    /// slowestGPUStepTime / balancedStepTime: how many times longer the skew makes the MoE layers (1 when idle).
    public var slowdown: Double { balancedStepTime.seconds > 0 ? slowestGPUStepTime / balancedStepTime : 1 }

    public var description: String {
        guard let worst = layers.max(by: { $0.imbalance < $1.imbalance }) else {
            return "\(simulation.distribution) routing does not fit \(deployment.parallelism) (experts differ)"
        }
        return "\(simulation.distribution) routing of \(SIFormat.grouped(simulation.tokens)) tokens on "
            + "\(deployment.parallelism): worst layer \(worst.layer) puts \(SIFormat.tokenCount(worst.maximumTokens)) tokens "
            + "on GPU \(worst.busiestGPU) against a mean of \(SIFormat.tokenCount(worst.meanTokens)) "
            + "(\(SIFormat.fixed(worst.imbalance, decimals: 2))×); skew slows the MoE layers by "
            + "\(SIFormat.fixed(slowdown, decimals: 2))× (\(slowestGPUStepTime) vs \(balancedStepTime) balanced)"
    }

    /// The deployment routed to.
    public var plan: DisplayPlan? { DisplayPlan(deployment) }

    /// "Tokens per GPU under zipf(1.2) routing, per layer".
    public var title: String? { "Tokens per GPU under \(simulation.distribution) routing, per layer" }

    /// Column titles of `rows`.
    public var header: [String] {
        ["Layer", "Busiest GPU", "Tokens (max)", "Tokens (mean)", "Imbalance", "Slowest GPU", "Balanced", "Slowdown"]
    }

    /// One row per layer.
    public var cells: [[DisplayCell]] {
        layers.map { layer in
            let ratio = layer.balancedTime.seconds > 0 ? layer.slowestTime / layer.balancedTime : 1
            return [
                DisplayCell(String(layer.layer)), DisplayCell("GPU \(layer.busiestGPU)"), .count(layer.maximumTokens),
                .count(layer.meanTokens), .times(layer.imbalance), layer.slowestTime.cell, layer.balancedTime.cell,
                .times(ratio),
            ]
        }
    }
}

extension RoutingSimulation {
    /// This routing on `deployment`: tokens per GPU, imbalance, overflow and the slowest GPU's step time.
    public func load(on deployment: Deployment) -> RoutingLoad {
        RoutingLoad(simulation: self, deployment: deployment)
    }
}
