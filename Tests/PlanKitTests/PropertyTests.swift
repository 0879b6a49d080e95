import Testing
@testable import PlanKit

/// Draws for property tests from PlanKit's own seeded generator.
extension SplitMix64 {
    /// A value in `range`: next() modulo its size (the bias is immaterial for picking test cases).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...choices.count - 1)] }
}

/// A random valid plan: degrees that are powers of two multiplying to 8 … 256 GPUs, and a model, workload and
/// cluster built to divide by them.
struct RandomPlan {
    var parallelism: Parallelism
    var gpusPerNode: Int

    init(_ r: inout SplitMix64) {
        var degrees = [1, 1, 1, 1]  // ep, tp, pp, dp
        for _ in 0..<r.int(3...8) { degrees[r.int(0...3)] *= 2 }
        parallelism = Parallelism(ep: degrees[0], tp: degrees[1], pp: degrees[2], dp: degrees[3],
                                  microBatches: r.pick([1, 1, 2, 4]),
                                  attention: r.pick([.dataParallel, .tensorParallel]))
        gpusPerNode = r.pick([4, 8])
    }

    /// The same plan with one degree doubled (so twice the GPUs).
    func doubled(_ axis: Int) -> RandomPlan {
        var copy = self
        switch axis {
        case 0: copy.parallelism.ep *= 2
        case 1: copy.parallelism.tp *= 2
        case 2: copy.parallelism.pp *= 2
        default: copy.parallelism.dp *= 2
        }
        return copy
    }

    /// A deployment of this plan whose model and batch also fit `widest` (a plan whose degrees are multiples).
    func deployment(_ r: inout SplitMix64, fitting widest: Parallelism? = nil) throws -> Deployment {
        let w = widest ?? parallelism
        let a = w.attentionTensorDegree
        let heads = a * r.pick([1, 2])
        let model = MoEModel(
            layers: w.pp * r.pick([1, 2, 3]), expertsPerLayer: w.ep * r.pick([1, 2, 4]),
            hidden: heads * r.pick([16, 64]), expertFFN: w.tp * r.pick([8, 64, 96]), topK: r.pick([1, 2, 4]),
            attentionHeads: heads, kvHeads: r.pick([a, heads]), gatedFFN: r.pick([false, true]),
            sharedExperts: r.pick([0, 0, 1]), vocabulary: r.pick([0, 1000 * a]))
        let workload = Workload(batch: w.batchShards * w.microBatches * r.int(1...4),
                                sequenceLength: r.int(1...4096), precision: r.pick(Precision.allCases))
        return try Deployment(model, workload, on: cluster(r.pick([GPU.h100SXM, .a100SXM80, .b200])),
                              parallelism: parallelism, assumptions: CoreFixtures.handWorked)
    }

    func cluster(_ gpu: GPU) -> Cluster {
        let perNode = min(gpusPerNode, parallelism.gpuCount)
        return Cluster(gpu: gpu, nodes: parallelism.gpuCount / perNode, gpusPerNode: perNode)
    }
}

@Suite struct PropertyTests {
    typealias F = CoreFixtures

    @Test func dimensionsReassembleForRandomPlans() throws {
        var r = SplitMix64(seed: 1)
        for _ in 0..<40 {
            let d = try RandomPlan(&r).deployment(&r)
            for phase in Phase.allCases {
                #expect(d.dimensions(for: phase).verify() == [], "\(d.parallelism) \(phase)")
            }
        }
    }

