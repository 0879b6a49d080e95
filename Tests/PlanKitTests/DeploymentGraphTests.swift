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
        for level in [DeploymentGraph.Level.full, .collapsed] {
            let graph = try baseline.dag(level)
            let structure = DOTStructure(graph.dot)
            #expect(structure.names.filter { $0.hasPrefix("cluster_stage") } == ["cluster_stage0", "cluster_stage1"])
            for stage in 0..<2 {
                let gpus = structure.names.filter { name in
                    name.hasPrefix("cluster_gpu") && structure.parents[name]?.contains("cluster_stage\(stage)") == true
                }
                #expect(gpus == (8 * stage..<8 * stage + 8).map { "cluster_gpu\($0)" })
            }
        }
    }

    @Test func baselineReducesAfterAttentionAndMoEAndSendsBetweenStages() throws {
        // Layer 0 on stage 0: per GPU norm, attention, all-reduce, router, experts (one node for E0–15), all-reduce,
        // residual add = 7 nodes × 8 GPUs = 56. Each all-reduce is a ring of 8 edges; no all-to-all (EP = 1).
        let layer = try baseline.dag(.layer(0))
        #expect(layer.nodeCount == 56)
        #expect(layer.edges.filter { $0.kind == .allReduce }.count == 16)
        #expect(layer.edges.filter { $0.kind == .allToAll }.isEmpty)
        #expect(layer.edges.filter { $0.kind == .allReduce }.allSatisfy { $0.link == .nvlink })
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

    @Test func seedLayerViewShowsTheChainAndTheAllToAll() throws {
        // Per GPU: norm, attention, router, dispatch, E_g, combine, residual add = 7 × 16 = 112 nodes.
        // All-to-all: 16 × 16 dispatch shares + 16 × 16 combine shares = 512 edges, of which a GPU's share to itself
        // (16 + 16) has no link, the 2 × 8 × 7 × 2 = 224 within a node are NVLink and 2 × 2 × 8 × 8 = 256 are
        // InfiniBand.
        let graph = try proposed.dag(.layer(0))
        #expect(graph.nodeCount == 112)
        let allToAll = graph.edges.filter { $0.kind == .allToAll }
        #expect(allToAll.count == 512)
        #expect(allToAll.filter { $0.link == nil }.count == 32)
        #expect(allToAll.filter { $0.link == .nvlink }.count == 224)
        #expect(allToAll.filter { $0.link == .infiniband }.count == 256)
        // Tensor shapes: each GPU's attention replica holds 128 / 16 = 8 sequences × 10,000 tokens; each peer share
        // is 80,000 × 2 / 16 = 10,000 rows; an expert receives 16 × 10,000 = 160,000 rows.
        #expect(graph.edges.contains { $0.from == "L0_G3_norm" && $0.to == "L0_G3_attention" && $0.tensor == "[8×10000, 4096]" })
        #expect(allToAll.allSatisfy { $0.tensor == "[10000, 4096]" })
        #expect(graph.nodes.first { $0.id == "L0_G3_E3" }?.label.contains("[160000, 4096]") == true)
        #expect(graph.title.contains("prefill"))
        // Decode: one token per sequence, so 8 tokens per GPU.
        #expect(try proposed.dag(.layer(0), phase: .decode).edges.contains { $0.tensor == "[8, 4096]" })
    }

    @Test func allToAllEdgesCrossingNodesAreDrawnAsInfiniBand() throws {
        let graph = try proposed.dag(.layer(2))
        let byID = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0) })
        let dot = graph.dot
        for edge in graph.edges where edge.kind == .allToAll {
            let crosses = byID[edge.from]?.node != byID[edge.to]?.node
            #expect((edge.link == .infiniband) == crosses)
            // The DOT line of a crossing edge is orange and dashed; NVLink ones green and solid.
            let line = dot.split(separator: "\n").first { $0.contains("\"\(edge.from)\" -> \"\(edge.to)\"") } ?? ""
            #expect(line.contains(crosses ? "#E69F00" : (edge.link == .nvlink ? "#009E73" : "#BBBBBB")))
            #expect(line.contains("dashed") == crosses)
        }
    }

    @Test func collapsedSummarisesTheOtherLayersPerGPU() throws {
        // Layer 0 in detail (112 nodes) + one "layers 1–15" summary per GPU (16) = 128.
        let graph = try proposed.dag
        #expect(graph.level == .collapsed)
        #expect(graph.nodeCount == 128)
        let summaries = graph.nodes(ofKind: .summary)
        #expect(summaries.count == 16)
        #expect(summaries.allSatisfy { $0.layers == 1..<16 && $0.experts == [$0.gpu!] })
        #expect(graph.edges.contains { $0.from == "L0_G5_residualAdd" && $0.to == "L1_15_G5_summary" })
    }

    @Test func everyGraphIsWellFormed() throws {
        // For both seed plans at every level: unique node ids, every edge endpoint a node, residual edges present,
        // balanced braces, each node declared exactly once in the DOT, and two calls give the same bytes.
        for deployment in [try proposed, try baseline] {
            for level in [DeploymentGraph.Level.full, .layer(0), .layer(11), .collapsed] {
                let graph = deployment.dag(level)
                let ids = graph.nodes.map(\.id)
                #expect(Set(ids).count == ids.count)
                let known = Set(ids)
                #expect(graph.edges.allSatisfy { known.contains($0.from) && known.contains($0.to) })
                #expect(graph.edges.contains { $0.kind == .residual })
                let dot = graph.dot
                #expect(dot == deployment.dag(level).dot)
                #expect(dot.filter { $0 == "{" }.count == dot.filter { $0 == "}" }.count)
                let structure = DOTStructure(dot)
                #expect(structure.balanced)
                #expect(structure.declared.sorted() == ids.sorted())
                #expect(dot.hasPrefix("digraph \"deployment\" {\n") && dot.hasSuffix("}\n"))
            }
        }
    }

    @Test func dotQuotesLabelsAndKeepsItsStyles() throws {
        #expect(DOTStyle.quoted("a \"b\"\nc\\d") == "\"a \\\"b\\\"\\nc\\\\d\"")
        let dot = try proposed.dag(.layer(0)).dot
        #expect(dot.contains("fontname=\"DejaVu Sans,Verdana,sans-serif\""))
        #expect(dot.contains("subgraph cluster_node0 {"))
        #expect(dot.contains("label=\"GPU 3 · experts 3\""))
        #expect(dot.contains("style=\"dotted\""))  // residual connections
        #expect(dot.contains("rankdir=\"LR\""))
        let baselineDOT = try baseline.dag(.collapsed).dot
        #expect(baselineDOT.contains("style=\"bold,dashed\""))  // the send/recv crosses nodes
        #expect(baselineDOT.contains("label=\"Stage 1 · layers 8–15\""))
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
