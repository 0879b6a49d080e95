/// Every figure PlanKit computes for one deployment, gathered for download (as JSON) so that a reviewer can check the
/// numbers without Swift: the plan's inputs, its placement, dimensions, communication, memory and performance.
public struct PlanFigures: Hashable, Codable, Sendable {
    /// "EP=16", "TP=8 × PP=2", ….
    public var name: String
    public var model: MoEModel
    public var workload: Workload
    public var cluster: Cluster
    public var parallelism: Parallelism
    public var assumptions: Assumptions
    /// For each layer, the routed experts each GPU holds (GPU index → experts; a GPU outside the layer's stage holds
    /// none).
    public var expertsPerGPU: [[[Int]]]
    public var dimensions: DimensionTable
    public var communication: CommunicationReport
    public var memory: MemoryFootprint
    public var performance: PerformanceEstimate

    public init(_ deployment: Deployment) {
        name = deployment.parallelism.description
        model = deployment.model
        workload = deployment.workload
        cluster = deployment.cluster
        parallelism = deployment.parallelism
        assumptions = deployment.assumptions
        expertsPerGPU = (0..<deployment.model.layers).map { layer in
            (0..<deployment.cluster.gpuCount).map { deployment.layout.experts(onGPU: $0, layer: layer) }
        }
        dimensions = deployment.dimensions
        communication = deployment.communication
        memory = deployment.memory
        performance = deployment.performance
    }
}

extension Deployment: Displayable {
    /// A summary table of the plan's headline figures, and all its figures as a download.
    public var display: Display {
        let memory = self.memory
        let performance = self.performance
        let sent = communication(for: .decode, share: 1).collectives
            .map { $0.bytesPerGPU * Double($0.occurrencesPerStep) }.sum()
        let fit = memory.withinCapacity ? "" : " — does not fit"
        let cells: [[DisplayCell]] = [
            ["plan", DisplayCell("\(parallelism) on \(cluster.gpuCount) × \(cluster.gpu.name)")],
            ["memory per GPU (most loaded)",
             DisplayCell(memory.totalPerGPU, text: "\(memory.totalPerGPU) of \(memory.capacityPerGPU)\(fit)")],
            ["time to first token", performance.prefill.ttft.cell],
            ["prefill throughput", performance.prefill.tokensPerSecond.cell],
            ["time per output token", performance.decode.tpot.cell],
            ["decode throughput", performance.decode.tokensPerSecond.cell],
            ["communication per decode step and GPU", sent.cell],
        ]
        return .describing(DisplayPlan(self), .group([
            .table(DisplayTable(header: ["figure", "value"], cells: cells, title: "Plan \(parallelism)")),
            .plan(PlanFigures(self)),
        ]))
    }
}
