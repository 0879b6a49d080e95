import PlanKit

/// Sweeps every valid (EP, TP, PP, DP) of 8 … 256 H100 GPUs (nodes of 8) and 8 batch sizes for a 64-layer,
/// 256-expert model, evaluating every figure of each plan (dimensions, communication, memory, performance).
enum PlanSweepBenchmark {
    /// The swept model: 64 layers of 256 experts (FFN 2048, top-8), hidden 4096, 32 heads.
    static let model = MoEModel(layers: 64, expertsPerLayer: 256, hidden: 4096, expertFFN: 2048, topK: 8)
    /// Batch sizes 256 … 32,768: multiples of every attention-replica count up to 256.
    static let batches = (8...15).map { 1 << $0 }
    static let gpuCounts = [8, 16, 32, 64, 128, 256]

    /// Every (ep, tp, pp, dp) of powers of two whose product is `gpus`.
    static func layouts(_ gpus: Int) -> [Parallelism] {
        var result: [Parallelism] = []
        var ep = 1
        while ep <= gpus {
            var tp = 1
            while ep * tp <= gpus {
                var pp = 1
                while ep * tp * pp <= gpus {
                    let dp = gpus / (ep * tp * pp)
                    if ep * tp * pp * dp == gpus { result.append(Parallelism(ep: ep, tp: tp, pp: pp, dp: dp)) }
                    pp *= 2
                }
                tp *= 2
            }
            ep *= 2
        }
        return result
    }

    /// Runs the sweep `repetitions` times; returns the valid plans per run and each run's wall-clock seconds.
    /// Building (including rejecting invalid plans) and evaluating are both timed.
    static func run(repetitions: Int) -> (plansPerRun: Int, secondsPerRun: [Double]) {
        let clock = ContinuousClock()
        var plans = 0
        var seconds: [Double] = []
        var checksum = 0.0
        for _ in 0..<repetitions {
            plans = 0
            let start = clock.now
            for gpus in gpuCounts {
                let cluster = Cluster(gpu: .h100SXM, nodes: max(1, gpus / 8), gpusPerNode: min(8, gpus))
                for parallelism in layouts(gpus) {
                    for batch in batches {
                        let workload = Workload(batch: batch, sequenceLength: 4096, precision: .bf16)
                        guard let d = try? Deployment(model, workload, on: cluster, parallelism: parallelism) else {
                            continue
                        }
                        plans += 1
                        let dimensions = d.dimensions
                        let communication = d.communication
                        let memory = d.memory
                        let performance = d.performance
                        checksum += Double(dimensions.operators.count) + communication.decode.perStepTime.seconds
                            + memory.totalPerGPU.bytes * 1e-12 + performance.prefill.ttft.seconds
                            + performance.decode.tpot.seconds
                    }
                }
            }
            let elapsed = clock.now - start
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        if checksum.isNaN { print("checksum is NaN") }
        return (plans, seconds)
    }
}
