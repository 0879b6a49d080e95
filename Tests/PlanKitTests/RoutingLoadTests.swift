import Testing

@testable import PlanKit

@Suite("Routing load on a deployment")
struct RoutingLoadTests {
    /// One layer, 4 experts of 2 × 128 × 256 = 65,536 parameters each, top-2.
    let toyModel = MoEModel(layers: 1, expertsPerLayer: 4, hidden: 128, expertFFN: 256, attentionHeads: 2)
    /// Counts [10, 2, 4, 0]: total 16, mean 4 per expert.
    let counts = RoutingDistribution.counts([10, 2, 4, 0])

    /// Efficiencies of 1, so roofline times are plain FLOPs / peak and bytes / bandwidth.
    var ideal: Assumptions {
        var assumptions = Assumptions.default
        assumptions.computeEfficiency = 1
        assumptions.memoryEfficiency = 1
        return assumptions
    }

    func deployment(_ parallelism: Parallelism, gpus: Int, gpu: GPU) throws -> Deployment {
        try Deployment(
            toyModel, Workload(batch: 4, sequenceLength: 1), on: Cluster(gpu: gpu, nodes: 1, gpusPerNode: gpus),
            parallelism: parallelism, assumptions: ideal)
    }

    /// 1 TFLOP/s and 1 PB/s: compute-bound for these sizes.
    let computeBound = GPU(
        name: "toy", peakFLOPS: 1e12, memoryBandwidth: 1e15, memoryCapacity: 1e12, nvlinkBandwidth: 1e9,
        networkBandwidth: 1e9)
    /// 1 PFLOP/s and 1 GB/s: memory-bound.
    let memoryBound = GPU(
        name: "toy", peakFLOPS: 1e15, memoryBandwidth: 1e9, memoryCapacity: 1e12, nvlinkBandwidth: 1e9,
        networkBandwidth: 1e9)

