/// How a deployment splits the model over GPUs: expert (EP), tensor (TP), pipeline (PP) and data (DP) parallelism.
///
/// GPUs are ranked with TP innermost, then EP, then DP, then PP outermost:
/// `gpu = ((stage × dp + replica) × ep + expertRank) × tp + tensorRank`. So TP groups are contiguous GPUs (inside a
/// node when tp ≤ gpusPerNode) and pipeline stage s holds the s-th contiguous block of GPUs.
public struct Parallelism: Hashable, Codable, Sendable, CustomStringConvertible {
    /// How attention is parallelised inside an expert-parallel group.
    public enum Attention: String, Hashable, Codable, Sendable {
        /// Each GPU of an EP group serves its own share of the batch with a full attention replica
        /// (sharded only by TP), as large-EP serving systems do (DeepSeek-V3, SGLang DP-attention).
        case dataParallel
        /// Attention heads are split across all ep × tp GPUs of the group, which all see the whole batch.
        case tensorParallel
    }

    /// Expert-parallel degree: each layer's experts are split into `ep` groups on `ep` GPUs.
    public var ep: Int
    /// Tensor-parallel degree: every weight matrix (attention and each expert) is split `tp` ways.
    public var tp: Int
    /// Pipeline-parallel degree: layers are split into `pp` consecutive stages.
    public var pp: Int
    /// Data-parallel degree: whole replicas of the (ep × tp × pp) deployment, each serving batch / dp.
    public var dp: Int
    /// Micro-batches a pipeline splits each step into (1 = none).
    public var microBatches: Int
    /// How attention is parallelised inside an EP group.
    public var attention: Attention
    /// Extra expert slots per layer holding replicas of hot experts (EPLB-style; DeepSeek-V3 serves with 32), so
    /// each expert rank holds (experts + redundantExperts) / ep slots. `ExpertReplication` chooses the replicas
    /// from routing loads; `Placement` puts replica r on slot experts + r holding expert r.
    public var redundantExperts: Int

    public init(
        ep: Int = 1, tp: Int = 1, pp: Int = 1, dp: Int = 1, microBatches: Int = 1,
        attention: Attention = .dataParallel, redundantExperts: Int = 0
    ) {
        self.ep = ep
        self.tp = tp
        self.pp = pp
        self.dp = dp
        self.microBatches = microBatches
        self.attention = attention
        self.redundantExperts = redundantExperts
    }

    /// EP = n with data-parallel attention and no TP, PP or DP.
    public static func expert(_ n: Int) -> Parallelism { Parallelism(ep: n) }

    /// GPUs the plan needs: ep × tp × pp × dp.
    public var gpuCount: Int { ep * tp * pp * dp }

    /// Ways attention's heads are split: tp, or ep × tp when attention is tensor-parallel across the EP group.
    public var attentionTensorDegree: Int { attention == .tensorParallel ? ep * tp : tp }

    /// Ways the batch is split between independent attention replicas: dp, times ep when attention is data-parallel.
    public var batchShards: Int { attention == .dataParallel ? dp * ep : dp }

    public var description: String {
        var parts: [String] = []
        if ep > 1 { parts.append("EP=\(ep)") }
        if tp > 1 { parts.append("TP=\(tp)") }
        if pp > 1 { parts.append("PP=\(pp)") }
        if dp > 1 { parts.append("DP=\(dp)") }
        if parts.isEmpty { parts.append("single GPU") }
        if redundantExperts > 0 { parts[parts.count - 1] += " (+\(redundantExperts) redundant experts)" }
        if microBatches > 1 { parts.append("\(microBatches) micro-batches") }
        return parts.joined(separator: " × ")
    }
}
