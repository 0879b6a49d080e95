extension DeploymentGraph {
    /// The graph as Graphviz DOT text: clusters nest node (server) → GPU → operators, or stage → node → GPU when
    /// pipeline stages fill whole servers; edges styled by kind and link class (see `DOTStyle`).
    ///
    /// Deterministic: clusters in ascending order, nodes and edges in graph order, no dictionary iteration, so two
    /// calls, two runs and two platforms give byte-identical text. Balanced braces; every id quoted.
    public var dot: String {
        var out = DOTWriter(graph: self)
        return out.write()
    }
}

/// Writes one `DeploymentGraph` as DOT, line by line.
struct DOTWriter {
    let graph: DeploymentGraph
    private var lines: [String] = []
    private var depth = 0

    init(graph: DeploymentGraph) { self.graph = graph }

    mutating func write() -> String {
        line("digraph \"deployment\" {")
        depth += 1
        line("graph" + DOTStyle.list(graph: graph))
        line("node" + DOTStyle.list([
            ("shape", "box"), ("style", "rounded,filled"), ("fontname", DOTStyle.font), ("fontsize", "10"),
            ("color", DOTStyle.ink), ("margin", "0.08,0.04"), ("height", "0.3"),
        ]))
        line("edge" + DOTStyle.list([("fontname", DOTStyle.font), ("fontsize", "10"), ("arrowsize", "0.6")]))
        if graph.nodes.contains(where: { $0.column != nil }) { writeColumns() } else { writeClusters() }
        for node in graph.nodes where node.gpu == nil { writeNode(node) }
        let labelTensors = graph.level != .full
        for edge in graph.edges {
            line("\(DOTStyle.quoted(edge.from)) -> \(DOTStyle.quoted(edge.to))"
                + DOTStyle.list(DOTStyle.attributes(of: edge, labelTensors: labelTensors)))
        }
        depth -= 1
        line("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func line(_ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    // MARK: - Clusters

    /// GPUs that hold at least one node, ascending.
    private var gpus: [Int] { Array(Set(graph.nodes.compactMap(\.gpu))).sorted() }

    private func stage(of gpu: Int) -> Int { GPURank(gpu: gpu, parallelism: graph.parallelism).stage }

    /// Whether stage clusters enclose node clusters (each stage fills whole servers).
    private var stagesEncloseNodes: Bool {
        let p = graph.parallelism
        return p.pp > 1 && (p.ep * p.tp * p.dp) % graph.cluster.gpusPerNode == 0
    }

    private mutating func writeClusters() {
        let gpus = self.gpus
        let p = graph.parallelism
        if stagesEncloseNodes {
            for stage in ordered(gpus.map(stage(of:))) {
                open("cluster_stage\(stage)", label: stageLabel(stage), style: "dashed", colour: DOTStyle.grey)
                let inStage = gpus.filter { self.stage(of: $0) == stage }
                for node in ordered(inStage.map(graph.cluster.node(ofGPU:))) {
                    writeNodeCluster(node, gpus: inStage.filter { graph.cluster.node(ofGPU: $0) == node })
                }
                close()
            }
            return
        }
        for node in ordered(gpus.map(graph.cluster.node(ofGPU:))) {
            let onNode = gpus.filter { graph.cluster.node(ofGPU: $0) == node }
            if p.pp > 1 {
                open("cluster_node\(node)", label: "Node \(node)", style: "rounded", colour: DOTStyle.ink)
                for stage in ordered(onNode.map(stage(of:))) {
                    open("cluster_node\(node)_stage\(stage)", label: stageLabel(stage), style: "dashed", colour: DOTStyle.grey)
                    for gpu in onNode where self.stage(of: gpu) == stage { writeGPUCluster(gpu) }
                    close()
                }
                close()
            } else {
                writeNodeCluster(node, gpus: onNode)
            }
        }
    }

    /// The layer overview: for each column, the GPUs of each server in their boxes, left to right; collectives,
    /// which belong to no GPU, are written outside every cluster.
    private mutating func writeColumns() {
        let columns = ordered(graph.nodes.compactMap { $0.gpu == nil ? nil : $0.column })
        for column in columns {
            let inColumn = graph.nodes.filter { $0.column == column && $0.gpu != nil }
            let gpus = ordered(inColumn.compactMap(\.gpu))
            for server in ordered(gpus.map(graph.cluster.node(ofGPU:))) {
                let onServer = gpus.filter { graph.cluster.node(ofGPU: $0) == server }
                let stage = graph.parallelism.pp > 1 ? " · stage \(stage(of: onServer[0]))" : ""
                open("cluster_c\(column)_node\(server)", label: "Node \(server)\(stage)", style: "rounded",
                     colour: DOTStyle.ink)
                for gpu in onServer {
                    open("cluster_c\(column)_gpu\(gpu)", label: "GPU \(gpu)", style: "rounded,filled", colour: DOTStyle.grey)
                    line("fillcolor=\"#F7F7F7\"")
                    for node in inColumn where node.gpu == gpu { writeNode(node) }
                    close()
                }
                close()
            }
        }
    }

    private mutating func writeNodeCluster(_ node: Int, gpus: [Int]) {
        open("cluster_node\(node)", label: "Node \(node)", style: "rounded", colour: DOTStyle.ink)
        for gpu in gpus { writeGPUCluster(gpu) }
        close()
    }

    private mutating func writeGPUCluster(_ gpu: Int) {
        open("cluster_gpu\(gpu)", label: gpuLabel(gpu), style: "rounded,filled", colour: DOTStyle.grey)
        line("fillcolor=\"#F7F7F7\"")
        for node in graph.nodes where node.gpu == gpu { writeNode(node) }
        close()
    }

    private mutating func open(_ id: String, label: String, style: String, colour: String) {
        line("subgraph \(id) {")
        depth += 1
        line("graph" + DOTStyle.list([
            ("label", label), ("style", style), ("color", colour), ("fontname", DOTStyle.font), ("fontsize", "10"),
        ]))
    }

    private mutating func close() {
        depth -= 1
        line("}")
    }

    private mutating func writeNode(_ node: DeploymentGraph.Node) {
        line(DOTStyle.quoted(node.id) + DOTStyle.list([("label", node.label)] + DOTStyle.attributes(of: node.kind)))
    }

    // MARK: - Labels and order

    /// "GPU 3 · experts 3", "GPU 9 · experts 0–15 · TP rank 1".
    private func gpuLabel(_ gpu: Int) -> String {
        let experts = Set(graph.nodes.filter { $0.gpu == gpu }.flatMap(\.experts)).sorted()
        var label = "GPU \(gpu)"
        if !experts.isEmpty { label += " · experts " + Self.compact(experts) }
        if graph.parallelism.tp > 1 {
            label += " · TP rank \(GPURank(gpu: gpu, parallelism: graph.parallelism).tensorRank)"
        }
        return label
    }

    /// "Stage 1 · layers 8–15", from the layers its nodes cover.
    private func stageLabel(_ stage: Int) -> String {
        let covered = graph.nodes.filter { $0.stage == stage }.map(\.layers)
        guard let low = covered.map(\.lowerBound).min(), let high = covered.map(\.upperBound).max() else {
            return "Stage \(stage)"
        }
        return "Stage \(stage) · " + (high - low == 1 ? "layer \(low)" : "layers \(low)–\(high - 1)")
    }

    /// "3", "0–15", or "0, 2, 5" when not contiguous.
    static func compact(_ values: [Int]) -> String {
        guard let first = values.first, let last = values.last else { return "" }
        if first == last { return "\(first)" }
        return last - first + 1 == values.count ? "\(first)–\(last)" : values.map(String.init).joined(separator: ", ")
    }

    /// Distinct values in ascending order.
    private func ordered(_ values: [Int]) -> [Int] { Array(Set(values)).sorted() }
}

extension DOTStyle {
    /// Graph-wide attributes: title and wrapped caption on top, left-aligned. `.full` runs top to bottom (layers
    /// down, GPUs across); the overview of one layer and the collapsed view run left to right (operators across,
    /// GPUs down), which keeps 16 GPU columns from making the drawing ten times wider than tall, with each node's
    /// edges kept in the order written (`ordering=out`), so that GPUs run 0, 1, 2, … down every column.
    static func list(graph: DeploymentGraph) -> String {
        let full = graph.level == .full
        let label = ([graph.title] + wrapped(graph.caption, width: 100)).map { quotedContent($0) + "\\l" }.joined()
        // The label is escaped line by line and ends each line with DOT's left-justifying "\l".
        return " [label=\"\(label)\", "
            + pairs([
                ("labelloc", "t"), ("labeljust", "l"), ("fontname", font), ("fontsize", "13"),
                ("rankdir", full ? "TB" : "LR"), ("nodesep", full ? "0.15" : "0.12"), ("ranksep", full ? "0.25" : "0.3"),
            ] + (full ? [] : [("ordering", "out")])) + "]"
    }

    /// `text` broken at spaces into lines of at most `width` characters (longer words stay whole).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
