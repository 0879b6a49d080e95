import Testing
@testable import PlanKit

/// The default link constants against the measurements they were calibrated on (the validation page holds the same
/// cases as claims; these keep a change of constants from silently leaving them).
@Suite("Calibration of the default constants")
struct CalibrationTests {
    @Test func nvlinkAllReduceMatchesVidur() throws {
        // microsoft/vidur data/profiling/network/h100_dgx/all_reduce.csv, 8 workers, median times:
        // 1 MiB 34 µs, 4 MiB 51 µs, 16 MiB 115 µs, 64 MiB 322 µs. A TP = 8 attention all-reduce of t tokens ×
        // 4096 × 2 B moves that buffer.
        for (bytes, measured) in [(1 << 20, 34e-6), (1 << 22, 51e-6), (1 << 24, 115e-6), (1 << 26, 322e-6)] {
            let tokens = bytes / (4096 * 2)
            let d = try Deployment(MoEModel(layers: 1, expertsPerLayer: 1, hidden: 4096),
                                   Workload(batch: tokens, sequenceLength: 1),
                                   on: Cluster(gpu: .h100SXM, nodes: 1, gpusPerNode: 8), parallelism: Parallelism(tp: 8))
            let allReduce = try #require(d.communication(for: .decode).first(.allReduce, "attention output"))
            #expect(abs(allReduce.time.seconds / measured - 1) < 0.10, "\(bytes) B")
        }
    }

    @Test func lowLatencyKernelsMatchDeepEP() throws {
        // deepseek-ai/DeepEP docs/legacy.md, H800 + CX7, 128 tokens, hidden 7168, top-8, FP8 dispatch, BF16 combine
        let table: [(ep: Int, dispatch: Double, combine: Double)] = [
            (8, 77e-6, 114e-6), (16, 118e-6, 195e-6), (32, 155e-6, 273e-6), (64, 173e-6, 314e-6),
            (128, 192e-6, 369e-6), (256, 194e-6, 360e-6),
        ]
        for row in table {
            let d = try Deployment(.deepSeekV3, Workload(batch: 128 * row.ep, sequenceLength: 1, precisions: .deepSeekV3),
                                   on: Cluster(gpu: .h800, nodes: row.ep / 8, gpusPerNode: 8),
                                   parallelism: .expert(row.ep), serving: .decode)
            let plan = d.communication(for: .decode)
            let dispatch = try #require(plan.first(.allToAll, "dispatch"))
            let combine = try #require(plan.first(.allToAll, "combine"))
            #expect(abs(dispatch.time.seconds / row.dispatch - 1) < 0.10, "EP\(row.ep) dispatch")
            #expect(abs(combine.time.seconds / row.combine - 1) < 0.10, "EP\(row.ep) combine")
        }
    }
}
