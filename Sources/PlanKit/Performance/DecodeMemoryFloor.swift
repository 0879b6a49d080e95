/// The least time one decode step can take on a deployment's busiest GPU if that GPU did nothing but read, once per
/// pass, the bytes it cannot avoid: the weights of its layers that the step uses and the KV cache of its sequences.
///
/// It is a floor, not an estimate: compute, activations, communication and the time to write new K and V are left
/// out, so no schedule of this deployment decodes faster at the given bandwidth. With p pipeline stages and m
/// micro-batches, one pass of a micro-batch through one GPU reads W + KV / m, and the busiest GPU makes
/// max(m, p) such passes per output token (the same schedule `Deployment.stepBreakdown` uses: max(m × stage,
/// pipeline trip)), so floor = max(m, p) × (W + KV / m) / bandwidth.
///
/// Guarantees: `time` > 0 whenever the GPU holds any weight or cache; `maxTokensPerSecond` = batch / `time`;
/// every byte figure is per GPU.
public struct DecodeMemoryFloor: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Weights one GPU reads in one pass of one micro-batch: its share of attention and router weights for its
    /// layers, plus its experts' weights weighted by the chance that a token routes to them (uniform routing).
    public var weightsPerPass: Bytes
    /// KV cache one GPU reads in one pass of one micro-batch: its sequences of that micro-batch, its layers, its
    /// KV-head shard, at `sequenceLength` cached tokens.
    public var kvCachePerPass: Bytes
    /// Passes of one micro-batch through the busiest GPU per output token: max(micro-batches, stages).
    public var passesPerStep: Int
    /// The HBM bandwidth assumed: the GPU's peak × `bandwidthShare`.
    public var bandwidth: Rate
    /// The share of peak HBM bandwidth assumed (1 = datasheet peak).
    public var bandwidthShare: Double
    /// Sequences that each gain one token per step.
    public var batch: Int

    public init(
        weightsPerPass: Bytes, kvCachePerPass: Bytes, passesPerStep: Int, bandwidth: Rate, bandwidthShare: Double,
        batch: Int
    ) {
        self.weightsPerPass = weightsPerPass
        self.kvCachePerPass = kvCachePerPass
        self.passesPerStep = passesPerStep
        self.bandwidth = bandwidth
        self.bandwidthShare = bandwidthShare
        self.batch = batch
    }

    /// Weights the busiest GPU reads per output token: passesPerStep × weightsPerPass.
    public var weightsPerStep: Bytes { weightsPerPass * Double(passesPerStep) }
    /// KV cache the busiest GPU reads per output token: passesPerStep × kvCachePerPass.
    public var kvCachePerStep: Bytes { kvCachePerPass * Double(passesPerStep) }
    /// Everything the busiest GPU reads per output token.
    public var bytesPerStep: Bytes { weightsPerStep + kvCachePerStep }
    /// The floor on time per output token: bytesPerStep / bandwidth.
    public var time: Seconds { bytesPerStep / bandwidth }
    /// The ceiling on decode throughput this floor implies: batch / time.
    public var maxTokensPerSecond: Rate {
        .tokensPerSecond(time.seconds > 0 ? Double(batch) / time.seconds : .infinity)
    }

    public var description: String {
        "decode floor at \(bandwidth): \(passesPerStep) × (weights \(weightsPerPass) + KV \(kvCachePerPass)) = "
            + "\(bytesPerStep) → TPOT ≥ \(time), ≤ \(maxTokensPerSecond)"
    }

    /// Column titles of `rows`.
    public var header: [String] { ["read per output token, busiest GPU", "bytes", "time at \(bandwidth)"] }

    /// Weights, KV cache and their sum, each with its time at `bandwidth`.
    public var rows: [[String]] {
        [("weights", weightsPerStep), ("KV cache", kvCachePerStep), ("total (floor on TPOT)", bytesPerStep)].map {
            [$0.0, $0.1.description, ($0.1 / bandwidth).description]
        }
    }
}

extension DecodeMemoryFloor: TableDisplayable {}

extension Deployment {
    /// The memory-bandwidth floor on decode time per output token, at `bandwidthShare` of the GPU's peak HBM
    /// bandwidth (1 = datasheet peak, the hardest bound; `assumptions.memoryEfficiency` = what PlanKit's estimate
    /// uses). Embedding and output head are not counted, as in `performance`.
    public func decodeMemoryFloor(bandwidthShare: Double = 1) -> DecodeMemoryFloor {
        let m = model
        let p = parallelism
        let b = workload.precision.bytesPerElement
        let t = StepTokens(self, phase: .decode)
        let layers = Double(placement.layersPerStage)
        let a = Double(p.attentionTensorDegree)
        let tp = Double(p.tp)
        let expertParameters = Double(placement.expertsPerRank) * t.expertActivation * Double(m.parametersPerExpert)
        let perLayer = Double(m.attentionParametersPerLayer) / a + Double(m.routerParametersPerLayer)
            + expertParameters / tp + Double(m.sharedExperts * m.parametersPerExpert) / tp
        let kv = Double(t.sequencesPerMicroBatch) * Double(workload.sequenceLength) * layers * 2
            * Double(m.kvDimension) / a
        return DecodeMemoryFloor(
            weightsPerPass: Bytes(layers * perLayer * b), kvCachePerPass: Bytes(kv * b),
            passesPerStep: max(p.microBatches, p.pp),
            bandwidth: .bytesPerSecond(cluster.gpu.memoryBandwidth * bandwidthShare),
            bandwidthShare: bandwidthShare, batch: workload.batch)
    }
}
