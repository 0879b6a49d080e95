/// The local tensor shapes a deployment graph writes on its edges, for one phase, from model, workload and layout.
///
/// Tokens per attention replica = (batch / batchShards / microBatches) sequences × sequenceLength in prefill
/// (× 1 in decode), written "8×10000". Expert rows assume balanced routing: each GPU receives
/// tokens × topK × (its experts / all experts) from every member of its all-to-all group.
struct GraphShapes {
    let deployment: Deployment
    let phase: DeploymentGraph.Phase

    private var model: MoEModel { deployment.model }
    private var parallelism: Parallelism { deployment.parallelism }

    /// Sequences one attention replica holds in one (micro-)step.
    var sequences: Int { deployment.sequencesPerReplica / max(1, parallelism.microBatches) }
    /// Tokens per sequence in this phase.
    var tokensPerSequence: Int { phase == .prefill ? deployment.workload.sequenceLength : 1 }
    /// Tokens one attention replica holds.
    var tokens: Int { sequences * tokensPerSequence }
    /// The token dimension as written: "8×10000" in prefill, "8" in decode.
    var tokenDimension: String { phase == .prefill ? "\(sequences)×\(tokensPerSequence)" : "\(sequences)" }

    /// The activations of one attention replica: "[8×10000, 4096]".
    var activations: String { "[\(tokenDimension), \(model.hidden)]" }

    /// Expected rows (token copies) one all-to-all member sends to another: tokens × topK × expertsPerRank / experts.
    var rowsPerPeer: Double {
        Double(tokens) * Double(model.topK) * Double(deployment.layout.expertsPerRank)
            / Double(model.expertsPerLayer)
    }

    /// Expected rows one GPU's experts process in total under balanced routing: rowsPerPeer from each of the `ep`
    /// members of its all-to-all group when attention is data-parallel, else the replica's tokens × topK × share.
    var expertRows: Double {
        let senders = parallelism.attention == .dataParallel ? parallelism.ep : 1
        return rowsPerPeer * Double(senders)
    }

    /// Shape of one all-to-all share: "[10000, 4096]" (rows rounded to whole tokens).
    var peerShare: String { "[\(Self.rows(rowsPerPeer)), \(model.hidden)]" }

    /// Shape entering or leaving one GPU's experts: "[160000, 4096]".
    var expertInput: String { "[\(Self.rows(expertRows)), \(model.hidden)]" }

    /// A row count as a plain integer, without grouping commas that would read as a second dimension.
    static func rows(_ value: Double) -> String { String(Int(value.rounded())) }

    /// Expert FFN widths on one GPU: "4096→16384→4096", or the 1/tp slice under tensor parallelism.
    var expertFFN: String {
        let inner = model.expertFFN / max(1, parallelism.tp)
        return "FFN \(model.hidden)→\(inner)→\(model.hidden)"
    }

    /// Attention heads on one GPU: "32 heads" or "4 of 32 heads".
    var attentionHeads: String {
        let degree = parallelism.attentionTensorDegree
        return degree > 1 ? "\(model.attentionHeads / degree) of \(model.attentionHeads) heads"
            : "\(model.attentionHeads) heads"
    }
}