    @Test func memoryIsConservedAcrossGPUs() throws {
        var r = SplitMix64(seed: 2)
        for _ in 0..<150 {
            let d = try RandomPlan(&r).deployment(&r)
            let m = d.model
            let p = d.parallelism
            let b = d.workload.precision.bytesPerElement
            let gpus = Double(p.gpuCount)
            let a = Double(p.attentionTensorDegree)
            var sums = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
            for gpu in 0..<p.gpuCount {
                let f = d.memoryFootprint(ofGPU: gpu)
                sums[0] += f.expertWeights.bytes
                sums[1] += f.attentionWeights.bytes
                sums[2] += f.routerWeights.bytes
                sums[3] += f.kvCachePerGPU.bytes
                sums[4] += f.embeddingWeights.bytes
                sums[5] += f.sharedExpertWeights.bytes
                #expect(f.totalPerGPU <= d.memory.totalPerGPU)  // the reported GPU is the most loaded
            }
            let layers = Double(m.layers)
            // every expert once per DP replica; attention once per group of a GPUs in a stage
            #expect(F.close(sums[0], layers * Double(m.expertsPerLayer * m.parametersPerExpert) * b * Double(p.dp)))
            #expect(F.close(sums[1], layers * Double(m.attentionParametersPerLayer) * b * gpus / (Double(p.pp) * a)))
            #expect(F.close(sums[2], layers * Double(m.routerParametersPerLayer) * b * gpus / Double(p.pp)))
            // every (sequence, token, layer, K/V, KV channel) cached exactly once
            #expect(F.close(sums[3], Double(d.workload.batch * d.workload.sequenceLength) * layers * 2
                * Double(m.kvDimension) * b))
            #expect(F.close(sums[4], Double(m.embeddingParameters) * b * gpus / (Double(p.pp) * a)))
            #expect(F.close(sums[5], layers * Double(m.sharedExperts * m.parametersPerExpert) * b * gpus
                / (Double(p.pp) * Double(p.tp))))
            // the KV cache memory agrees with the dimension table's cache shard (per micro-batch)
            let cache = try #require(d.dimensions(for: .decode)[.attention]?.tensors(.cache).first)
            #expect(F.close(Double(cache.localElements * p.microBatches) * b, d.memory.kvCachePerGPU.bytes))
        }
    }

    @Test func flopsAndRoutedBytesAreConserved() throws {
        var r = SplitMix64(seed: 3)
        for _ in 0..<150 {
            let d = try RandomPlan(&r).deployment(&r)
            let m = d.model
            let p = d.parallelism
            let stageGPUs = Double(d.placement.gpusPerStage)
            let perStep = stageGPUs * Double(m.layers * p.microBatches)  // GPU-layers-micro-batches of a step
            let width = Double(m.attentionHeads + 2 * m.kvHeads) * Double(m.headDimension)
            for phase in Phase.allCases {
                let tokens = StepTokens(d, phase: phase)
                let global = Double(tokens.globalTokens)
                let ops = d.operatorTimes(phase)
                let up = try #require(ops.first { $0.op == .expertUp })
                let qkv = try #require(ops.first { $0.op == .qkvProjection })
                // every routed row meets each expert's up projection once: layers × tokens × topK × 2·d·F
                #expect(F.close(up.flops.flops * perStep,
                                Double(m.layers) * global * Double(m.topK) * 2 * Double(m.hidden * m.expertFFN)))
                // every token is projected once: layers × tokens × 2·d·w
                #expect(F.close(qkv.flops.flops * perStep, Double(m.layers) * global * 2 * Double(m.hidden) * width))
                // the all-to-all buffer of a GPU is what the dimension table routes to it; each routed row
                // leaves once per TP rank
                if let dispatch = d.communication(for: phase).first(.allToAll, "dispatch") {
                    // dispatched rows travel in the dispatch format, FP8 with one FP32 scale per 128 elements
                    let b = d.workload.precisions.dispatch.bytesPerElementWithScales
                    let n = Double(p.ep)
                    let buffer = dispatch.bytesPerGPU.bytes * n / (n - 1)
                    #expect(F.close(buffer * stageGPUs * Double(p.microBatches),
                                    Double(p.tp) * global * Double(m.topK) * Double(m.hidden) * b))
                    let rows = try #require(d.dimensions(for: phase)[.dispatch]?.tensors(.output).first)
                    if rows.dimensions[0].isEven {
                        #expect(F.close(buffer, Double(rows.localElements) * b))
                    }
                    #expect(dispatch.interNodeBytesPerGPU <= dispatch.bytesPerGPU)
                }
            }
        }
    }

    @Test func timesArePositiveAndBreakdownsAddUp() throws {
        var r = SplitMix64(seed: 4)
        for _ in 0..<150 {
            let d = try RandomPlan(&r).deployment(&r)
            let performance = d.performance
            for (step, latency) in [(performance.prefill.breakdown, performance.prefill.ttft),
                                    (performance.decode.breakdown, performance.decode.tpot)] {
                #expect(latency.seconds > 0 && latency.seconds.isFinite)
                let t = step.total
                #expect(t.compute >= .zero && t.memory >= .zero && t.communication >= .zero && t.bubble >= .zero)
                #expect(F.close(t.total.seconds, latency.seconds, 1e-12))
                #expect(step.operators.allSatisfy { $0.time.seconds >= 0 && $0.time.seconds.isFinite })
            }
            for plan in [d.communication.prefill, d.communication.decode] {
                #expect(plan.collectives.allSatisfy { $0.time.seconds > 0 && $0.bytesPerGPU.bytes > 0 })
            }
            #expect(performance.prefill.tokensPerSecond.perSecond > 0)
            #expect(performance.decode.tokensPerSecond.perSecond > 0)
        }
    }

    @Test func moreGPUsNeverIncreaseTheWeightsPerGPU() throws {
        var r = SplitMix64(seed: 5)
        for _ in 0..<150 {
            let small = RandomPlan(&r)
            guard small.parallelism.gpuCount < 256 else { continue }
            let large = small.doubled(r.int(0...3))
            var r1 = r
            var r2 = r
            let before = try small.deployment(&r1, fitting: large.parallelism)
            let after = try large.deployment(&r2, fitting: large.parallelism)
            _ = r.next()
            #expect(before.model == after.model && before.workload == after.workload)
            #expect(after.memory.weightsPerGPU.bytes <= before.memory.weightsPerGPU.bytes * (1 + 1e-12),
                    "\(small.parallelism) → \(large.parallelism)")
            #expect(after.memory.kvCachePerGPU.bytes <= before.memory.kvCachePerGPU.bytes * (1 + 1e-12))
        }
    }

    /// The decode floor and the prefill ceiling count exactly what the estimate counts, so over thousands of random
    /// plans — MHA, GQA and MLA, dense layers, vocabularies, redundant experts, every precision mix, overlap model
    /// and dispatch kernel — no estimate decodes faster than its floor or prefills faster than its ceiling.
    @Test func noEstimateBeatsItsBounds() throws {
        var r = SplitMix64(seed: 6)
        for _ in 0..<2_000 {
            let d = try RandomPlan(&r).richDeployment(&r)
            let performance = d.performance
            let floor = d.decodeMemoryFloor()
            let ceiling = d.prefillComputeCeiling()
            #expect(performance.decode.tpot.seconds >= floor.time.seconds * (1 - 1e-12),
                    "\(d.model) \(d.parallelism) \(d.assumptions.overlap)")
            #expect(performance.prefill.tokensPerSecond.perSecond <= ceiling.tokensPerSecond.perSecond * (1 + 1e-12),
                    "\(d.model) \(d.parallelism) \(d.assumptions.overlap)")
            // and the bounds at PlanKit's own efficiencies are not looser than the datasheet ones
            #expect(d.decodeMemoryFloor(bandwidthShare: 0.5).time >= floor.time)
        }
    }
}

