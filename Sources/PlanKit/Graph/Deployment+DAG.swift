extension Deployment {
    /// The deployment graph at its default level of detail, `.collapsed`: layer 0 in full, the other layers as one
    /// summary node per GPU and pipeline stage; prefill shapes.
    public var dag: DeploymentGraph { dag(.collapsed) }

    /// The deployment graph at `level`, with the local tensor shapes of `phase` on its edges.
    public func dag(_ level: DeploymentGraph.Level, phase: DeploymentGraph.Phase = .prefill) -> DeploymentGraph {
        var builder = DeploymentGraphBuilder(deployment: self, phase: phase)
        builder.add(builder.blocks(for: level))
        let shapes = builder.shapes
        let title = "\(parallelism) · \(model.layers) layers × \(model.expertsPerLayer) experts on "
            + "\(cluster.nodes) × \(cluster.gpusPerNode) \(cluster.gpu) · \(level) · \(phase) shapes"
        let micro = parallelism.microBatches > 1 ? " per micro-batch" : ""
        let caption = "Shapes are local to one GPU in \(phase): each attention replica holds "
            + "\(shapes.tokenDimension) tokens\(micro); expert rows assume balanced routing. Edges: \(DOTStyle.legend)."
        var graph = DeploymentGraph(
            title: title, caption: caption, level: level, phase: phase, nodes: builder.nodes, edges: builder.edges,
            cluster: cluster, parallelism: parallelism)
        graph.plan = DisplayPlan(self)
        return graph
    }
}
