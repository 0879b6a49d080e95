import Testing
@testable import PlanKit

@Suite struct PlacementTests {
    @Test func largeEPPlacesExpertGOnGPUG() throws {
        let placement = try CoreFixtures.largeEP.placement
        #expect(placement.isOneToOne)
        #expect(placement.verify().isEmpty)
        for gpu in 0..<16 {
            // one stage: every GPU runs all 16 layers and holds expert `gpu` of each
            #expect(placement.layers(onGPU: gpu) == 0..<16)
            for layer in 0..<16 {
                #expect(placement.experts(onGPU: gpu, layer: layer) == [gpu])
                #expect(placement.gpus(layer: layer, expert: gpu) == [gpu])
            }
            // GPUs 0–7 in node 0, 8–15 in node 1
            #expect(CoreFixtures.cluster.node(ofGPU: gpu) == gpu / 8)
        }
        // attention is a replica on every GPU (data-parallel attention)
        #expect(placement.attentionGPUs(layer: 5) == Array(0..<16))
        #expect(placement.expertSharePerGPU == 1)
    }

    @Test func baselineSplitsEveryExpertEightWaysInTwoStages() throws {
        let d = try CoreFixtures.baseline
        let placement = d.placement
        #expect(!placement.isOneToOne)
        #expect(placement.verify().isEmpty)
        #expect(placement.layersPerStage == 8 && placement.expertsPerRank == 16 && placement.gpusPerStage == 8)
        for gpu in 0..<16 {
            let stage = gpu / 8  // GPUs 0–7 stage 0, 8–15 stage 1
            let rank = GPURank(gpu: gpu, parallelism: d.parallelism)
            #expect(rank.stage == stage && rank.tensorRank == gpu % 8 && rank.expertRank == 0 && rank.replica == 0)
            #expect(placement.layers(onGPU: gpu) == stage * 8..<(stage + 1) * 8)
            for layer in 0..<16 {
                // a GPU holds a 1/8 shard of all 16 experts of the layers of its stage, none of the others
                #expect(placement.experts(onGPU: gpu, layer: layer) == (layer / 8 == stage ? Array(0..<16) : []))
            }
        }
        #expect(placement.gpus(layer: 3, expert: 5) == Array(0..<8))
        #expect(placement.gpus(layer: 12, expert: 5) == Array(8..<16))
        #expect(placement.attentionGPUs(layer: 12) == Array(8..<16))
        #expect(placement.expertSharePerGPU == 1.0 / 8)
    }
}
