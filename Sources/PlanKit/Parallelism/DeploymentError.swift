/// Why a `Deployment` cannot exist, with what would fit instead.
public enum DeploymentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// ep × tp × pp × dp differs from the cluster's GPU count.
    case gpuCountMismatch(parallelism: Parallelism, needs: Int, cluster: Int)
    /// Experts per layer not divisible by EP.
    case expertsNotDivisible(experts: Int, ep: Int)
    /// Layers not divisible by PP.
    case layersNotDivisible(layers: Int, pp: Int)
    /// Attention heads (or KV heads) not divisible by the attention's tensor-parallel degree.
    case headsNotDivisible(heads: Int, kvHeads: Int, degree: Int)
    /// Expert FFN width not divisible by TP.
    case ffnNotDivisible(expertFFN: Int, tp: Int)
    /// The batch does not split evenly across attention replicas and micro-batches.
    case batchNotDivisible(batch: Int, shards: Int)
    /// A degree, size or count below 1.
    case nonPositive(String, Int)
    /// A count below 0 (redundant experts, dense layers, MoE layers).
    case negative(String, Int)

    public var description: String {
        switch self {
        case let .gpuCountMismatch(p, needs, cluster):
            return "\(p) needs ep × tp × pp × dp = \(needs) GPUs but the cluster has \(cluster); "
                + "choose degrees whose product is \(cluster)"
        case let .expertsNotDivisible(experts, ep):
            return "\(experts) expert slots per layer (experts + redundant) do not split over EP=\(ep); EP must "
                + "divide \(experts) (one of \(divisors(of: experts))), or add redundant experts until it does"
        case let .layersNotDivisible(layers, pp):
            return "\(layers) layers do not split into PP=\(pp) stages; PP must divide \(layers) "
                + "(one of \(divisors(of: layers)))"
        case let .headsNotDivisible(heads, kvHeads, degree):
            return "\(heads) attention heads (\(kvHeads) KV heads) do not split \(degree) ways; the attention "
                + "tensor-parallel degree must divide both (one of \(divisors(of: gcd(heads, kvHeads))))"
        case let .ffnNotDivisible(ffn, tp):
            return "expert FFN width \(ffn) does not split over TP=\(tp); TP must divide \(ffn)"
        case let .batchNotDivisible(batch, shards):
            return "batch \(batch) does not split evenly over \(shards) attention replicas × micro-batches; "
                + "use a batch that is a multiple of \(shards)"
        case let .nonPositive(what, value):
            return "\(what) must be at least 1, not \(value)"
        case let .negative(what, value):
            return "\(what) must be at least 0, not \(value)"
        }
    }
}

func divisors(of n: Int) -> String {
    guard n > 0 else { return "none" }
    return (1...n).filter { n % $0 == 0 }.map(String.init).joined(separator: ", ")
}

func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
