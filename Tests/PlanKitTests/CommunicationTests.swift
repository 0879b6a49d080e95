import Testing
@testable import PlanKit

@Suite struct CommunicationTests {
    typealias F = CoreFixtures

    @Test func largeEPAllToAllPerLayer() throws {
        let comm = try F.largeEP.communication
        #expect(comm.prefill.collectives.map(\.kind) == [.allToAll, .allToAll])  // dispatch, combine; nothing else
        let dispatch = try #require(comm.prefill.first(.allToAll, "dispatch"))
        // 80,000 tokens × top-2 × 4096 × 2 B = 1,310,720,000 B, of which 15/16 leave the GPU = 1,228,800,000 B
        #expect(dispatch.bytesPerGPU.bytes == 1_228_800_000)
        // 8 of 16 destinations are in the other node: 1,310,720,000 / 2 = 655,360,000 B (share 8/15 = 53.3 %)
        #expect(F.close(dispatch.interNodeBytesPerGPU.bytes, 655_360_000))
        #expect(F.close(dispatch.interNodeShare, 8.0 / 15))
        #expect(dispatch.linkClass == .infiniband)
        #expect(dispatch.group == GPUGroup(start: 0, stride: 1, count: 16))
        // InfiniBand part: 10 µs + 655,360,000 / 40 GB/s = 16.384 ms → 16.394 ms; NVLink part
        // (7/16 × 1,310,720,000 = 573,440,000 B at 360 GB/s = 1.59 ms) is hidden behind it
        #expect(F.close(dispatch.time.seconds, 10e-6 + 655_360_000 / F.networkRate))
        // once per layer: 16 layers × 1 micro-batch
        #expect(dispatch.occurrencesPerStep == 16)

        let decode = try #require(comm.decode.first(.allToAll, "combine"))
        // 8 tokens × 2 × 4096 × 2 B = 131,072 B; 15/16 → 122,880 B per GPU per layer
        #expect(decode.bytesPerGPU.bytes == 122_880)
        // 10 µs + 65,536 B / 40 GB/s = 10 µs + 1.6384 µs = 11.6384 µs
        #expect(F.close(decode.time.seconds, 11.6384e-6))
        #expect(F.close(comm.decode.perLayerTime.seconds, 2 * 11.6384e-6))
    }

    @Test func baselineAllReducesAndStageSend() throws {
        let comm = try F.baseline.communication
        #expect(comm.decode.collectives.map(\.kind) == [.allReduce, .allReduce, .sendRecv])
        let attention = try #require(comm.decode.first(.allReduce, "attention output"))
        // 128 tokens × 4096 × 2 B = 1,048,576 B; ring: 2 × 7/8 of it = 1,835,008 B per GPU
        #expect(attention.bytesPerGPU.bytes == 1_835_008)
        #expect(attention.interNodeBytesPerGPU.bytes == 0 && attention.linkClass == .nvlink)
        #expect(attention.group == GPUGroup(start: 0, stride: 1, count: 8) && attention.groupCount == 2)
        // 14 steps × (5 µs + 131,072 B / 360 GB/s = 0.364 µs) = 75.097 µs
        #expect(F.close(attention.time.seconds, 14 * (5e-6 + 131_072 / F.nvlinkRate)))
        let expert = try #require(comm.decode.first(.allReduce, "expert output"))
        #expect(expert.bytesPerGPU.bytes == 1_835_008)  // the same 128 tokens
        let send = try #require(comm.decode.first(.sendRecv))
        // GPU g → g + 8, always the other node: 1,048,576 B at 40 GB/s + 10 µs = 36.2144 µs
        #expect(send.bytesPerGPU.bytes == 1_048_576 && send.interNodeShare == 1)
        #expect(F.close(send.time.seconds, 36.2144e-6))
        #expect(send.scope == .stageBoundary && send.occurrencesPerStep == 1)
        // prefill all-reduce: 1,280,000 × 4096 × 2 B = 10,485,760,000 B; × 1.75 = 18,350,080,000 B per GPU
        #expect(comm.prefill.first(.allReduce)?.bytesPerGPU.bytes == 18_350_080_000)
    }

    @Test func allReduceAcrossNodesGoesOverInfiniBand() throws {
        let d = try Deployment(F.model, F.workload, on: F.cluster, parallelism: Parallelism(tp: 16), assumptions: CoreFixtures.handWorked)
        let allReduce = try #require(d.communication.decode.first(.allReduce))
        // the ring over GPUs 0–15 crosses nodes twice (7 → 8 and 15 → 0): 2 of 16 GPUs send over IB
        #expect(allReduce.linkClass == .infiniband)
        #expect(F.close(allReduce.interNodeShare, 2.0 / 16))
        // 30 steps × (10 µs + (128 × 4096 × 2 / 16 = 65,536 B) / 40 GB/s)
        #expect(F.close(allReduce.time.seconds, 30 * (10e-6 + 65_536 / F.networkRate)))
    }

    @Test func tensorParallelAttentionGathersAfterCombine() throws {
        let d = try Deployment(F.model, F.workload, on: F.cluster,
                               parallelism: Parallelism(ep: 16, attention: .tensorParallel), assumptions: CoreFixtures.handWorked)
        let kinds = d.communication.decode.collectives.map(\.kind)
        #expect(kinds == [.allReduce, .allToAll, .allToAll, .allGather])
        // each EP rank routes 128 / 16 = 8 of the replica's tokens: the same 122,880 B as large EP
        #expect(d.communication.decode.first(.allToAll)?.bytesPerGPU.bytes == 122_880)
        // all-gather of 128 × 4096 × 2 = 1,048,576 B: each GPU sends 15/16 = 983,040 B
        #expect(d.communication.decode.first(.allGather)?.bytesPerGPU.bytes == 983_040)
    }

    @Test func epGroupsStrideOverTensorRanks() throws {
        // EP = 4 × TP = 4 on 16 GPUs: the EP group of GPU 0 is 0, 4, 8, 12 — two in each node
        let d = try Deployment(F.model, F.workload, on: F.cluster, parallelism: Parallelism(ep: 4, tp: 4), assumptions: CoreFixtures.handWorked)
        let dispatch = try #require(d.communication.decode.first(.allToAll))
        #expect(dispatch.group.members == [0, 4, 8, 12] && dispatch.groupCount == 4)
        // 2 of 4 destinations in the other node: half of the buffer crosses, 2/3 of what is sent
        #expect(F.close(dispatch.interNodeShare, 2.0 / 3))
    }

    @Test func singleGPUHasNoCommunication() throws {
        let one = Cluster(gpu: .h100SXM, nodes: 1, gpusPerNode: 1)
        let d = try Deployment(F.model, F.workload, on: one, parallelism: Parallelism(), assumptions: CoreFixtures.handWorked)
        #expect(d.communication.prefill.collectives.isEmpty && d.communication.decode.perStepTime == .zero)
    }
}
