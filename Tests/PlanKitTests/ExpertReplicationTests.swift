import Testing
@testable import PlanKit

@Suite("EPLB-style expert replication")
struct ExpertReplicationTests {
    @Test func hottestExpertsGetReplicasAndPackingBalances() {
        // loads 9, 4, 2, 1 with 2 redundant slots on 3 GPUs of 2 slots:
        // replicate: expert 0 (9 per replica) → 2 replicas (4.5); expert 0 (4.5 > 4) → 3 replicas (3 each)
        let r = ExpertReplication(loads: [9, 4, 2, 1], redundant: 2, gpus: 3)
        #expect(r.replicas == [3, 1, 1, 1])
        // pack heaviest first onto the least-loaded GPU with room: e1 (4) → GPU 0; e0 (3) → GPU 1; e0 (3) → GPU 2;
        // e0 (3) → GPU 1 (3, lower index than GPU 2) = 6, full; e2 (2) → GPU 2 = 5; e3 (1) → GPU 0 = 5
        #expect(r.slots == [[1, 3], [0, 0], [0, 2]])
        #expect(r.gpuLoads == [5, 6, 5])
        // most loaded 6 over the mean 16 / 3: 1.125
        #expect(abs(r.imbalance - 1.125) < 1e-12)
        // the same loads one expert per GPU on 4 GPUs: 9 over the mean 4 = 2.25
        #expect(ExpertReplication.contiguousImbalance(loads: [9, 4, 2, 1], gpus: 4) == 2.25)
    }

    @Test func placementPutsReplicasOnTheirSlots() throws {
        // 6 experts + 2 redundant on EP = 4: 2 slots per GPU; slot 6 holds expert 0, slot 7 expert 1
        let m = MoEModel(layers: 1, expertsPerLayer: 6, hidden: 256)
        let d = try Deployment(m, Workload(batch: 4, sequenceLength: 8), on: Cluster(gpu: .h100SXM, nodes: 1,
                               gpusPerNode: 4), parallelism: Parallelism(ep: 4, redundantExperts: 2))
        #expect(d.placement.expertsPerRank == 2)
        #expect(d.placement.experts(onGPU: 3, layer: 0) == [0, 1])
        #expect(d.placement.gpus(layer: 0, expert: 0) == [0, 3])
        #expect(d.placement.gpus(layer: 0, expert: 5) == [2])
        #expect(d.placement.verify() == [])
        // 6 experts do not split over EP = 4 without the 2 redundant slots
        #expect(throws: DeploymentError.self) {
            try Deployment(m, Workload(batch: 4, sequenceLength: 8), on: Cluster(gpu: .h100SXM, nodes: 1,
                           gpusPerNode: 4), parallelism: .expert(4))
        }
    }
}
