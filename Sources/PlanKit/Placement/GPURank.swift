/// A GPU's coordinates in the parallel layout: its pipeline stage, data-parallel replica, expert rank and tensor rank.
///
/// `gpu = ((stage × dp + replica) × ep + expertRank) × tp + tensorRank` (see `Parallelism`).
public struct GPURank: Hashable, Codable, Sendable {
    public var stage: Int
    public var replica: Int
    public var expertRank: Int
    public var tensorRank: Int

    public init(stage: Int, replica: Int, expertRank: Int, tensorRank: Int) {
        self.stage = stage
        self.replica = replica
        self.expertRank = expertRank
        self.tensorRank = tensorRank
    }

    /// The rank of `gpu` under `parallelism`.
    public init(gpu: Int, parallelism p: Parallelism) {
        tensorRank = gpu % p.tp
        expertRank = (gpu / p.tp) % p.ep
        replica = (gpu / (p.tp * p.ep)) % p.dp
        stage = gpu / (p.tp * p.ep * p.dp)
    }

    /// The GPU index of this rank under `parallelism`.
    public func gpu(_ p: Parallelism) -> Int { ((stage * p.dp + replica) * p.ep + expertRank) * p.tp + tensorRank }
}
