/// A model serving a workload on a cluster under one parallelism: the plan every figure is computed from.
///
/// `init` throws `DeploymentError` for plans that cannot exist, so a `Deployment` value is always consistent:
/// its degrees multiply to the GPU count and every split is even. Figures (placement, dimensions,
/// communication, memory, performance, DAG) are derived from it in extensions, one concern per file.
public struct Deployment: Hashable, Sendable {
    /// The model being served.
    public let model: MoEModel
    /// What is served.
    public let workload: Workload
    /// Where it runs.
    public let cluster: Cluster
    /// How it is split.
    public let parallelism: Parallelism
    /// Which GPU holds what (describing no plan; `placement` is the same, describing this one).
    let layout: Placement
    /// Efficiencies and latencies applied to the hardware's peaks.
    public var assumptions: Assumptions
    /// The phases this deployment serves; its memory and fit count only those.
    public var serving: ServingRole

    public init(
        _ model: MoEModel, _ workload: Workload, on cluster: Cluster, parallelism: Parallelism,
        serving: ServingRole = .both, assumptions: Assumptions = .default
    ) throws {
        let p = parallelism
        for (name, value) in [
            ("ep", p.ep), ("tp", p.tp), ("pp", p.pp), ("dp", p.dp), ("microBatches", p.microBatches),
            ("layers", model.layers), ("expertsPerLayer", model.expertsPerLayer), ("hidden", model.hidden),
            ("batch", workload.batch), ("sequenceLength", workload.sequenceLength),
            ("nodes", cluster.nodes), ("gpusPerNode", cluster.gpusPerNode),
        ] where value < 1 {
            throw DeploymentError.nonPositive(name, value)
        }
        for (name, value) in [("redundantExperts", p.redundantExperts), ("denseLayers", model.denseLayers)]
        where value < 0 {
            throw DeploymentError.negative(name, value)
        }
        guard model.denseLayers <= model.layers else {
            throw DeploymentError.negative("layers − denseLayers", model.layers - model.denseLayers)
        }
        guard p.gpuCount == cluster.gpuCount else {
            throw DeploymentError.gpuCountMismatch(parallelism: p, needs: p.gpuCount, cluster: cluster.gpuCount)
        }
        guard (model.expertsPerLayer + p.redundantExperts) % p.ep == 0 else {
            throw DeploymentError.expertsNotDivisible(experts: model.expertsPerLayer + p.redundantExperts, ep: p.ep)
        }
        guard model.layers % p.pp == 0 else {
            throw DeploymentError.layersNotDivisible(layers: model.layers, pp: p.pp)
        }
        let degree = p.attentionTensorDegree
        guard model.attentionHeads % degree == 0, model.kvHeads % degree == 0 else {
            throw DeploymentError.headsNotDivisible(heads: model.attentionHeads, kvHeads: model.kvHeads, degree: degree)
        }
        guard model.expertFFN % p.tp == 0 else {
            throw DeploymentError.ffnNotDivisible(expertFFN: model.expertFFN, tp: p.tp)
        }
        let shards = p.batchShards * p.microBatches
        guard workload.batch % shards == 0 else {
            throw DeploymentError.batchNotDivisible(batch: workload.batch, shards: shards)
        }
        self.model = model
        self.workload = workload
        self.cluster = cluster
        self.parallelism = p
        self.layout = Placement(model: model, parallelism: p, cluster: cluster)
        self.assumptions = assumptions
        self.serving = serving
        DeploymentObserver.made?(self)
    }

    /// Which GPU holds what, as a table describing this deployment.
    public var placement: Placement {
        var placement = layout
        placement.plan = DisplayPlan(self)
        return placement
    }

    /// Sequences each attention replica serves per step: batch / batchShards.
    public var sequencesPerReplica: Int { workload.batch / parallelism.batchShards }
}
