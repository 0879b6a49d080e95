import Testing
@testable import PlanKit

@Suite struct DeploymentErrorTests {
    let model = CoreFixtures.model
    let workload = CoreFixtures.workload
    let cluster = CoreFixtures.cluster

    private func error(_ m: MoEModel, _ w: Workload, _ c: Cluster, _ p: Parallelism) -> DeploymentError? {
        do {
            _ = try Deployment(m, w, on: c, parallelism: p, assumptions: CoreFixtures.handWorked)
            return nil
        } catch let error as DeploymentError {
            return error
        } catch {
            return nil
        }
    }

    @Test func gpuCountMismatch() {
        // EP = 8 needs 8 GPUs; the cluster has 2 × 8 = 16
        let e = error(model, workload, cluster, .expert(8))
        #expect(e == .gpuCountMismatch(parallelism: .expert(8), needs: 8, cluster: 16))
        #expect(e?.description.contains("product is 16") == true)
    }

    @Test func expertsNotDivisibleByEP() {
        // 3 nodes × 4 = 12 GPUs, EP = 12; 16 experts % 12 = 4
        let twelve = Cluster(gpu: .h100SXM, nodes: 3, gpusPerNode: 4)
        let e = error(model, Workload(batch: 120, sequenceLength: 10), twelve, .expert(12))
        #expect(e == .expertsNotDivisible(experts: 16, ep: 12))
        #expect(e?.description.contains("1, 2, 4, 8, 16") == true)
    }

    @Test func layersNotDivisibleByPP() {
        // 16 layers % 3 stages = 1
        let three = Cluster(gpu: .h100SXM, nodes: 1, gpusPerNode: 3)
        #expect(error(model, workload, three, Parallelism(pp: 3)) == .layersNotDivisible(layers: 16, pp: 3))
    }

    @Test func headsNotDivisibleByTP() {
        // 8 heads cannot split over TP = 16
        let eightHeads = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096, attentionHeads: 8)
        #expect(error(eightHeads, workload, cluster, Parallelism(tp: 16))
            == .headsNotDivisible(heads: 8, kvHeads: 8, degree: 16))
        // tensor-parallel attention over EP = 16: degree 16 as well
        #expect(error(eightHeads, workload, cluster, Parallelism(ep: 16, attention: .tensorParallel))
            == .headsNotDivisible(heads: 8, kvHeads: 8, degree: 16))
        // GQA: 32 query heads but 4 KV heads do not split 8 ways
        let gqa = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096, kvHeads: 4)
        #expect(error(gqa, workload, cluster, Parallelism(tp: 8, pp: 2))
            == .headsNotDivisible(heads: 32, kvHeads: 4, degree: 8))
    }

    @Test func ffnNotDivisibleByTP() {
        // FFN 1000 % 16 = 8
        let odd = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096, expertFFN: 1000)
        #expect(error(odd, workload, cluster, Parallelism(tp: 16)) == .ffnNotDivisible(expertFFN: 1000, tp: 16))
    }

    @Test func batchNotDivisible() {
        // 100 sequences over 16 data-parallel attention replicas
        #expect(error(model, Workload(batch: 100, sequenceLength: 10), cluster, .expert(16))
            == .batchNotDivisible(batch: 100, shards: 16))
        // 128 sequences in 3 micro-batches
        #expect(error(model, workload, cluster, Parallelism(tp: 8, pp: 2, microBatches: 3))
            == .batchNotDivisible(batch: 128, shards: 3))
    }

    @Test func nonPositive() {
        #expect(error(model, Workload(batch: 0, sequenceLength: 10), cluster, .expert(16))
            == .nonPositive("batch", 0))
        #expect(error(model, workload, cluster, Parallelism(ep: 0)) == .nonPositive("ep", 0))
        #expect(error(model, workload, cluster, Parallelism(ep: 16, microBatches: 0))
            == .nonPositive("microBatches", 0))
        #expect(DeploymentError.nonPositive("batch", 0).description == "batch must be at least 1, not 0")
    }

    @Test func seedPlansAreValid() {
        #expect(error(model, workload, cluster, .expert(16)) == nil)
        #expect(error(model, workload, cluster, Parallelism(tp: 8, pp: 2)) == nil)
    }
}
