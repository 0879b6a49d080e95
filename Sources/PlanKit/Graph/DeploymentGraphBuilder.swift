/// Assembles a `DeploymentGraph` block by block: a block is one layer (in detail or compact) or a run of layers
/// summarised, drawn on every GPU of its pipeline stage; consecutive blocks are joined on each GPU, or by a
/// send/recv to the matching GPU of the next stage.
struct DeploymentGraphBuilder {
    /// How much of a block is drawn.
    enum Detail { case detailed, compact, summary }

    /// Layers drawn together, all in one pipeline stage.
    struct Block {
        let layers: Range<Int>
        let detail: Detail
    }

    let deployment: Deployment
    let shapes: GraphShapes
    var nodes: [DeploymentGraph.Node] = []
    var edges: [DeploymentGraph.Edge] = []

    init(deployment: Deployment, phase: DeploymentGraph.Phase) {
        self.deployment = deployment
        self.shapes = GraphShapes(deployment: deployment, phase: phase)
    }

    var placement: Placement { deployment.layout }
    var parallelism: Parallelism { deployment.parallelism }

    /// The blocks that draw `level`: one per layer, one layer alone, or layer 0 plus summaries per stage.
    func blocks(for level: DeploymentGraph.Level) -> [Block] {
        let layers = deployment.model.layers
        switch level {
        case .full:
            return (0..<layers).map { Block(layers: $0..<$0 + 1, detail: .compact) }
        case .layer(let layer):
            let clamped = min(max(0, layer), layers - 1)
            return [Block(layers: clamped..<clamped + 1, detail: .detailed)]
        case .collapsed:
            var blocks = [Block(layers: 0..<1, detail: .detailed)]
            var start = 1
            while start < layers {
                let stageEnd = (placement.stage(ofLayer: start) + 1) * placement.layersPerStage
                blocks.append(Block(layers: start..<stageEnd, detail: .summary))
                start = stageEnd
            }
            return blocks
        }
    }

    /// Adds every block and joins consecutive ones.
    mutating func add(_ blocks: [Block]) {
        var previous: (stage: Int, exits: [Int: String])?
        for block in blocks {
            let stage = placement.stage(ofLayer: block.layers.lowerBound)
            var entries: [Int: String] = [:]
            var exits: [Int: String] = [:]
            for gpu in placement.gpus(inStage: stage) {
                let ends = block.detail == .summary
                    ? addSummary(layers: block.layers, gpu: gpu)
                    : addLayerOperators(layer: block.layers.lowerBound, gpu: gpu, compact: block.detail == .compact)
                entries[gpu] = ends.entry
                exits[gpu] = ends.exit
            }
            if block.detail != .summary {
                addCollectives(layer: block.layers.lowerBound, compact: block.detail == .compact)
            }
            if let previous { join(previous.exits, stage: previous.stage, to: entries, stage: stage) }
            previous = (stage, exits)
        }
    }

    /// Joins each GPU's last node of one block to its first node of the next: on the same GPU within a stage, or
    /// to the GPU with the same rank in the next stage (gpu + gpusPerStage) by a send/recv.
    private mutating func join(_ exits: [Int: String], stage: Int, to entries: [Int: String], stage next: Int) {
        let offset = (next - stage) * placement.gpusPerStage
        for gpu in placement.gpus(inStage: stage) {
            guard let from = exits[gpu], let to = entries[gpu + offset] else { continue }
            if offset == 0 {
                edges.append(.init(from: from, to: to, tensor: shapes.activations, kind: .data, link: nil))
            } else {
                let link = LinkClass(between: gpu, and: gpu + offset, in: deployment.cluster)
                edges.append(
                    .init(
                        from: from, to: to, tensor: shapes.activations, kind: .sendRecv, link: link,
                        detail: "pipeline send/recv GPU \(gpu) → GPU \(gpu + offset) over \(link)"))
            }
        }
    }

    /// One node for `layers` on `gpu`: what each of those layers runs there.
    private mutating func addSummary(layers: Range<Int>, gpu: Int) -> (entry: String, exit: String) {
        let experts = placement.experts(onGPU: gpu, layer: layers.lowerBound)
        let id = "L\(layers.lowerBound)_\(layers.upperBound - 1)_G\(gpu)_summary"
        let span = layers.count == 1 ? "layer \(layers.lowerBound)" : "layers \(Self.range(layers))"
        let label = "\(span) (×\(layers.count))\n\(expertText(experts))"
        addNode(id: id, label: label, kind: .summary, layers: layers, gpu: gpu, experts: experts)
        return (id, id)
    }

    /// Appends a node on `gpu`, filling in its server and stage.
    mutating func addNode(
        id: String, label: String, kind: DeploymentGraph.NodeKind, layers: Range<Int>, gpu: Int, experts: [Int] = []
    ) {
        nodes.append(
            .init(
                id: id, label: label, kind: kind, layers: layers, gpu: gpu, node: deployment.cluster.node(ofGPU: gpu),
                stage: GPURank(gpu: gpu, parallelism: parallelism).stage, experts: experts))
    }

    /// "E5", "E0–15", with " · shard 1/8" under tensor parallelism.
    func expertText(_ experts: [Int]) -> String {
        guard let first = experts.first, let last = experts.last else { return "no experts" }
        let names = first == last ? "E\(first)" : "E\(first)–\(last)"
        return parallelism.tp > 1 ? "\(names) · shard 1/\(parallelism.tp)" : names
    }

    /// "1–15" for 1..<16.
    static func range(_ layers: Range<Int>) -> String { "\(layers.lowerBound)–\(layers.upperBound - 1)" }
}
