import Testing
@testable import PlanKit

@Suite struct ModelTests {
    @Test func seedParameterCount() {
        // per layer: attention 4 · 4096² = 67,108,864; router 4096 · 16 = 65,536;
        // experts 16 × 2 · 4096 · 16,384 = 16 × 134,217,728 = 2,147,483,648 → 2,214,658,048 per layer
        // × 16 layers = 35,434,528,768
        #expect(CoreFixtures.model.parameterCount == 35_434_528_768)
        #expect(CoreFixtures.model.parametersPerExpert == 134_217_728)
    }

    @Test func seedActiveParameters() {
        // per layer: 67,108,864 + 65,536 + top-2 × 134,217,728 = 335,609,856; × 16 = 5,369,757,696
        #expect(CoreFixtures.model.activeParametersPerToken == 5_369_757_696)
    }

    @Test func seedFLOPsPerToken() {
        // 2 × 5,369,757,696 = 10,739,515,392 plus attention 4 × 16 layers × 10,000 × 4096 = 2,621,440,000
        // = 13,360,955,392
        #expect(CoreFixtures.model.flopsPerToken(contextLength: 10_000).flops == 13_360_955_392)
        // context 0: only the dense part
        #expect(CoreFixtures.model.flopsPerToken(contextLength: 0).flops == 10_739_515_392)
    }

    @Test func gatedGQAModelWithSharedExpertsAndVocabulary() {
        let m = MoEModel(layers: 2, expertsPerLayer: 4, hidden: 8, expertFFN: 16, topK: 1, attentionHeads: 2,
                         kvHeads: 1, gatedFFN: true, sharedExperts: 1, vocabulary: 10)
        // head dim 8 / 2 = 4; KV width 1 × 4 = 4
        #expect(m.headDimension == 4 && m.kvDimension == 4)
        // attention 2·8·8 + 2·8·4 = 192; router 8·4 = 32; expert 3·8·16 = 384
        #expect(m.attentionParametersPerLayer == 192)
        #expect(m.parametersPerExpert == 384)
        // 2 layers × (192 + 32 + (4 + 1) × 384) + 2 · 10 · 8 = 2 × 2,144 + 160 = 4,448
        #expect(m.parameterCount == 4_448)
        // 2 × (192 + 32 + (1 + 1) × 384) + 160 = 2 × 992 + 160 = 2,144
        #expect(m.activeParametersPerToken == 2_144)
    }

    @Test func quantitiesFormatThemselves() {
        #expect(Bytes(6.444_548_096e9).description == "6.44 GB")
        #expect(Seconds(8.21e-3).description == "8.21 ms")
        #expect(Rate.tokensPerSecond(1.32e6).description == "1.32 M tokens/s")
        #expect(Seconds(1.987).description == "1.99 s")
    }

    @Test func stepTokensOfTheSeed() throws {
        let ep = try CoreFixtures.largeEP
        let prefill = StepTokens(ep, phase: .prefill)
        // 128 / 16 replicas = 8 sequences × 10,000 tokens = 80,000 tokens; × top-2 = 160,000 rows
        #expect(prefill.attentionTokens == 80_000)
        #expect(prefill.routedRows == 160_000)
        #expect(prefill.averageContext == 5_000.5)  // (10,000 + 1) / 2
        let decode = StepTokens(ep, phase: .decode)
        #expect(decode.attentionTokens == 8 && decode.averageContext == 10_000)
        // 1 − (1 − 2/16)^(16 GPUs × 8 tokens) = 1 − 0.875^128 = 1 − 3.776e-8
        #expect(CoreFixtures.close(decode.expertActivation, 1 - 3.775_989_577e-8, 1e-15))
    }

    @Test func powerWithoutFoundation() {
        // 0.5^10 = 1/1024; 0.875^128 = e^(128 · ln 0.875) = e^(−17.0920…) = 3.77599e-8
        #expect(CoreFixtures.close(DeterministicMath.pow(0.5, 10), 1.0 / 1024, 1e-12))
        #expect(CoreFixtures.close(DeterministicMath.pow(0.875, 128), 3.775_989_577e-8, 1e-9))
        #expect(CoreFixtures.close(DeterministicMath.pow(0.9, 0.5), 0.948_683_298_050_513_8, 1e-12))
        #expect(DeterministicMath.pow(0.5, 1e6) == 0)
    }
}
