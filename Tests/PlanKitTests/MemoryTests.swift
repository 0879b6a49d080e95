import Testing
@testable import PlanKit

@Suite struct MemoryTests {
    @Test func largeEPPerGPU() throws {
        let memory = try CoreFixtures.largeEP.memory
        // 16 layers × (attention 4 · 4096² = 67,108,864 + router 65,536 + 1 expert × 134,217,728)
        // = 16 × 201,392,128 = 3,222,274,048 parameters × 2 B = 6,444,548,096 B ("6.44 GB")
        #expect(memory.weightsPerGPU.bytes == 6_444_548_096)
        #expect(memory.weightsPerGPU.description == "6.44 GB")
        // 8 sequences × 10,000 tokens × 16 layers × 2 (K, V) × 4096 × 2 B = 20,971,520,000 B
        #expect(memory.kvCachePerGPU.bytes == 20_971_520_000)
        // prefill of 80,000 tokens: residual 80,000 · 4096 = 327,680,000 elements, plus the MoE block
        // (larger than attention's 327,680,000 + 80,000 · 12,288 + 327,680,000 = 1,638,400,000):
        // x̃ 327,680,000 + 160,000 rows × (2 · 4096 + 16,384) = 3,932,160,000 → 4,259,840,000
        // (327,680,000 + 4,259,840,000) × 2 B = 9,175,040,000 B
        #expect(memory.activationsPerGPU.bytes == 9_175_040_000)
        // 6,444,548,096 + 20,971,520,000 + 9,175,040,000 = 36,591,108,096 B of 80 GB
        #expect(memory.totalPerGPU.bytes == 36_591_108_096)
        #expect(memory.capacityPerGPU.bytes == 80e9)
        #expect(memory.fits)
    }

    @Test func baselinePerGPU() throws {
        let memory = try CoreFixtures.baseline.memory
        // 8 layers × (67,108,864 / 8 + 65,536 + 16 experts × 134,217,728 / 8)
        // = 8 × (8,388,608 + 65,536 + 268,435,456) = 8 × 276,889,600 = 2,215,116,800 params × 2 B
        #expect(memory.weightsPerGPU.bytes == 4_430_233_600)
        // 128 sequences × 10,000 × 8 layers × 2 × (4096 / 8) × 2 B = 20,971,520,000 B
        #expect(memory.kvCachePerGPU.bytes == 20_971_520_000)
        // prefill of all 1,280,000 tokens at once: residual 5,242,880,000 elements + MoE block
        // x̃ 5,242,880,000 + 2,560,000 rows × (2 · 4096 + 2048) = 26,214,400,000 → 31,457,280,000;
        // (5,242,880,000 + 31,457,280,000) × 2 B = 73,400,320,000 B
        #expect(memory.activationsPerGPU.bytes == 73_400_320_000)
        // 4,430,233,600 + 20,971,520,000 + 73,400,320,000 = 98,802,073,600 > 80 GB
        #expect(memory.totalPerGPU.bytes == 98_802_073_600)
        #expect(!memory.fits)
        #expect(memory.gpu == 0)  // both stages hold the same; the lowest index is reported
    }

    @Test func microBatchesShrinkActivations() throws {
        let d = try Deployment(CoreFixtures.model, CoreFixtures.workload, on: CoreFixtures.cluster,
                               parallelism: Parallelism(tp: 8, pp: 2, microBatches: 4), assumptions: CoreFixtures.handWorked)
        // a quarter of the tokens per micro-batch: 73,400,320,000 / 4 = 18,350,080,000 B
        #expect(d.memory.activationsPerGPU.bytes == 18_350_080_000)
        // 4,430,233,600 + 20,971,520,000 + 18,350,080,000 = 43,751,833,600 B: fits
        #expect(d.memory.totalPerGPU.bytes == 43_751_833_600 && d.memory.fits)
    }

    @Test func embeddingsMakeEndStagesTheMostLoaded() throws {
        // vocabulary 32,000 × 4096 = 131,072,000 parameters each for embedding and head, split TP = 2
        let m = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096, vocabulary: 32_000)
        let d = try Deployment(m, CoreFixtures.workload, on: CoreFixtures.cluster,
                               parallelism: Parallelism(tp: 2, pp: 4, dp: 2), assumptions: CoreFixtures.handWorked)
        // stage 0 (GPUs 0–3) holds the embedding shard: 131,072,000 / 2 × 2 B = 131,072,000 B
        #expect(d.memoryFootprint(ofGPU: 0).embeddingWeights.bytes == 131_072_000)
        #expect(d.memoryFootprint(ofGPU: 4).embeddingWeights.bytes == 0)  // stage 1
        #expect(d.memoryFootprint(ofGPU: 12).embeddingWeights.bytes == 131_072_000)  // stage 3: the head
        #expect(d.memory.gpu == 0)
        #expect(d.memory.totalPerGPU > d.memoryFootprint(ofGPU: 4).totalPerGPU)
    }

    @Test func rowsRenderEveryComponent() throws {
        let memory = try CoreFixtures.largeEP.memory
        #expect(memory.rows.count == 10 && memory.rows.allSatisfy { $0.count == memory.header.count })
        #expect(memory.rows[5] == ["weights", "6.44 GB", "8.06 %"])  // 6.4445 / 80 = 8.06 %
    }
}
