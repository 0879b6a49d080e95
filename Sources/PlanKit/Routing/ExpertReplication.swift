/// Redundant experts placed as DeepSeek's expert-parallel load balancer (EPLB) places them: the hottest experts get
/// extra replicas, and the replicas are packed onto GPUs so that the most-loaded GPU carries as little as it can.
///
/// Given each expert's load (tokens routed to it), `redundant` extra slots and `gpus` GPUs of
/// (experts + redundant) / gpus slots each:
/// 1. replicate: `redundant` times, give one more replica to the expert whose load per replica is largest (ties:
///    the lower expert index); each replica carries load / replicas;
/// 2. pack: take the replicas heaviest first (ties: lower expert index) and put each on the least-loaded GPU that
///    has a free slot (ties: the lower GPU index).
/// (deepseek-ai/eplb `replicate_experts` and `balanced_packing`, without its node-level grouping.)
///
/// Guarantees: every expert has at least one replica; replicas sum to experts + redundant; each GPU holds exactly
/// its slots; the GPUs' loads sum to the experts' loads.
public struct ExpertReplication: Hashable, Sendable, CustomStringConvertible {
    /// Tokens routed to each logical expert.
    public let loads: [Double]
    /// Replicas of each expert (≥ 1).
    public let replicas: [Int]
    /// The experts whose replicas each GPU holds, in packing order.
    public let slots: [[Int]]
    /// The load each GPU carries: the sum of its replicas' loads.
    public let gpuLoads: [Double]

    /// The replication of `loads` with `redundant` extra slots over `gpus` GPUs. `loads.count + redundant` must be
    /// a multiple of `gpus`.
    public init(loads: [Double], redundant: Int, gpus: Int) {
        precondition(gpus > 0 && (loads.count + redundant) % gpus == 0, "slots must split evenly over the GPUs")
        var replicas = Array(repeating: 1, count: loads.count)
        for _ in 0..<redundant {
            var best = 0
            for e in loads.indices where loads[e] / Double(replicas[e]) > loads[best] / Double(replicas[best]) {
                best = e
            }
            replicas[best] += 1
        }
        var items: [(expert: Int, load: Double)] = []
        for e in loads.indices {
            for _ in 0..<replicas[e] { items.append((e, loads[e] / Double(replicas[e]))) }
        }
        items.sort { $0.load != $1.load ? $0.load > $1.load : $0.expert < $1.expert }
        let perGPU = (loads.count + redundant) / gpus
        var slots = Array(repeating: [Int](), count: gpus)
        var gpuLoads = Array(repeating: 0.0, count: gpus)
        for item in items {
            var target = -1
            for g in 0..<gpus where slots[g].count < perGPU && (target < 0 || gpuLoads[g] < gpuLoads[target]) {
                target = g
            }
            slots[target].append(item.expert)
            gpuLoads[target] += item.load
        }
        self.loads = loads
        self.replicas = replicas
        self.slots = slots
        self.gpuLoads = gpuLoads
    }

    /// The most-loaded GPU's load over the mean GPU load (1 = perfectly balanced).
    public var imbalance: Double {
        let mean = gpuLoads.reduce(0, +) / Double(gpuLoads.count)
        return mean > 0 ? (gpuLoads.max() ?? 0) / mean : 1
    }

    /// The imbalance without replicas: experts placed contiguously, experts / gpus per GPU (as `Placement` does).
    public static func contiguousImbalance(loads: [Double], gpus: Int) -> Double {
        let per = loads.count / gpus
        let gpuLoads = (0..<gpus).map { g in loads[g * per..<(g + 1) * per].reduce(0, +) }
        let mean = gpuLoads.reduce(0, +) / Double(gpus)
        return mean > 0 ? (gpuLoads.max() ?? 0) / mean : 1
    }

    public var description: String {
        "EPLB: \(replicas.reduce(0, +) - loads.count) replicas over \(slots.count) GPUs, imbalance "
            + SIFormat.significant(imbalance)
    }
}
