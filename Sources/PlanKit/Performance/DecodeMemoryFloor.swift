/// The least time one decode step can take on a deployment's busiest GPU if that GPU did nothing but read, once per
/// pass, the bytes it cannot avoid: the weights of its layers that the step uses (its embedding rows and output head
/// included) and the KV cache of its sequences, each in its format.
///
/// It is a floor, not an estimate: compute, activations, communication and the time to write new K and V are left
/// out, so no schedule of this deployment decodes faster at the given bandwidth. With p pipeline stages and m
/// micro-batches, one pass of a micro-batch through stage i reads B_i = W_i + KV / m, and the step is at least the
/// busiest stage's m passes and at least one micro-batch's trip through every stage (the schedule
/// `Deployment.stepBreakdown` uses: max(m × max t_i, Σ t_i)), so floor = max(m × max B_i, Σ B_i) / bandwidth —
/// max(m, p) × B / bandwidth when the stages are alike.
///
/// Guarantees: `time` > 0 whenever the GPU holds any weight or cache; `maxTokensPerSecond` = batch / `time`;
/// every byte figure is per GPU.
public struct DecodeMemoryFloor: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Weights the busiest stage's GPU reads in one pass of one micro-batch: its share of attention, router and
    /// dense-FFN weights for its layers, its experts' weights weighted by the chance that a token routes to them
    /// (uniform routing), its embedding rows and output-head shard.
    public var weightsPerPass: Bytes
    /// KV cache one GPU reads in one pass of one micro-batch: its sequences of that micro-batch, its layers, its
    /// KV shard, at `sequenceLength` cached tokens.
    public var kvCachePerPass: Bytes
    /// max(micro-batches, stages): the passes per output token when the stages are alike.
    public var passesPerStep: Int
    /// Weights read per output token by the term that decides the floor (m passes of the busiest stage, or one
    /// trip through every stage).
    public var weightsPerStep: Bytes
    /// KV cache read per output token by the same term.
    public var kvCachePerStep: Bytes
    /// The HBM bandwidth assumed: the GPU's peak × `bandwidthShare`.
    public var bandwidth: Rate
    /// The share of peak HBM bandwidth assumed (1 = datasheet peak).
    public var bandwidthShare: Double
    /// Sequences that each gain one token per step.
    public var batch: Int
    /// The deployment whose floor this is.
    public var plan: DisplayPlan?

    /// The floor for passes of per-stage bytes `stages` (weights, KV cache of one micro-batch) and `microBatches`.
    public init(stages: [(weights: Bytes, kvCache: Bytes)], microBatches: Int, bandwidth: Rate, bandwidthShare: Double,
                batch: Int) {
        let busiest = stages.max { $0.weights + $0.kvCache < $1.weights + $1.kvCache } ?? (.zero, .zero)
        let m = Double(microBatches)
        let trip = (stages.map(\.weights).sum(), stages.map(\.kvCache).sum())
        let busiestWins = (busiest.weights + busiest.kvCache) * m >= trip.0 + trip.1
        weightsPerPass = busiest.weights
        kvCachePerPass = busiest.kvCache
        passesPerStep = max(microBatches, stages.count)
        weightsPerStep = busiestWins ? busiest.weights * m : trip.0
        kvCachePerStep = busiestWins ? busiest.kvCache * m : trip.1
        self.bandwidth = bandwidth
        self.bandwidthShare = bandwidthShare
        self.batch = batch
    }

    /// Everything the busiest GPU reads per output token.
    public var bytesPerStep: Bytes { weightsPerStep + kvCachePerStep }
    /// The floor on time per output token: bytesPerStep / bandwidth.
    public var time: Seconds { bytesPerStep / bandwidth }
    /// The ceiling on decode throughput this floor implies: batch / time.
    public var maxTokensPerSecond: Rate {
        .tokensPerSecond(time.seconds > 0 ? Double(batch) / time.seconds : .infinity)
    }

    public var description: String {
        "decode floor at \(bandwidth): weights \(weightsPerStep) + KV \(kvCachePerStep) = "
            + "\(bytesPerStep) → TPOT ≥ \(time), ≤ \(maxTokensPerSecond)"
    }

    /// "Memory-bandwidth floor on decode time per output token".
    public var title: String? { "Memory-bandwidth floor on decode time per output token" }
    /// Column titles of `rows`.
    public var header: [String] { ["read per output token, busiest GPU", "bytes", "time at \(bandwidth)"] }

    /// Weights, KV cache and their sum, each with its time at `bandwidth`.
    public var cells: [[DisplayCell]] {
        [("weights", weightsPerStep), ("KV cache", kvCachePerStep), ("total (floor on TPOT)", bytesPerStep)].map {
            [DisplayCell($0.0), $0.1.cell, ($0.1 / bandwidth).cell]
        }
    }

    /// The figures, without the plan.
    enum CodingKeys: String, CodingKey {
        case weightsPerPass, kvCachePerPass, passesPerStep, weightsPerStep, kvCachePerStep, bandwidth, bandwidthShare
        case batch
    }
}

extension DecodeMemoryFloor: TableDisplayable {}

extension Deployment {
    /// The memory-bandwidth floor on decode time per output token, at `bandwidthShare` of the GPU's peak HBM
    /// bandwidth (1 = datasheet peak, the hardest bound; `assumptions.memoryEfficiency` = what PlanKit's estimate
    /// uses). It counts exactly the weights and cache the estimate's operators read (`operatorTimes`,
    /// `stepOperatorTimes`), embedding rows and output head included.
    public func decodeMemoryFloor(bandwidthShare: Double = 1) -> DecodeMemoryFloor {
        let m = model
        let p = parallelism
        let f = workload.precisions
        let w = f.weights.bytesPerElement
        let t = StepTokens(self, phase: .decode)
        let a = Double(p.attentionTensorDegree)
        let tp = Double(p.tp)
        let expertParameters = Double(layout.expertsPerRank) * t.expertActivation * Double(m.parametersPerExpert)
        let moeLayer = Double(m.attentionParametersPerLayer) / a + Double(m.routerParametersPerLayer)
            + expertParameters / tp + Double(m.sharedExperts * m.parametersPerExpert) / tp
        let denseLayer = Double(m.attentionParametersPerLayer) / a + Double(m.denseFFNParameters) / a
        let kvSplit = m.kvCacheSplitsByTensorParallel ? a : 1
        let layers = layout.layersPerStage
        let stages = (0..<p.pp).map { stage -> (weights: Bytes, kvCache: Bytes) in
            let dense = Double(min(layers, max(0, m.denseLayers - stage * layers)))
            var weights = dense * denseLayer + (Double(layers) - dense) * moeLayer
            if m.vocabulary > 0 {
                if stage == 0 { weights += Double(t.attentionTokens) * Double(m.hidden) }
                if stage == p.pp - 1 { weights += Double(m.vocabulary) * Double(m.hidden) / a }
            }
            let kv = Double(t.sequencesPerMicroBatch) * Double(workload.sequenceLength) * Double(layers)
                * Double(m.kvElementsPerToken) / kvSplit
            return (Bytes(weights * w), Bytes(kv * f.kvCache.bytesPerElement))
        }
        var floor = DecodeMemoryFloor(
            stages: stages, microBatches: p.microBatches,
            bandwidth: .bytesPerSecond(cluster.gpu.memoryBandwidth * bandwidthShare),
            bandwidthShare: bandwidthShare, batch: workload.batch)
        floor.plan = DisplayPlan(self)
        return floor
    }
}
