import Testing
@testable import PlanKit

@Suite struct DimensionsTests {
    @Test func largeEPPrefillShapes() throws {
        let table = try CoreFixtures.largeEP.dimensions
        #expect(table.verify().isEmpty)
        // tokens: 128 × 10,000 = 1,280,000 global; 16 replicas → 80,000 per GPU
        let qkv = try #require(table[.qkvProjection])
        #expect(qkv.tensors[0].global == [1_280_000, 4096] && qkv.tensors[0].local == [80_000, 4096])
        // W_qkv: 16 layers × 4096 × (32 + 2·32 = 96 head slots) × 128, replicated (no TP, no PP)
        #expect(qkv.tensors[1].global == [16, 4096, 96, 128] && qkv.tensors[1].local == [16, 4096, 96, 128])
        // W_up: 16 layers × 16 experts × 4096 × 16,384 → one expert per GPU
        let up = try #require(table[.expertUp])
        #expect(up.tensors[1].global == [16, 16, 4096, 16_384] && up.tensors[1].local == [16, 1, 4096, 16_384])
        // routed rows 1,280,000 × 2 = 2,560,000 → 160,000 per GPU
        #expect(up.tensors[0].global == [2_560_000, 4096] && up.tensors[0].local == [160_000, 4096])
        #expect(table[.expertGate] == nil && table[.sharedExperts] == nil)
    }

    @Test func baselineDecodeShapes() throws {
        let table = try CoreFixtures.baseline.dimensions(for: .decode)
        #expect(table.verify().isEmpty)
        // W_qkv: 16 → 8 layers (PP=2), 96 → 12 head slots (TP=8)
        let qkv = try #require(table[.qkvProjection])
        #expect(qkv.tensors[1].local == [8, 4096, 12, 128])
        // KV cache: [16 layers, 128 seqs, 10,000, K/V, 32 heads, 128] → [8, 128, 10,000, 2, 4, 128]
        let cache = try #require(table[.attention]?.tensors(.cache).first)
        #expect(cache.local == [8, 128, 10_000, 2, 4, 128])
        // 8 × 128 × 10,000 × 2 × 4 × 128 = 10,485,760,000 elements × 2 B = the KV bytes per GPU in MemoryTests
        #expect(cache.localElements == 10_485_760_000)
        // W_down: FFN 16,384 / 8 = 2,048
        #expect(table[.expertDown]?.tensors[1].local == [8, 16, 2048, 4096])
        // decode tokens: 128, every GPU of a stage holds all (TP replicates activations)
        #expect(table[.attentionNorm]?.tensors[0].local == [128, 4096])
    }

    @Test func rowsHaveOneEntryPerTensor() throws {
        let table = try CoreFixtures.largeEP.dimensions
        let tensors = table.operators.reduce(0) { $0 + $1.tensors.count }
        #expect(table.rows.count == tensors)
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
        #expect(table.rows[0]
            == ["attention norm", "input x", "[1,280,000 × 4,096]", "tokens by EP", "[80,000 × 4,096]"])
    }

    /// Dimension conservation for every operator under EP, TP, PP, DP, micro-batches and their mixes.
    @Test(arguments: [
        Parallelism(ep: 16), Parallelism(tp: 16), Parallelism(pp: 16), Parallelism(dp: 16),
        Parallelism(tp: 8, pp: 2), Parallelism(ep: 4, tp: 2, pp: 2), Parallelism(ep: 2, tp: 2, pp: 2, dp: 2),
        Parallelism(ep: 8, pp: 2, microBatches: 4), Parallelism(ep: 16, attention: .tensorParallel),
        Parallelism(ep: 4, tp: 4, attention: .tensorParallel), Parallelism(ep: 2, tp: 2, pp: 2, dp: 2, microBatches: 2),
    ])
    func conservation(_ p: Parallelism) throws {
        // gated, one shared expert, GQA (32 query heads of 64, 16 KV heads) so that every operator appears
        let m = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 2048, attentionHeads: 32, kvHeads: 16,
                         gatedFFN: true, sharedExperts: 1)
        for batch in [64, 96] {
            let d = try Deployment(m, Workload(batch: batch, sequenceLength: 33), on: CoreFixtures.cluster,
                                   parallelism: p, assumptions: CoreFixtures.handWorked)
            for phase in Phase.allCases {
                let table = d.dimensions(for: phase)
                #expect(table.verify() == [], "\(p) \(phase)")
                #expect(table.operators.map(\.op) == LayerOperator.operators(of: m))
            }
        }
    }

    @Test func unevenSplitsStillTile() throws {
        // tensor-parallel attention over EP = 16 with 8 decode sequences: each EP rank routes 8/16 tokens,
        // so half the ranks get 1 token and half get 0; the balanced split still tiles.
        let d = try Deployment(CoreFixtures.model, Workload(batch: 8, sequenceLength: 10), on: CoreFixtures.cluster,
                               parallelism: Parallelism(ep: 16, attention: .tensorParallel), assumptions: CoreFixtures.handWorked)
        let table = d.dimensions(for: .decode)
        #expect(table.verify().isEmpty)
        #expect(table[.router]?.tensors[0].dimensions[0].isEven == false)
        #expect(table[.router]?.tensors[0].local == [1, 4096])  // ⌈8 / 16⌉
    }

    @Test func verifyCatchesBrokenTables() throws {
        let good = try CoreFixtures.baseline.dimensions
        // a split that claims 4 ways where TP is 8
        var wrongWays = good
        wrongWays.operators[1].tensors[1].dimensions[2].splits = [AxisSplit(.tensor, 4)]
        #expect(!wrongWays.verify().isEmpty)
        // a reader whose global shape differs from what the writer wrote (qkv written with 96 slots)
        var wrongShape = good
        wrongShape.operators[2].tensors[0].dimensions[1].global = 95
        #expect(wrongShape.verify().contains { $0.contains("was written as") })
        // a tensor split by an axis twice over: pieces collide
        var doubled = good
        doubled.operators[1].tensors[1].dimensions[1].splits = [AxisSplit(.tensor, 8)]
        #expect(doubled.verify().contains { $0.contains("distinct pieces") })
    }
}
