import Testing
@testable import PlanKit

@Suite struct DecodeMemoryFloorTests {
    typealias F = CoreFixtures

    /// 1 − (1 − 2/16)^n: the chance an expert receives at least one of n top-2 tokens.
    static func activation(_ n: Int) -> Double { 1 - (0..<n).reduce(1.0) { acc, _ in acc * 0.875 } }

    @Test func largeEPByHand() throws {
        let floor = try F.largeEP.decodeMemoryFloor()
        // per layer on one GPU: attention 4 · 4096² = 67,108,864; router 4096 · 16 = 65,536;
        // its one expert 2 · 4096 · 16,384 = 134,217,728 × P(active), 128 tokens in the EP group
        let perLayer = 67_108_864 + 65_536 + 134_217_728 * Self.activation(128)
        // × 16 layers × 2 B ≈ 6,444,548,096 B
        #expect(F.close(floor.weightsPerPass.bytes, 16 * perLayer * 2))
        // KV: 8 sequences × 10,000 tokens × 16 layers × 2 (K, V) × 4096 × 2 B = 20,971,520,000 B
        #expect(floor.kvCachePerPass.bytes == 20_971_520_000)
        #expect(floor.passesPerStep == 1)
        // ≈ 27,416,068,096 B at 3.35 TB/s = 8.1839 ms; 128 / 8.1839 ms ≈ 15,640 tokens/s
        #expect(F.close(floor.time.seconds, (16 * perLayer * 2 + 20_971_520_000) / 3.35e12))
        #expect(floor.time.description == "8.18 ms")
        #expect(F.close(floor.maxTokensPerSecond.perSecond, 128 / floor.time.seconds))
        // PlanKit's estimate can never beat the floor at peak bandwidth
        #expect(floor.time < (try F.largeEP.performance.decode.tpot))
    }

    @Test func baselinePassesAndMicroBatches() throws {
        // one micro-batch: 2 stages, so 2 passes of (W + KV) per token
        let one = try F.baseline.decodeMemoryFloor()
        // per layer on one GPU: attention 67,108,864 / 8 = 8,388,608; router 65,536;
        // 16 experts / TP 8 = 16 · 134,217,728 / 8 = 268,435,456 × P(active), 128 tokens
        let w1 = 8.0 * (8_388_608 + 65_536 + 268_435_456 * Self.activation(128)) * 2  // ≈ 4,430,233,600 B
        // KV: 128 sequences × 10,000 × 8 layers × 2 × (4096 / 8) × 2 B = 20,971,520,000 B
        #expect(one.passesPerStep == 2)
        #expect(F.close(one.weightsPerPass.bytes, w1))
        #expect(one.kvCachePerPass.bytes == 20_971_520_000)
        // 2 × (4.43 + 20.97) GB = 50.8 GB at 3.35 TB/s = 15.17 ms
        #expect(F.close(one.bytesPerStep.bytes, 2 * (w1 + 20_971_520_000)))

        // two micro-batches of 64: still 2 passes, each with half the KV cache
        let two = try Deployment(F.model, F.workload, on: F.cluster,
                                 parallelism: Parallelism(tp: 8, pp: 2, microBatches: 2), assumptions: CoreFixtures.handWorked).decodeMemoryFloor()
        let w2 = 8.0 * (8_388_608 + 65_536 + 268_435_456 * Self.activation(64)) * 2
        #expect(two.passesPerStep == 2)
        #expect(F.close(two.weightsPerPass.bytes, w2))
        #expect(two.kvCachePerPass.bytes == 10_485_760_000)
        // 2 × (4.43 + 10.49) GB ≈ 29.8 GB at 3.35 TB/s ≈ 8.90 ms
        #expect(two.time.description == "8.90 ms")

        // four micro-batches: 4 passes, each a quarter of the KV cache: 4 W + KV
        let four = try Deployment(F.model, F.workload, on: F.cluster,
                                  parallelism: Parallelism(tp: 8, pp: 2, microBatches: 4), assumptions: CoreFixtures.handWorked).decodeMemoryFloor()
        #expect(four.passesPerStep == 4)
        #expect(four.kvCachePerStep.bytes == 20_971_520_000)
    }

    @Test func bandwidthShareScalesTime() throws {
        let peak = try F.largeEP.decodeMemoryFloor()
        let eighty = try F.largeEP.decodeMemoryFloor(bandwidthShare: 0.8)
        // same bytes at 2.68 TB/s: time × 1 / 0.8 = × 1.25
        #expect(eighty.bytesPerStep == peak.bytesPerStep)
        #expect(F.close(eighty.time.seconds, peak.time.seconds * 1.25))
        #expect(eighty.rows.count == 3 && eighty.header.count == 3)
    }
}
