import Testing
@testable import PlanKit

@Suite("Dispatch and combine kernels")
struct DispatchKernelTests {
    typealias F = CoreFixtures

    /// 8 experts of top-2, hidden 1024, EP = 4 over two nodes of two GPUs, one prompt of 100 tokens per GPU in BF16.
    func plan(_ kernel: DispatchKernel) throws -> Deployment {
        var a = F.handWorked
        a.dispatchKernels = DispatchKernels(prefill: kernel, decode: kernel)
        a.normalKernelLatency = 28e-6
        a.lowLatencyKernelLatency = 28e-6
        let m = MoEModel(layers: 1, expertsPerLayer: 8, hidden: 1024, topK: 2)
        return try Deployment(m, Workload(batch: 4, sequenceLength: 100), on: Cluster(gpu: .h100SXM, nodes: 2,
                              gpusPerNode: 2), parallelism: .expert(4), assumptions: a)
    }

    @Test func deduplicatedDispatchSendsATokenOncePerNode() throws {
        let dispatch = try #require(try plan(.deduplicated).communication(for: .prefill).first(.allToAll, "dispatch"))
        // the other node holds 4 of the 8 experts; a token misses all of them with C(4,2)/C(8,2) = 6/28 = 3/14, so it
        // crosses InfiniBand 11/14 times: 100 × 11/14 × 2,048 B = 160,914.29 B
        let ib = 100 * 11.0 / 14 * 2048
        #expect(F.close(dispatch.interNodeBytesPerGPU.bytes, ib))
        // each other GPU holds 2 experts, missed with C(6,2)/C(8,2) = 15/28: 3 × 13/28 = 39/28 copies over NVLink,
        // 100 × 39/28 × 2,048 = 285,257.14 B
        let nv = 100 * 39.0 / 28 * 2048
        #expect(F.close(dispatch.bytesPerGPU.bytes, ib + nv))
        // 28 µs + max(160,914.29 / 40 GB/s = 4.0229 µs, 285,257.14 / 360 GB/s = 0.7924 µs) = 32.0229 µs
        #expect(F.close(dispatch.time.seconds, 28e-6 + ib / 40e9))
        // the plain all-to-all sends every copy across: 100 × 2 × 2,048 × 2/4 = 204,800 B over InfiniBand
        let plain = try #require(try plan(.allToAll).communication(for: .prefill).first(.allToAll, "dispatch"))
        #expect(F.close(plain.interNodeBytesPerGPU.bytes, 204_800))
        #expect(dispatch.interNodeBytesPerGPU < plain.interNodeBytesPerGPU)
    }

    @Test func lowLatencyDispatchSendsEveryCopyDirectly() throws {
        let dispatch = try #require(try plan(.lowLatency).communication(for: .prefill).first(.allToAll, "dispatch"))
        // 100 × 2 copies × 2,048 B = 409,600 B; 2 of 4 GPUs are in this node: 204,800 B each way
        #expect(dispatch.bytesPerGPU.bytes == 409_600)
        #expect(dispatch.interNodeBytesPerGPU.bytes == 204_800)
        // 28 µs + 204,800 / 40 GB/s = 28 + 5.12 = 33.12 µs
        #expect(F.close(dispatch.time.seconds, 33.12e-6))
    }

    @Test func fp8DispatchCarriesItsScales() throws {
        var p = try plan(.lowLatency)
        var w = p.workload
        w.precisions.dispatch = .fp8
        p = try Deployment(p.model, w, on: p.cluster, parallelism: p.parallelism, assumptions: p.assumptions)
        let dispatch = try #require(p.communication(for: .prefill).first(.allToAll, "dispatch"))
        let combine = try #require(p.communication(for: .prefill).first(.allToAll, "combine"))
        // 1,024 FP8 elements + 8 FP32 scales (one per 128) = 1,056 B a row: 200 copies = 211,200 B
        #expect(dispatch.bytesPerGPU.bytes == 211_200)
        #expect(combine.bytesPerGPU.bytes == 409_600)  // BF16 combine: 2,048 B a row
    }
}
