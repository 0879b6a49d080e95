/// The DOT text of a clustered expert-placement DAG like the seed study's: `layers` × `experts` expert nodes on
/// `gpus` GPU clusters inside node clusters, with each layer's experts feeding the next layer's.
enum ExpertGridDOT {
    static func nodeCount(layers: Int, experts: Int) -> Int { layers * experts + layers }

    static func make(layers: Int, experts: Int, gpus: Int, gpusPerNode: Int) -> String {
        var lines = ["digraph experts {", "  graph [fontname=\"Helvetica\", rankdir=TB];", "  node [shape=box, fontname=\"Helvetica\"];"]
        for node in 0..<(gpus / gpusPerNode) {
            lines.append("  subgraph cluster_node\(node) { label=\"Node \(node)\";")
            for gpu in node * gpusPerNode..<(node + 1) * gpusPerNode {
                lines.append("    subgraph cluster_gpu\(gpu) { label=\"GPU \(gpu)\";")
                for layer in 0..<layers {
                    for expert in 0..<experts where expert % gpus == gpu {
                        lines.append("      l\(layer)e\(expert) [label=\"L\(layer) E\(expert)\"];")
                    }
                }
                lines.append("    }")
            }
            lines.append("  }")
        }
        for layer in 0..<layers {
            lines.append("  router\(layer) [label=\"router \(layer)\", shape=ellipse];")
            for expert in 0..<experts {
                lines.append("  router\(layer) -> l\(layer)e\(expert);")
                if layer + 1 < layers { lines.append("  l\(layer)e\(expert) -> router\(layer + 1);") }
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
