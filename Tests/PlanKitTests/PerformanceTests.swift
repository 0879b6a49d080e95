import Testing
@testable import PlanKit

@Suite struct PerformanceTests {
    typealias F = CoreFixtures

    @Test func largeEPDecodeByHand() throws {
        let decode = try F.largeEP.performance.decode
        // HBM elements per layer on one GPU, 8 decode tokens (every operator is memory-bound):
        //   norms 2 × 2·8·4096 = 131,072; QKV 4096·12,288 + 8·4096 + 8·12,288 = 50,462,720
        //   attention: qkv 98,304 + o 32,768 + new K,V 65,536 + KV cache 8·10,000·8192 = 655,360,000
        //     → 655,556,608; output projection 4096² + 2·8·4096 = 16,842,752
        //   residuals 2 × 98,304 + combine 16·4096 + 8·4096 = 98,304 → 294,912
        //   router 4096·16 + 8·4096 + 8·16 = 98,432; dispatch 2·16·4096 = 131,072
        //   up and down: 2 × (4096·16,384 (one expert, active with p = 1 − 0.875^128) + 16·4096 + 16·16,384)
        //     = 134,217,728 + 655,360
        //   sum = 858,390,656 elements × 2 B = 1,716,781,312 B per layer, at 2.68 TB/s = 640.59 µs
        let memory = 16 * 1_716_781_312 / F.memoryRate
        // plus dispatch and combine, 11.6384 µs each, per layer
        let communication = 16 * 2 * 11.6384e-6
        #expect(F.close(decode.breakdown.total.memory.seconds, memory, 1e-7))
        #expect(decode.breakdown.total.compute == .zero && decode.breakdown.total.bubble == .zero)
        #expect(F.close(decode.breakdown.total.communication.seconds, communication))
        // TPOT = 10.2494 ms + 0.3724 ms = 10.62 ms; 128 / TPOT = 12,050 tokens/s
        #expect(F.close(decode.tpot.seconds, memory + communication, 1e-7))
        #expect(decode.tpot.description == "10.6 ms")
        #expect(F.close(decode.tokensPerSecond.perSecond, 128 / (memory + communication), 1e-7))
    }

    @Test func largeEPPrefillByHand() throws {
        let prefill = try F.largeEP.performance.prefill
        // compute-bound operators per layer, 80,000 tokens, 160,000 routed rows:
        //   QKV 2·80,000·4096·12,288 = 8,053,063,680,000; attention 4·80,000·5000.5·4096 = 6,554,255,360,000
        //   output 2·80,000·4096² = 2,684,354,560,000;
        //   up and down 2 × 2·160,000·4096·16,384 = 42,949,672,960,000
        //   = 60,241,346,560,000 FLOPs at 692.3 TFLOP/s = 87.016 ms
        let compute = 16 * 60_241_346_560_000 / F.computeRate
        // memory-bound operators per layer (elements × 2 B): norms 2 × 655,360,000; residuals and combine
        // 3 × 983,040,000; router 65,536 + 327,680,000 + 1,280,000; dispatch 1,310,720,000
        //   = 11,799,171,072 B at 2.68 TB/s = 4.4027 ms
        let memory = 16 * 11_799_171_072 / F.memoryRate
        // dispatch + combine: 2 × (10 µs + 655,360,000 / 40 GB/s) = 32.788 ms
        let communication = 16 * 2 * (10e-6 + 655_360_000 / F.networkRate)
        let total = prefill.breakdown.total
        #expect(F.close(total.compute.seconds, compute))
        #expect(F.close(total.memory.seconds, memory))
        #expect(F.close(total.communication.seconds, communication))
        // TTFT = 16 × 124.207 ms = 1.987 s; 1,280,000 / 1.987 s = 644 k tokens/s
        #expect(F.close(prefill.ttft.seconds, compute + memory + communication))
        #expect(prefill.ttft.description == "1.99 s")
        #expect(F.close(prefill.tokensPerSecond.perSecond, 1_280_000 / (compute + memory + communication)))
        #expect(prefill.breakdown[.expertUp]?.bound == .compute && prefill.breakdown[.router]?.bound == .memory)
    }

    @Test func baselineDecodeByHand() throws {
        let decode = try F.baseline.performance.decode
        // per layer on one GPU, 128 tokens, heads / 8 (every operator memory-bound), elements:
        //   norms 2 × 1,048,576; QKV 4096·1536 + 128·4096 + 128·1536 = 7,012,352
        //   attention 128·(1536 + 512 + 1024) + KV cache 128·10,000·1024 = 1,311,113,216
        //   output 4096·512 + 128·512 + 128·4096 = 2,686,976; residuals and combine 3 × 1,572,864
        //   router 65,536 + 524,288 + 2,048 = 591,872; dispatch 2·256·4096 = 2,097,152
        //   up and down 2 × (16 experts · 4096·2048 (active) + 256·4096 + 256·2048) = 268,435,456 + 3,145,728
        //   sum = 1,601,898,496 elements × 2 B = 3,203,796,992 B at 2.68 TB/s = 1.19545 ms
        let layerMemory = 3_203_796_992 / F.memoryRate
        // two all-reduces of 14 × (5 µs + 131,072 B / 360 GB/s) = 75.097 µs each
        let layerCommunication = 2 * 14 * (5e-6 + 131_072 / F.nvlinkRate)
        let send = 10e-6 + 1_048_576 / F.networkRate  // 36.2144 µs
        let stage = 8 * (layerMemory + layerCommunication)  // 10.765 ms
        // one micro-batch: a token passes stage 0, the send, stage 1: TPOT = 21.567 ms
        #expect(F.close(decode.tpot.seconds, 2 * stage + send, 1e-7))
        // the busy GPU of stage 0 works stage + send and waits the other stage: bubble = stage
        #expect(F.close(decode.breakdown.total.bubble.seconds, stage, 1e-6))
        #expect(F.close(decode.tokensPerSecond.perSecond, 128 / (2 * stage + send), 1e-7))
    }