extension RandomPlan {
    /// A deployment of this plan with every feature drawn at random: attention kind, dense layers, vocabulary,
    /// redundant experts, a format per tensor, the overlap model and the dispatch kernels.
    func richDeployment(_ r: inout SplitMix64) throws -> Deployment {
        let w = parallelism
        let a = w.attentionTensorDegree
        let heads = a * r.pick([1, 2])
        let latent = r.pick([false, true])
        let attention: AttentionKind = latent
            ? .latent(LatentAttention(queryRank: r.pick([0, 32]), kvRank: r.pick([32, 64]), nopeHeadDimension: 16,
                                      ropeHeadDimension: 8, valueHeadDimension: 16))
            : .standard
        let layers = w.pp * r.pick([1, 2, 3])
        let model = MoEModel(
            layers: layers, expertsPerLayer: w.ep * r.pick([1, 2, 4]), hidden: heads * r.pick([16, 64]),
            expertFFN: w.tp * r.pick([8, 64, 96]), topK: r.pick([1, 2, 4]), attentionHeads: heads,
            kvHeads: latent ? heads : r.pick([a, heads]), attention: attention, gatedFFN: r.pick([false, true]),
            sharedExperts: r.pick([0, 0, 1]), vocabulary: r.pick([0, 1000 * a]), denseLayers: r.pick([0, 0, 1]),
            denseFFN: a * r.pick([16, 128]))
        let precisions = TensorPrecisions(
            weights: r.pick(Precision.allCases), activations: r.pick(Precision.allCases),
            kvCache: r.pick(Precision.allCases), attention: r.pick(Precision.allCases),
            dispatch: r.pick(Precision.allCases), combine: r.pick(Precision.allCases))
        let workload = Workload(batch: w.batchShards * w.microBatches * r.int(1...4),
                                sequenceLength: r.int(1...4096), precisions: precisions)
        var assumptions = Assumptions.default
        assumptions.overlap = r.pick(Overlap.allCases)
        assumptions.dispatchKernels = DispatchKernels(prefill: r.pick(DispatchKernel.allCases),
                                                      decode: r.pick(DispatchKernel.allCases))
        var p = parallelism
        p.redundantExperts = w.ep * r.pick([0, 0, 1])
        return try Deployment(model, workload, on: cluster(r.pick([GPU.h100SXM, .h800, .a100SXM80, .b200])),
                              parallelism: p, serving: r.pick(ServingRole.allCases), assumptions: assumptions)
    }
}
