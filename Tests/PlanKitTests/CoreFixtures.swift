import Testing
@testable import PlanKit

/// The seed study's two plans and a relative-tolerance comparison, shared by the core figure tests.
enum CoreFixtures {
    /// 16 layers, 16 experts of FFN 16,384 (4 × 4096), hidden 4096, top-2, 32 heads of 128, 32 KV heads.
    static let model = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
    /// 128 sequences of 10,000 tokens in BF16 (2 bytes per element).
    static let workload = Workload(batch: 128, sequenceLength: 10_000, precision: .bf16)
    /// Two nodes of eight H100 SXM: 989 TFLOP/s, 3.35 TB/s, 80 GB, NVLink 450 GB/s, IB 50 GB/s per GPU.
    static let cluster = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)

    /// The round figures the hand-worked tests use (not the calibrated defaults, which `CalibrationTests`
    /// check): 70 % of peak FLOP/s and 80 % of HBM for every kernel, 80 % of NVLink and InfiniBand, 5 µs per NVLink
    /// step and 10 µs per InfiniBand step, plain all-to-all dispatch and combine, no overlap.
    static let handWorked: Assumptions = {
        var a = Assumptions.default
        a.computeEfficiency = 0.70
        a.memoryEfficiency = 0.80
        a.attentionComputeEfficiency = 0.70
        a.attentionMemoryEfficiency = 0.80
        a.nvlinkEfficiency = 0.80
        a.networkEfficiency = 0.80
        a.nvlinkLatency = 5e-6
        a.networkLatency = 10e-6
        a.dispatchKernels = .allToAll
        a.overlap = .none
        return a
    }()

    /// EP = 16 with data-parallel attention: GPU g holds expert g of every layer and serves 8 sequences.
    static var largeEP: Deployment {
        get throws { try Deployment(model, workload, on: cluster, parallelism: .expert(16), assumptions: handWorked) }
    }
    /// TP = 8 × PP = 2: layers 0–7 on GPUs 0–7, layers 8–15 on GPUs 8–15, everything split 8 ways.
    static var baseline: Deployment {
        get throws {
            try Deployment(model, workload, on: cluster, parallelism: Parallelism(tp: 8, pp: 2), assumptions: handWorked)
        }
    }

    /// Achievable rates under `handWorked` (H100 SXM × efficiency).
    static let computeRate = 989e12 * 0.70  // 692.3 TFLOP/s
    static let memoryRate = 3.35e12 * 0.80  // 2.68 TB/s
    static let nvlinkRate = 450e9 * 0.80  // 360 GB/s
    static let networkRate = 50e9 * 0.80  // 40 GB/s

    /// Whether `actual` is within `relative` of `expected` (relative error).
    static func close(_ actual: Double, _ expected: Double, _ relative: Double = 1e-9) -> Bool {
        if expected == 0 { return abs(actual) <= relative }
        return abs(actual - expected) <= relative * abs(expected)
    }
}