    @Test func baselinePrefillByHand() throws {
        let prefill = try F.baseline.performance.prefill
        // compute-bound per layer, 1,280,000 tokens, heads / 8, FFN / 8:
        //   QKV 2·1.28e6·4096·1536 = 16,106,127,360,000; attention 4·1.28e6·5000.5·512 = 13,108,510,720,000
        //   output 2·1.28e6·512·4096 = 5,368,709,120,000;
        //   up and down 2 × 2·2.56e6·4096·2048 = 85,899,345,920,000
        //   = 120,482,693,120,000 FLOPs → 174.03 ms
        let compute = 120_482_693_120_000 / F.computeRate
        // memory-bound (elements): norms 2 × 10,485,760,000; residuals 2 × 15,728,640,000;
        // combine 15,728,640,000; router 5,263,425,536; dispatch 20,971,520,000 → 94,392,385,536 × 2 B
        let memory = 188_784_771_072 / F.memoryRate  // 70.44 ms
        let allReduce = 14 * (5e-6 + 10_485_760_000 / 8 / F.nvlinkRate)  // 51.04 ms
        let layer = compute + memory + 2 * allReduce  // 346.56 ms
        let send = 10e-6 + 10_485_760_000 / F.networkRate  // 262.15 ms
        // (m + p − 1) = 2 stage passes with the send between: 2 × 8 × 346.56 ms + 262.15 ms = 5.807 s
        #expect(F.close(prefill.ttft.seconds, 16 * layer + send, 1e-9))
        #expect(F.close(prefill.tokensPerSecond.perSecond, 1_280_000 / (16 * layer + send), 1e-9))
    }

    @Test func decodeIsNeverFasterThanReadingWeightsAndKV() throws {
        // Large EP reads 6,444,548,096 + 20,971,520,000 = 27,416,068,096 B per step: ≥ 8.18 ms at 3.35 TB/s
        let ep = try F.largeEP
        #expect(ep.performance.decode.tpot.seconds >= 27_416_068_096 / 3.35e12)
        // baseline: each stage reads 4,430,233,600 + 20,971,520,000 B = 7.58 ms, and a token crosses both
        let baseline = try F.baseline
        #expect(baseline.performance.decode.tpot.seconds >= 2 * 25_401_753_600 / 3.35e12)
    }

    @Test func microBatchesFillTheDecodePipeline() throws {
        let one = try F.baseline.performance.decode
        let four = try Deployment(F.model, F.workload, on: F.cluster,
                                  parallelism: Parallelism(tp: 8, pp: 2, microBatches: 4), assumptions: CoreFixtures.handWorked).performance.decode
        // with 4 ≥ 2 micro-batches every stage is busy: no bubble, and TPOT = 4 × the (smaller) stage time
        #expect(four.breakdown.total.bubble == .zero)
        #expect(F.close(four.tpot.seconds, 4 * four.breakdown.stageTime.seconds))
        #expect(four.tokensPerSecond > one.tokensPerSecond)
    }

    @Test func overlapHidesCommunication() throws {
        var assumptions = F.handWorked
        assumptions.overlapCommunication = true
        let base = try F.largeEP
        let overlapped = try Deployment(F.model, F.workload, on: F.cluster, parallelism: .expert(16),
                                        assumptions: assumptions)
        // prefill: 32.8 ms of all-to-all per layer hides behind 91.4 ms of roofline time
        #expect(overlapped.performance.prefill.breakdown.total.communication == .zero)
        #expect(overlapped.performance.prefill.ttft < base.performance.prefill.ttft)
        #expect(F.close(overlapped.performance.prefill.ttft.seconds,
                        base.performance.prefill.ttft.seconds - 16 * 2 * (10e-6 + 655_360_000 / F.networkRate)))
    }

    @Test func breakdownsAddUpAndRender() throws {
        let performance = try F.baseline.performance
        for step in [performance.prefill.breakdown, performance.decode.breakdown] {
            #expect(F.close(step.total.total.seconds, step.total.compute.seconds + step.total.memory.seconds
                + step.total.communication.seconds + step.total.bubble.seconds))
            #expect(step.rows.allSatisfy { $0.count == step.header.count })
        }
        #expect(performance.rows.count == 2 && performance.rows[0].count == performance.header.count)
        #expect(F.close(performance.decode.breakdown.total.total.seconds, performance.decode.tpot.seconds))
    }
}
