import Testing

@testable import PlanKit

@Suite("Deployment graph")
struct DeploymentGraphTests {
    /// The seed study: 16 layers × 16 experts, hidden 4096, batch 128 × 10,000 tokens, 2 nodes × 8 H100.
    let model = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
    let workload = Workload(batch: 128, sequenceLength: 10_000, precision: .bf16)
    let cluster = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)
    var proposed: Deployment { get throws { try Deployment(model, workload, on: cluster, parallelism: .expert(16), assumptions: CoreFixtures.handWorked) } }
    var baseline: Deployment {
        get throws { try Deployment(model, workload, on: cluster, parallelism: Parallelism(tp: 8, pp: 2), assumptions: CoreFixtures.handWorked) }
    }

    @Test func seedFullGraphPlacesAll256ExpertsOnTheirGPUs() throws {
        // 16 layers × 16 experts = 256 expert nodes; EP=16 puts expert e of every layer on GPU e (node e / 8).
        let graph = try proposed.dag(.full)
        let experts = graph.nodes(ofKind: .expert)
        #expect(experts.count == 256)
        for node in experts {
            #expect(node.experts.count == 1)
            #expect(node.gpu == node.experts[0])
            #expect(node.node == node.experts[0] / 8)
        }
        let clusters = DOTStructure(graph.dot)
        #expect(clusters.names.filter { $0.hasPrefix("cluster_gpu") }.count == 16)
        #expect(clusters.names.filter { $0.hasPrefix("cluster_node") }.count == 2)
        for node in experts {
            let layer = node.layers.lowerBound
            let expert = node.experts[0]
            #expect(clusters.enclosing[node.id]?.contains("cluster_gpu\(expert)") == true, "L\(layer) E\(expert)")
            #expect(clusters.enclosing[node.id]?.contains("cluster_node\(expert / 8)") == true)
        }
        // Per (layer, GPU): attention, router · dispatch, expert, combine + residual = 4 nodes ⇒ 16 × 16 × 4 = 1,024.
        #expect(graph.nodeCount == 1_024)
        #expect(graph.nodeCount < DeploymentGraph.recommendedNodeLimit)
    }

    @Test func baselineHasTwoStageClustersOfEightGPUs() throws {
        // TP=8 × PP=2 fills one 8-GPU node per stage: stage s ⊃ node s ⊃ GPUs 8s … 8s + 7.
        let graph = try baseline.dag(.full)
        let structure = DOTStructure(graph.dot)
        #expect(structure.names.filter { $0.hasPrefix("cluster_stage") } == ["cluster_stage0", "cluster_stage1"])
        for stage in 0..<2 {
            let gpus = structure.names.filter { name in
                name.hasPrefix("cluster_gpu") && structure.parents[name]?.contains("cluster_stage\(stage)") == true
            }
            #expect(gpus == (8 * stage..<8 * stage + 8).map { "cluster_gpu\($0)" })
        }
        // The collapsed overview: layer 0 in three columns (attention, router and experts, residual add) and the
        // summaries of layers 1–7 on stage 0, then of layers 8–15 on stage 1, each column's GPUs in their node.
        let collapsed = DOTStructure(try baseline.dag(.collapsed).dot)
        for (column, stage) in [(0, 0), (2, 0), (4, 0), (5, 0), (6, 1)] {
            let gpus = collapsed.names.filter { $0.hasPrefix("cluster_c\(column)_gpu") }
            #expect(gpus == (8 * stage..<8 * stage + 8).map { "cluster_c\(column)_gpu\($0)" }, "column \(column)")
            #expect(gpus.allSatisfy { collapsed.parents[$0] == ["cluster_c\(column)_node\(stage)"] })
        }
        #expect(try baseline.dag(.collapsed).dot.contains("label=\"Node 1 · stage 1\""))
    }

    @Test func baselineReducesAfterAttentionAndMoEAndSendsBetweenStages() throws {
        // Layer 0 on stage 0, per GPU: norm · attention, router, experts (one node for E0–15), residual add = 4 nodes
        // × 8 GPUs = 32, and each all-reduce one node for the TP group of GPUs 0–7 = 34. Each GPU has an edge into
        // and out of each all-reduce: 2 × 2 × 8 = 32. No all-to-all (EP = 1), and no ring edges between GPUs.
        let layer = try baseline.dag(.layer(0))
        #expect(layer.nodeCount == 34)
        let collectives = layer.nodes(ofKind: .collective)
        #expect(collectives.map(\.id) == ["L0_attentionAllReduce", "L0_expertAllReduce"])
        #expect(collectives.allSatisfy { $0.members == Array(0..<8) && $0.gpu == nil })
        #expect(layer.edges.filter { $0.kind == .collectiveMember }.count == 32)
        #expect(layer.edges.allSatisfy { $0.kind != .allReduce && $0.kind != .allToAll })
        // The TP group sits in one node, so everything travels over NVLink.
        #expect(collectives.allSatisfy { $0.label.contains("GPUs 0–7, 1 node") && $0.label.contains("all over NVLink") })
        // Collapsed: layer 0 → summary L1–7 on each stage-0 GPU → send/recv to the same TP rank in stage 1 (GPU + 8),
        // crossing from node 0 to node 1, so over InfiniBand.
        let collapsed = try baseline.dag(.collapsed)
        let sends = collapsed.edges.filter { $0.kind == .sendRecv }
        #expect(sends.count == 8)
        #expect(sends.allSatisfy { $0.link == .infiniband })
        #expect(sends.first?.from == "L1_7_G0_summary" && sends.first?.to == "L8_15_G8_summary")
        // Full: 8 layers per stage, so 8 sends at the stage boundary (layer 7 → layer 8) and no others.
        #expect(try baseline.dag(.full).edges.filter { $0.kind == .sendRecv }.count == 8)
    }

    @Test func seedLayerViewDrawsEachAllToAllAsOneNode() throws {
        // Per GPU: norm · attention, router, E_g, residual add = 4 × 16 = 64 nodes, plus one dispatch and one combine
        // node for all 16 GPUs = 66. Each GPU has an edge into and out of each: 2 × 2 × 16 = 64, instead of the
        // 2 × 16 × 16 = 512 GPU-to-GPU shares the edge-level graph draws.
        let graph = try proposed.dag(.layer(0))
        #expect(graph.nodeCount == 66)
        #expect(graph.nodes(ofKind: .collective).map(\.id) == ["L0_dispatch", "L0_combine"])
        let members = graph.edges.filter { $0.kind == .collectiveMember }
        #expect(members.count == 64)
        #expect(graph.edges.filter { $0.kind == .allToAll }.isEmpty)
        // The dispatch node's edges run in GPU order (the layout keeps them so: GPUs 0, 1, … down the column).
        #expect(members.filter { $0.from == "L0_dispatch" }.map(\.to) == (0..<16).map { "L0_G\($0)_E\($0)" })
        // Tensor shapes: each GPU's attention replica holds 128 / 16 = 8 sequences × 10,000 tokens; an expert
        // receives 80,000 × 2 (top-2) / 16 experts × 16 senders = 160,000 rows.
        #expect(graph.edges.contains { $0.from == "L0_G3_attention" && $0.to == "L0_G3_router" && $0.tensor == "[8×10000, 4096]" })
        #expect(members.contains { $0.from == "L0_dispatch" && $0.to == "L0_G3_E3" && $0.tensor == "[160000, 4096]" })
        #expect(graph.nodes.first { $0.id == "L0_G3_E3" }?.label.contains("[160000, 4096]") == true)
        // Tooltips say in words what an edge carries.
        #expect(members.first { $0.to == "L0_G3_E3" }?.detail == "GPU 3 receives [160000, 4096] from the dispatch all-to-all")
        // The dispatch node: a plain all-to-all sends each GPU's 160,000 routed rows × 4096 × 2 bytes = 1.31 GB,
        // 15/16 of it to other GPUs = 1.23 GB; 8 of those 15 peers are on the other node: 53.3 % across nodes.
        let dispatch = graph.nodes.first { $0.id == "L0_dispatch" }
        #expect(dispatch?.label == "dispatch all-to-all\nGPUs 0–15, 2 nodes\n1.23 GB per GPU\n53.3 % across nodes")
        #expect(graph.title.contains("prefill"))
        // Decode: one token per sequence, so 8 tokens per GPU.
        #expect(try proposed.dag(.layer(0), phase: .decode).edges.contains { $0.tensor == "[8, 4096]" })
    }

    @Test func allToAllEdgesCrossingNodesAreDrawnAsInfiniBand() throws {
        // The edge-level graph: one edge per GPU-to-GPU share, NVLink inside a node, InfiniBand across.
        let graph = try proposed.dag(.full)
        let byID = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0) })
        let lines = Dictionary(graph.dot.split(separator: "\n").filter { $0.contains(" -> ") }.map { line in
            (String(line.trimmingPrefix(while: { $0 == " " }).prefix { $0 != "[" }), String(line))
        }, uniquingKeysWith: { first, _ in first })
        for edge in graph.edges where edge.kind == .allToAll && edge.from.hasPrefix("L2_") {
            let crosses = byID[edge.from]?.node != byID[edge.to]?.node
            #expect((edge.link == .infiniband) == crosses)
            // The DOT line of a crossing edge is orange and dashed; NVLink ones green and solid.
            let line = lines["\"\(edge.from)\" -> \"\(edge.to)\" "] ?? ""
            #expect(line.contains(crosses ? "#E69F00" : (edge.link == .nvlink ? "#009E73" : "#BBBBBB")))
            #expect(line.contains("dashed") == crosses)
        }
    }

    @Test func collapsedSummarisesTheOtherLayersPerGPU() throws {
        // Layer 0 as the overview (66 nodes) + one "layers 1–15" summary per GPU (16) = 82, the summaries in a
        // fourth column after layer 0's three (attention and router, experts, residual add) and its two collectives.
        let graph = try proposed.dag
        #expect(graph.level == .collapsed)
        #expect(graph.nodeCount == 82)
        let summaries = graph.nodes(ofKind: .summary)
        #expect(summaries.count == 16)
        #expect(summaries.allSatisfy { $0.layers == 1..<16 && $0.experts == [$0.gpu!] && $0.column == 5 })
        #expect(graph.edges.contains { $0.from == "L0_G5_residualAdd" && $0.to == "L1_15_G5_summary" })
    }

    @Test func everyGraphIsWellFormed() throws {
        // For both seed plans at every level: unique node ids, every edge endpoint a node, residual edges in the
        // edge-level graph, collectives of the overview in no GPU cluster, balanced braces, each node declared
        // exactly once in the DOT, and two calls give the same bytes.
        for deployment in [try proposed, try baseline] {
            for level in [DeploymentGraph.Level.full, .layer(0), .layer(11), .collapsed] {
                let graph = deployment.dag(level)
                let ids = graph.nodes.map(\.id)
                #expect(Set(ids).count == ids.count)
                let known = Set(ids)
                #expect(graph.edges.allSatisfy { known.contains($0.from) && known.contains($0.to) })
                #expect(graph.edges.contains { $0.kind == .residual } == (level == .full))
                let dot = graph.dot
                #expect(dot == deployment.dag(level).dot)
                #expect(dot.filter { $0 == "{" }.count == dot.filter { $0 == "}" }.count)
                let structure = DOTStructure(dot)
                #expect(structure.balanced)
                #expect(structure.declared.sorted() == ids.sorted())
                for node in graph.nodes where node.gpu == nil { #expect(structure.enclosing[node.id] == []) }
                #expect(dot.hasPrefix("digraph \"deployment\" {\n") && dot.hasSuffix("}\n"))
            }
        }
    }

    @Test func dotQuotesLabelsAndKeepsItsStyles() throws {
        #expect(DOTStyle.quoted("a \"b\"\nc\\d") == "\"a \\\"b\\\"\\nc\\\\d\"")
        let dot = try proposed.dag(.full).dot
        #expect(dot.contains("fontname=\"DejaVu Sans,Verdana,sans-serif\""))
        #expect(dot.contains("subgraph cluster_node0 {"))
        #expect(dot.contains("label=\"GPU 3 · experts 3\""))
        #expect(dot.contains("style=\"dotted\""))  // residual connections
        #expect(dot.contains("rankdir=\"TB\""))
        let overview = try proposed.dag(.layer(0)).dot
        #expect(overview.contains("rankdir=\"LR\"") && overview.contains("ordering=\"out\""))
        #expect(overview.contains("subgraph cluster_c0_gpu3 {") && overview.contains("label=\"GPU 3\""))
        let baselineDOT = try baseline.dag(.collapsed).dot
        #expect(baselineDOT.contains("style=\"bold,dashed\""))  // the send/recv crosses nodes
        #expect(try baseline.dag(.full).dot.contains("label=\"Stage 1 · layers 8–15\""))
    }
}

/// The cluster structure of DOT text, read line by line: which clusters exist, which enclose each node declaration
/// and each cluster, and whether braces balance. Enough for the writer's one-statement-per-line output.
struct DOTStructure {
    var names: [String] = []
    var enclosing: [String: [String]] = [:]
    var parents: [String: [String]] = [:]
    var declared: [String] = []
    var balanced = true

    init(_ dot: String) {
        var stack: [String] = []
        var depth = 0
        for raw in dot.split(separator: "\n") {
            let line = raw.trimmingPrefix(while: { $0 == " " })
            if line.hasPrefix("subgraph ") {
                let name = String(line.dropFirst("subgraph ".count).prefix { $0 != " " })
                parents[name] = stack
                names.append(name)
                stack.append(name)
                depth += 1
            } else if line.hasPrefix("digraph") {
                depth += 1
            } else if line == "}" {
                depth -= 1
                if !stack.isEmpty && depth == stack.count { stack.removeLast() }
                if depth < 0 { balanced = false }
            } else if line.hasPrefix("\""), !line.contains(" -> ") {
                let id = String(line.dropFirst().prefix { $0 != "\"" })
                declared.append(id)
                enclosing[id] = stack
            }
        }
        if depth != 0 { balanced = false }
    }
}