    @Test func seedPlanPerGPUTokensEqualPerExpertTokens() throws {
        // EP=16 with 16 experts: GPU g holds exactly expert g of every layer, so its tokens are expert g's.
        let model = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
        let proposed = try Deployment(
            model, Workload(batch: 128, sequenceLength: 10_000), on: Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8),
            parallelism: .expert(16), assumptions: CoreFixtures.handWorked)
        let sim = RoutingSimulation(model: model, tokens: 128, distribution: .zipf(1.2), seed: 42)
        let load = sim.load(on: proposed)
        for layer in 0..<16 {
            #expect(load.tokensPerGPU(layer: layer) == sim.expertCounts[layer].map(Double.init))
            #expect(load.layers[layer].imbalance == sim.tokensPerExpert(layer: layer).imbalance)
        }
        #expect(load.slowdown > 1)
    }

    @Test func expertParallelGPUsAddTheirExpertsTokens() throws {
        // EP=2: GPU 0 holds E0, E1 (10 + 2 = 12 tokens), GPU 1 holds E2, E3 (4 + 0 = 4). Mean 8 ⇒ imbalance 1.5.
        let plan = try deployment(.expert(2), gpus: 2, gpu: computeBound)
        let load = RoutingSimulation(model: toyModel, tokens: 8, distribution: counts).load(on: plan)
        #expect(load.tokensPerGPU(layer: 0) == [12, 4])
        #expect(load.imbalance == 1.5)
        #expect(load.layers[0].busiestGPU == 0)
    }

    @Test func tensorShardsShareTheirExpertsTokens() throws {
        // EP=2 × TP=2 on 4 GPUs: gpu = expertRank × 2 + tensorRank, so GPUs 0, 1 shard E0, E1 and each sees all
        // 12 of their tokens; GPUs 2, 3 see 4.
        let plan = try deployment(Parallelism(ep: 2, tp: 2), gpus: 4, gpu: computeBound)
        let load = RoutingSimulation(model: toyModel, tokens: 8, distribution: counts).load(on: plan)
        #expect(load.tokensPerGPU(layer: 0) == [12, 12, 4, 4])
    }

    @Test func dataParallelReplicasSplitTheirExpertsTokens() throws {
        // EP=2 × DP=2: gpu = replica × 2 + expertRank. Each replica of E0, E1 takes 12 / 2 = 6; of E2, E3, 4 / 2 = 2.
        let plan = try deployment(Parallelism(ep: 2, dp: 2), gpus: 4, gpu: computeBound)
        let load = RoutingSimulation(model: toyModel, tokens: 8, distribution: counts).load(on: plan)
        #expect(load.tokensPerGPU(layer: 0) == [6, 2, 6, 2])
    }

    @Test func computeBoundSlowdownEqualsTokenImbalance() throws {
        // GPU 0: FLOPs = 2 × 12 × 65,536 = 1,572,864 ⇒ 1.572864 µs at 1 TFLOP/s (memory 268,288 B at 1 PB/s is
        // 0.27 ns). Balanced: 8 tokens ⇒ 1,048,576 FLOPs ⇒ 1.048576 µs. Ratio 12 / 8 = 1.5.
        let plan = try deployment(.expert(2), gpus: 2, gpu: computeBound)
        let load = RoutingSimulation(model: toyModel, tokens: 8, distribution: counts).load(on: plan)
        #expect(abs(load.slowestGPUStepTime.seconds - 1.572864e-6) < 1e-18)
        #expect(abs(load.balancedStepTime.seconds - 1.048576e-6) < 1e-18)
        #expect(abs(load.slowdown - 1.5) < 1e-12)
        #expect(load.description.contains("skew slows the MoE layers by 1.50×"))
    }

    @Test func memoryBoundTimeCountsOnlyExpertsThatReceivedTokens() throws {
        // Memory-bound at 1 GB/s, BF16 (2 B). GPU 0: both experts active: weights 2 × 65,536 + activations
        // 2 × 12 × 128 = 3,072 elements ⇒ 268,288 B ⇒ 268.288 µs. GPU 1: E3 got no token, so only E2's weights:
        // 65,536 + 2 × 4 × 128 = 66,560 elements ⇒ 133,120 B ⇒ 133.12 µs. Balanced: 2 experts, 8 tokens:
        // 131,072 + 2,048 = 133,120 elements ⇒ 266,240 B ⇒ 266.24 µs. Slowdown 268,288 / 266,240 ≈ 1.00769.
        let plan = try deployment(.expert(2), gpus: 2, gpu: memoryBound)
        let load = RoutingSimulation(model: toyModel, tokens: 8, distribution: counts).load(on: plan)
        #expect(abs(load.layers[0].costs[0].memory.seconds - 268.288e-6) < 1e-15)
        #expect(abs(load.layers[0].costs[1].memory.seconds - 133.12e-6) < 1e-15)
        #expect(abs(load.balancedStepTime.seconds - 266.24e-6) < 1e-15)
        #expect(abs(load.slowdown - 268_288.0 / 266_240.0) < 1e-12)
    }

    @Test func balancedRoutingDoesNotSlowDown() throws {
        // Equal counts [4, 4, 4, 4]: both GPUs carry 8 tokens, exactly the balanced case.
        let plan = try deployment(.expert(2), gpus: 2, gpu: computeBound)
        let load = RoutingSimulation(model: toyModel, tokens: 8, distribution: .counts([4, 4, 4, 4])).load(on: plan)
        #expect(load.slowdown == 1)
        #expect(load.imbalance == 1)
        #expect(load.rows.count == 1)
        #expect(load.header.count == load.rows[0].count)
    }

    @Test func pipelineStagesLoadOnlyTheirOwnGPUs() throws {
        // PP=2 with 2 layers: layer 1 runs on stage 1 = GPU 1 alone; GPU 0 carries none of it.
        let model = MoEModel(layers: 2, expertsPerLayer: 4, hidden: 128, expertFFN: 256)
        let plan = try Deployment(
            model, Workload(batch: 4, sequenceLength: 1), on: Cluster(gpu: computeBound, nodes: 1, gpusPerNode: 2),
            parallelism: Parallelism(pp: 2), assumptions: CoreFixtures.handWorked)
        let load = RoutingSimulation(model: model, tokens: 8, distribution: counts).load(on: plan)
        #expect(load.tokensPerGPU(layer: 0) == [16, 0])
        #expect(load.tokensPerGPU(layer: 1) == [0, 16])
        #expect(load.overflow(capacityFactor: 1).dropped == 12)  // 6 per layer, as in the by-hand counts test
    }
}
