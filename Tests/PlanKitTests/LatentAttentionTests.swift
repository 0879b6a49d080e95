import Testing
@testable import PlanKit

@Suite("Multi-head latent attention and the presets")
struct LatentAttentionTests {
    typealias F = CoreFixtures

    @Test func deepSeekV3CachesOneLatentPerToken() throws {
        let m = MoEModel.deepSeekV3
        // kv_lora_rank 512 + qk_rope_head_dim 64 = 576 elements per token and layer, against MHA's
        // 2 × 128 heads × 128 = 32,768
        #expect(m.kvElementsPerToken == 576)
        #expect(!m.kvCacheSplitsByTensorParallel)
        // BF16: 576 × 2 B = 1,152 B per layer; × 61 layers = 70,272 B per token
        let w = Workload(batch: 16, sequenceLength: 1_000, precisions: .deepSeekV3)
        let d = try Deployment(m, w, on: Cluster(gpu: .h800, nodes: 1, gpusPerNode: 8),
                               parallelism: Parallelism(ep: 8), serving: .decode)
        // 16 sequences / 8 GPUs = 2 per GPU × 1,000 tokens × 70,272 B = 140,544,000 B
        #expect(d.memory.kvCachePerGPU.bytes == 140_544_000)
        // with TP = 2 the latent is not split: each rank keeps its 4 sequences' whole cache
        // (16 / 4 replicas = 4 sequences × 1,000 × 70,272 = 281,088,000 B)
        let tp = try Deployment(m, w, on: Cluster(gpu: .h800, nodes: 1, gpusPerNode: 8),
                                parallelism: Parallelism(ep: 4, tp: 2), serving: .decode)
        #expect(tp.memory.kvCachePerGPU.bytes == 281_088_000)
    }

    @Test func deepSeekV3AttentionParametersAndFLOPs() {
        let m = MoEModel.deepSeekV3
        // W_DQ 7168·1536 = 11,010,048; W_UQ+W_QR 1536·128·192 = 37,748,736; W_DKV+W_KR 7168·576 = 4,128,768;
        // W_UK+W_UV 512·128·256 = 16,777,216; W_O 128·128·7168 = 117,440,512 → 187,105,280
        #expect(m.attentionParametersPerLayer == 187_105_280)
        // prefill, expanded: 2·128·(128 + 64) + 2·128·128 = 49,152 + 32,768 = 81,920 FLOPs per key
        #expect(m.attentionFLOPsPerKey(.prefill) == 81_920)
        // decode, absorbed: 2·128·(512 + 64) + 2·128·512 = 147,456 + 131,072 = 278,528 FLOPs per key
        #expect(m.attentionFLOPsPerKey(.decode) == 278_528)
        // standard MHA of the seed model: 4 × 32 heads × 128 = 16,384 = 4 × hidden, as before
        #expect(F.model.attentionFLOPsPerKey(.decode) == 16_384)
    }

    @Test func presetsHaveTheirPublishedSizes() {
        // DeepSeek-V3: 671 B total, 37 B active (technical report, abstract)
        #expect(abs(Double(MoEModel.deepSeekV3.parameterCount) / 671e9 - 1) < 0.005)
        #expect(abs(Double(MoEModel.deepSeekV3.activeParametersPerToken) / 37e9 - 1) < 0.02)
        // Mixtral 8x7B: 46.7 B total, 12.9 B active (Mixtral paper)
        #expect(abs(Double(MoEModel.mixtral8x7B.parameterCount) / 46.7e9 - 1) < 0.005)
        #expect(abs(Double(MoEModel.mixtral8x7B.activeParametersPerToken) / 12.9e9 - 1) < 0.01)
        // Qwen3-235B-A22B: 235 B total, 22 B active
        #expect(abs(Double(MoEModel.qwen3_235B.parameterCount) / 235e9 - 1) < 0.005)
        #expect(abs(Double(MoEModel.qwen3_235B.activeParametersPerToken) / 22e9 - 1) < 0.01)
        #expect(MoEModel.deepSeekV3.moeLayers == 58)
    }

    @Test func decodeMemoryIsSizedWithDecodeActivations() throws {
        // the bug of issue 13: decode was sized with the prefill working set of the whole batch
        let m = MoEModel.deepSeekV3
        let w = Workload(batch: 88 * 144, sequenceLength: 4_989, precisions: .deepSeekV3)
        let d = try Deployment(m, w, on: Cluster(gpu: .h800, nodes: 18, gpusPerNode: 8),
                               parallelism: Parallelism(ep: 144, redundantExperts: 32), serving: .decode)
        // 88 decode tokens per GPU need megabytes, not the 88 × 4,989-token prefill working set
        #expect(d.memory.activationsPerGPU < Bytes(1e9))
        #expect(d.memory(for: .prefill).activationsPerGPU > Bytes(50e9))
        #expect(d.memory.fits)
        // KV: 88 sequences × 4,989 tokens = 439,032 tokens × 70,272 B = 30,851,656,704 B
        #expect(d.memory.kvCachePerGPU.bytes == 30_851_656_704)
    }
}
