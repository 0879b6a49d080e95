import Testing
@testable import PlanKit

@Suite struct PrefillComputeCeilingTests {
    typealias F = CoreFixtures

    @Test func seedModelByHand() throws {
        let ceiling = try F.largeEP.prefillComputeCeiling()
        // active parameters: 16 layers × (attention 67,108,864 + router 65,536 + 2 experts × 134,217,728)
        //   = 16 × 335,609,856 = 5,369,757,696; × 2 FLOPs = 10,739,515,392
        // attention: 4 × 16 layers × 4096 × (10,000 + 1) / 2 = 1,310,851,072
        // FLOPs per prompt token = 12,050,366,464
        #expect(ceiling.flopsPerToken.flops == 12_050_366_464)
        // 16 × 989 TFLOP/s = 15.824 PFLOP/s → 15.824e15 / 12,050,366,464 ≈ 1,313,156 tokens/s
        #expect(F.close(ceiling.clusterRate.perSecond, 16 * 989e12))
        #expect(F.close(ceiling.tokensPerSecond.perSecond, 16 * 989e12 / 12_050_366_464))
        // 1,280,000 prompt tokens / 1,313,156 tokens/s ≈ 0.975 s
        #expect(ceiling.promptTokens == 1_280_000)
        #expect(ceiling.minimumTTFT.description == "975 ms")
    }

    @Test func sameCeilingForEveryPlanAndScaledByShare() throws {
        // the ceiling depends on model, workload and cluster only
        #expect(try F.largeEP.prefillComputeCeiling() == F.baseline.prefillComputeCeiling())
        let seventy = try F.largeEP.prefillComputeCeiling(computeShare: 0.7)
        #expect(F.close(seventy.tokensPerSecond.perSecond, 0.7 * 16 * 989e12 / 12_050_366_464))
        // no plan's estimate exceeds the ceiling at its own efficiency
        #expect(try F.largeEP.performance.prefill.tokensPerSecond <= seventy.tokensPerSecond)
        #expect(try F.baseline.performance.prefill.tokensPerSecond <= seventy.tokensPerSecond)
    }
}
