// The seed study's one source: the paper's givens, the values the study had to assume, both deployments, the
// paper's claimed figures and the sweep helpers. Every page of Reports/ is compiled with this file, so every page
// reads these values and none holds a copy. Rebuild the whole study under other assumptions with, for example,
//     .build/debug/planbook build --param expertFFN=8192 --param kvHeads=8

// MARK: - What the paper's summary states

/// Sequences served at once (stated: 128).
let batch = param("batch", default: 128)
/// Tokens per sequence: prompt length in prefill, cached context in decode (stated: 10,000).
let sequenceLength = param("sequenceLength", default: 10_000)

/// The stated model shape: 16 layers, 16 experts per layer, token dimension 4096.
let statedLayers = 16
let statedExperts = 16
let statedHidden = 4096

// MARK: - What the summary leaves open (assumed; see methodology.md)

/// Inner width of each expert's FFN. Assumed 4 × hidden = 16,384, the conventional transformer ratio.
let expertFFN = param("expertFFN", default: 16_384)
/// Experts each token visits. Assumed 2 (top-2, as in GShard, Switch-style MoE successors and Mixtral).
let topK = param("topK", default: 2)
/// Query heads. Assumed 32 (head dimension 128).
let attentionHeads = param("attentionHeads", default: 32)
/// Key/value heads. Assumed equal to the query heads: multi-head attention (MHA), the largest KV cache.
let kvHeads = param("kvHeads", default: 32)
/// Zipf exponents of the two skewed routings the load-balance sections simulate.
let mildSkew = param("zipfMild", default: 1.01)
let strongSkew = param("zipfStrong", default: 1.2)
/// Seed of every routing simulation.
let routingSeed = UInt64(param("seed", default: 7))

/// How communication overlaps computation in both plans: "none" (the default: the summary mentions no overlap, and
/// the seed study's figures assume none), "two-batch" (two micro-batches alternate, as DeepSeek-V3 serves) or "full"
/// (every collective hidden: an ideal bound).
let overlapSetting = param("overlap", default: "none")
/// Dispatch and combine kernels: "deepEP" (the default: node-deduplicated in prefill, low-latency in decode, what a
/// cross-node large-EP deployment runs) or "all-to-all" (a plain NCCL all-to-all in both phases).
let dispatchSetting = param("dispatch", default: "deepEP")

/// PlanKit's calibrated assumptions with the two settings above.
let studyAssumptions: Assumptions = {
    var a = Assumptions.default
    guard let overlap = Overlap(rawValue: overlapSetting) else {
        fatalError("--param overlap=\(overlapSetting): use none, two-batch or full")
    }
    a.overlap = overlap
    switch dispatchSetting {
    case "deepEP": a.dispatchKernels = .deepEP
    case "all-to-all": a.dispatchKernels = .allToAll
    default: fatalError("--param dispatch=\(dispatchSetting): use deepEP or all-to-all")
    }
    return a
}()

// MARK: - The model, the workload, the cluster

let model = MoEModel(
    layers: statedLayers, expertsPerLayer: statedExperts, hidden: statedHidden, expertFFN: expertFFN, topK: topK,
    attentionHeads: attentionHeads, kvHeads: kvHeads)
let workload = Workload(batch: batch, sequenceLength: sequenceLength, precision: .bf16)
/// The GPU (stated: H100). "h200" is the study's H200 scenario: the same compute and links with 4.8 TB/s of HBM3e and
/// 141 GB; "h800", "a100" and "b200" are PlanKit's other presets.
let gpuSetting = param("gpu", default: "h100")
/// The GPUs the study can run on, by the value of `gpu`: PlanKit's preset, its name there, and the datasheet its
/// figures come from.
let gpuPresets: [String: (gpu: GPU, preset: String, datasheet: String)] = [
    "h100": (.h100SXM, "GPU.h100SXM", "NVIDIA H100 Tensor Core GPU datasheet (SXM5); DGX H100 user guide"),
    "h200": (.h200, "GPU.h200", "NVIDIA H200 Tensor Core GPU datasheet (SXM); compute and links as H100 SXM"),
    "h800": (.h800, "GPU.h800", "NVIDIA H800 product brief; DeepSeek-V3 technical report §3.1"),
    "a100": (.a100SXM80, "GPU.a100SXM80", "NVIDIA A100 Tensor Core GPU datasheet (SXM4 80 GB)"),
    "b200": (.b200, "GPU.b200", "NVIDIA DGX B200 datasheet"),
]
/// The preset `gpuSetting` names.
let studyGPU: GPU = {
    guard let preset = gpuPresets[gpuSetting] else {
        fatalError("--param gpu=\(gpuSetting): use one of \(gpuPresets.keys.sorted().joined(separator: ", "))")
    }
    return preset.gpu
}()
/// Where `studyGPU`'s figures come from.
var gpuDatasheet: String { gpuPresets[gpuSetting]?.datasheet ?? "" }
/// 16 GPUs in two servers of eight (the summary says 16 H100 GPUs; two 8-GPU servers is the only standard way to
/// hold them, and the title's "cross-node" says they span nodes).
let cluster = Cluster(gpu: studyGPU, nodes: 2, gpusPerNode: 8)
/// One GPU's memory, for prose and series names ("80.0 GB").
var gpuMemory: Bytes { Bytes(cluster.gpu.memoryCapacity) }

/// The plan `parallelism` of `model` serving `workload`, or a trap naming the plan and why it cannot exist.
func plan(_ name: String, _ parallelism: Parallelism, workload w: Workload = workload, model m: MoEModel = model)
    -> Deployment
{
    do { return try Deployment(m, w, on: cluster, parallelism: parallelism, assumptions: studyAssumptions) } catch {
        fatalError("\(name) (\(parallelism)) cannot be built: \(error)")
    }
}

/// Large EP: EP = 16, one expert of every layer per GPU, attention data-parallel (each GPU its own sequences).
let largeEPParallelism = Parallelism.expert(16)
/// Micro-batches of the baseline pipeline. The default is computed: the fewest that fit the GPU's memory at the stated
/// workload (one when none does), which is also the baseline's fastest decode, since each extra micro-batch re-reads
/// the weights (see baseline-tp8-pp2.md, "Memory per GPU"). The page's provenance table shows the value in use;
/// `--param baselineMicroBatches=8` forces another.
let baselineMicroBatches = param("baselineMicroBatches", default: smallestFittingMicroBatches(workload) ?? 1)
/// The baseline: TP = 8 inside each node, PP = 2 across the two nodes.
let baselineParallelism = Parallelism(tp: 8, pp: 2, microBatches: baselineMicroBatches)

/// Both plans are shown whether or not they fit: every page says which, and their figures carry the "Does not fit"
/// mark (at batch 512, the study's batch-512 scenario, neither fits 80 GB).
let proposed = plan("Large EP", largeEPParallelism).acknowledgingMisfit()
let baseline = plan("Baseline", baselineParallelism).acknowledgingMisfit()

// MARK: - The paper's claimed figures (from the summary; the only numbers typed by hand)

enum Paper {
    static let largeEPThroughput = Rate.tokensPerSecond(450_000)
    static let largeEPTPOT = Seconds(2.2e-3)
    static let baselineThroughput = Rate.tokensPerSecond(120_000)
    static let baselineTPOT = Seconds(8.3e-3)
    /// The ratios the two pairs of figures imply (the summary's own arithmetic, recomputed).
    static var throughputRatio: Double { largeEPThroughput / baselineThroughput }
    static var tpotRatio: Double { baselineTPOT / largeEPTPOT }
    /// What the summary says the baseline's placement is.
    static let baselineExpertsPerGPU = 8
    static let baselineExpertsTotal = 128
    static let baselineGPUsPerLayer = 2
}

// MARK: - Derived figures every page uses

/// Decode throughput if the paper's TPOT held at the stated batch: batch / TPOT.
func decodeRate(batch b: Int, tpot: Seconds) -> Rate { .tokensPerSecond(Double(b) / tpot.seconds) }
/// Sequences that must decode at once for `rate` at `tpot`: rate × TPOT.
func concurrentSequences(_ rate: Rate, _ tpot: Seconds) -> Double { rate.perSecond * tpot.seconds }

/// The share of peak HBM bandwidth PlanKit's estimates assume.
var memoryShare: Double { proposed.assumptions.memoryEfficiency }
/// A share as whole percent, for prose: 0.533 → 53. (Int conversion, not `rounded()`: plan programs do not link
/// libm, so `rounded()` in a plan block fails to link; reported to the engine's owner.)
func percent(_ x: Double) -> Int { Int(100 * x + 0.5) }

/// The smallest micro-batch count (a divisor of the batch, at most the batch) whose baseline fits in memory, or
/// nil when none does.
func smallestFittingMicroBatches(_ w: Workload, model m: MoEModel = model) -> Int? {
    var count = 1
    while count <= w.batch {
        if w.batch % count == 0,
            let d = try? Deployment(m, w, on: cluster, parallelism: Parallelism(tp: 8, pp: 2, microBatches: count),
                                    assumptions: studyAssumptions).acknowledgingMisfit(),
            d.memory.fits
        {
            return count
        }
        count *= 2
    }
    return nil
}

/// Large EP for `w`: data-parallel attention when the batch splits over 16 GPUs, else attention split by heads
/// across the 16 GPUs (each then sees the whole, small batch).
func largeEP(for w: Workload, model m: MoEModel = model) -> Deployment? {
    let attention: Parallelism.Attention = w.batch % 16 == 0 ? .dataParallel : .tensorParallel
    // Sweeps show each plan's fit (columns "fits", series "over 80.0 GB"), so a plan that does not fit is on purpose.
    return try? Deployment(m, w, on: cluster, parallelism: Parallelism(ep: 16, attention: attention),
                           assumptions: studyAssumptions).acknowledgingMisfit()
}

/// The baseline for `w`: TP = 8 × PP = 2 with the smallest micro-batch count that fits (1 when none fits).
func baselineFor(_ w: Workload, model m: MoEModel = model) -> Deployment? {
    let count = smallestFittingMicroBatches(w, model: m) ?? 1
    return try? Deployment(m, w, on: cluster, parallelism: Parallelism(tp: 8, pp: 2, microBatches: count),
                           assumptions: studyAssumptions).acknowledgingMisfit()
}

/// "yes" or "no" for tables.
func yesNo(_ b: Bool) -> String { b ? "yes" : "no" }

/// "1 micro-batch", "2 micro-batches".
func microBatchText(_ d: Deployment) -> String {
    let count = d.parallelism.microBatches
    return "\(count) micro-batch\(count == 1 ? "" : "es")"
}

/// How the micro-batch count of the baseline at `w` was chosen, for prose.
func microBatchChoice(_ w: Workload) -> String {
    smallestFittingMicroBatches(w) == nil
        ? "no micro-batch count fits in memory at this workload, so the study runs one and marks its figures"
        : "the fewest that fit in memory"
}

/// Where a paper's TPOT stands against a plan's memory floor at peak bandwidth, for prose.
func floorVerdict(_ floor: Seconds, claim: Seconds) -> String {
    let ratio = floor / claim
    if ratio > 1.25 { return "The claim is below what the hardware allows." }
    if ratio > 1 { return "The margin is small, but the claim is still below what the hardware allows." }
    return "Here the floor is below the claim: the hardware allows it, though the floor alone does not say a real schedule reaches it."
}

/// Whether Large EP beats the baseline in both phases, for prose.
func largeEPAhead(_ ep: Deployment, _ base: Deployment) -> Bool {
    ep.performance.prefill.tokensPerSecond > base.performance.prefill.tokensPerSecond
        && ep.performance.decode.tpot < base.performance.decode.tpot
}

/// "fits" or "does not fit", for prose.
func fits(_ d: Deployment) -> String { d.memory.fits ? "fits" : "does not fit" }
/// What a plan's memory total means, for prose: "leaves 52.6 GB free", or that it cannot run.
func memoryVerdict(_ d: Deployment) -> String {
    d.memory.fits ? "leaves \(d.memory.headroom) free"
        : "is more than the GPU's \(d.memory.capacityPerGPU): at this workload the plan cannot run"
}

/// A Seconds value as "x.xx ms" text for ratios in tables: computed / other.
func ratio(_ a: Double, _ b: Double) -> String { SIFormat.significant(a / b) + "×" }

// MARK: - Communication totals

/// Bytes one GPU sends over a whole step: every collective × its occurrences per step.
func wireBytes(_ p: CommunicationPlan) -> Bytes {
    p.collectives.map { $0.bytesPerGPU * Double($0.occurrencesPerStep) }.sum()
}
/// The part of `wireBytes` that crosses nodes (InfiniBand).
func crossNodeBytes(_ p: CommunicationPlan) -> Bytes {
    p.collectives.map { $0.interNodeBytesPerGPU * Double($0.occurrencesPerStep) }.sum()
}

// MARK: - Routing

/// Tokens each routing simulation draws. Drawing the whole prefill step (batch × sequence length = 1.28 M tokens ×
/// 16 layers × top-2) takes about 17 s per distribution in a debug build, so the pages draw a sample and carry the
/// slowdown ratio over to the full step. Under Zipf skew the ratio moves by under 1 % between 16 k and 128 k tokens;
/// under uniform routing what remains is sampling noise (a few per cent at 32 k, shrinking as 1/√tokens).
let routingTokens = param("routingTokens", default: 32_000)

/// A seeded routing simulation of `routingTokens` tokens through every layer of the model.
func routing(_ distribution: RoutingDistribution, tokens: Int = routingTokens) -> RoutingSimulation {
    RoutingSimulation(model: model, tokens: tokens, distribution: distribution, seed: routingSeed)
}

/// Expert FFN time of a whole step on the busiest GPU (every layer of its stage, every micro-batch), from the
/// estimate's operator breakdown.
func expertTime(_ d: Deployment, _ phase: Phase) -> Seconds {
    let experts: Set<LayerOperator> = [.expertGate, .expertUp, .expertDown]
    let perLayer = d.stepBreakdown(phase).operators.filter { experts.contains($0.op) }.map(\.time).sum()
    return perLayer * Double(d.placement.layersPerStage * d.parallelism.microBatches)
}

/// A step time stretched by routing skew: the expert part of the step grows by `slowdown`, the rest stays.
func skewedStepTime(_ d: Deployment, _ phase: Phase, slowdown: Double) -> Seconds {
    let step = phase == .prefill ? d.performance.prefill.ttft : d.performance.decode.tpot
    return step + expertTime(d, phase) * (slowdown - 1)
}

// MARK: - Variants and solving for assumptions

/// `d` with its assumptions changed by `change`.
func adjusted(_ d: Deployment, _ change: (inout Assumptions) -> Void) -> Deployment {
    var copy = d
    change(&copy.assumptions)
    return copy
}

/// The GEMM efficiency (share of peak FLOP/s) at which `d`'s prefill reaches `target`, found by bisection, or nil
/// when even 100 % of peak falls short.
func computeEfficiency(reaching target: Rate, _ d: Deployment) -> Double? {
    func rate(_ e: Double) -> Double { adjusted(d) { $0.computeEfficiency = e }.performance.prefill.tokensPerSecond.perSecond }
    guard rate(1) >= target.perSecond else { return nil }
    var low = 0.001
    var high = 1.0
    for _ in 0..<50 {
        let mid = (low + high) / 2
        if rate(mid) < target.perSecond { low = mid } else { high = mid }
    }
    return high
}

/// KV-cache bytes one token of context costs across the whole model: layers × 2 (K, V) × kvDimension × bytes.
var kvBytesPerToken: Bytes {
    Bytes(Double(model.layers * model.kvElementsPerToken) * workload.precisions.kvCache.bytesPerElement)
}
/// All the HBM of the cluster.
var clusterMemory: Bytes { Bytes(cluster.gpu.memoryCapacity * Double(cluster.gpuCount)) }

// MARK: - A computed drawing of which GPU holds what

/// A Graphviz overview of a plan's GPUs by node, each labelled with what its placement says it holds; drawn from
/// `Placement`, so it changes with the plan.
struct GPULayout: Displayable {
    let name: String
    let deployment: Deployment

    var display: Display {
        let p = deployment.placement
        var dot = "digraph layout {\n  graph [fontname=\"Helvetica\", fontsize=11, rankdir=TB, ranksep=0.15];\n"
        dot += "  node [fontname=\"Helvetica\", fontsize=9, shape=plaintext];\n"
        for node in 0..<cluster.nodes {
            var cells = ""
            for gpu in node * cluster.gpusPerNode..<(node + 1) * cluster.gpusPerNode {
                let layers = p.layers(onGPU: gpu)
                let experts = p.experts(onGPU: gpu, layer: layers.lowerBound)
                let share = deployment.parallelism.tp > 1 ? "1/\(deployment.parallelism.tp) of each of<BR/>" : ""
                let expertText = experts.count == 1
                    ? "expert \(experts[0])" : "experts \(experts.first!)–\(experts.last!)"
                cells += "<TD BGCOLOR=\"#ffffff\" STYLE=\"rounded\"><B>GPU \(gpu)</B><BR/>layers "
                    + "\(layers.lowerBound)–\(layers.upperBound - 1)<BR/>\(share)\(expertText)</TD>"
            }
            dot += "  n\(node) [label=<<TABLE BORDER=\"1\" STYLE=\"rounded\" BGCOLOR=\"#eef4fa\" COLOR=\"#7fa8cc\" "
                + "CELLSPACING=\"4\" CELLPADDING=\"4\"><TR><TD COLSPAN=\"\(cluster.gpusPerNode)\" BORDER=\"0\">"
                + "Node \(node) · NVLink inside</TD></TR><TR>\(cells)</TR></TABLE>>];\n"
        }
        for node in 1..<max(1, cluster.nodes) {
            dot += "  n\(node - 1) -> n\(node) [dir=none, style=dashed, label=\" InfiniBand\", fontname=\"Helvetica\", fontsize=9];\n"
        }
        dot += "}\n"
        return .graph(dot: dot, title: "\(name): \(deployment.parallelism), what each GPU holds (from its placement)")
    }
}

// MARK: - Verdicts for prose

/// "holds" or "does not hold", so that a verdict in prose follows the computation under any parameters.
func verdict(_ holds: Bool) -> String { holds ? "holds" : "does not hold" }
/// Whether a computed value is within `tolerance` of the paper's (the rule claim cards use).
func agrees(_ computed: Double, _ paper: Double, tolerance: Double = 0.10) -> Bool {
    abs(computed / paper - 1) <= tolerance
}

/// The three routings the study simulates (globals are computed once, on first use).
let uniformRouting = routing(.uniform)
let mildRouting = routing(.zipf(mildSkew))
let strongRouting = routing(.zipf(strongSkew))

// MARK: - Sweeps

/// Column titles of `sweepRow`.
let sweepHeader = ["", "Large EP TPOT", "baseline TPOT (µB)", "TPOT ratio", "Large EP prefill",
                   "baseline prefill", "prefill ratio", "fits (EP / base)"]

/// One row of a workload sweep: both plans' decode and prefill figures and whether each fits in memory. The baseline
/// runs the fewest micro-batches that fit (one when none does); Large EP splits attention by heads when the
/// batch does not split over 16 GPUs.
func sweepRow(_ label: String, _ w: Workload) -> [Any] {
    guard let ep = largeEP(for: w), let base = baselineFor(w) else { return [label, "no plan"] }
    let e = ep.performance
    let b = base.performance
    let epLabel = ep.parallelism.attention == .tensorParallel ? " (TP attention)" : ""
    return [label + epLabel, e.decode.tpot, "\(b.decode.tpot) (\(base.parallelism.microBatches))",
            ratio(b.decode.tpot.seconds, e.decode.tpot.seconds), e.prefill.tokensPerSecond,
            b.prefill.tokensPerSecond,
            ratio(e.prefill.tokensPerSecond.perSecond, b.prefill.tokensPerSecond.perSecond),
            "\(yesNo(ep.memory.fits)) / \(yesNo(base.memory.fits))"]
}

/// Both plans' TPOT ratio (baseline / Large EP) and prefill ratio (Large EP / baseline) for `w`, when both fit.
func ratios(_ w: Workload) -> (tpot: Double, prefill: Double)? {
    guard let ep = largeEP(for: w), let base = baselineFor(w), ep.memory.fits, base.memory.fits else { return nil }
    return (base.performance.decode.tpot / ep.performance.decode.tpot,
            ep.performance.prefill.tokensPerSecond / base.performance.prefill.tokensPerSecond)
}

let sweepBatches = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]
let sweepLengths = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000]

/// A plan's TPOT for prose, or why there is none.
func tpotText(_ d: Deployment?) -> String { d.map { $0.performance.decode.tpot.description } ?? "no valid plan" }
/// Which plan decodes faster at `w`, for prose.
func fasterDecoder(_ w: Workload) -> String {
    guard let base = baselineFor(w) else { return "neither plan can be built" }
    guard let ep = largeEP(for: w) else { return "only the baseline can be built" }
    return ep.performance.decode.tpot < base.performance.decode.tpot ? "Large EP decodes faster" : "the baseline decodes faster"
}

// MARK: - Charts

/// One point of a workload sweep: the swept value and both plans there (nil when a plan cannot be built).
struct SweepPoint {
    let x: Int
    let ep: Deployment?
    let base: Deployment?
}

/// Both plans at every value of `xs`, the workload built by `w`.
func sweepPoints(_ xs: [Int], _ w: (Int) -> Workload) -> [SweepPoint] {
    xs.map { x in
        let workload = w(x)
        return SweepPoint(x: x, ep: largeEP(for: workload), base: baselineFor(workload))
    }
}

/// `f` of one plan along a sweep as chart series: `name` where the plan fits the GPU's memory, and
/// "`name`, over 80.0 GB" (the GPU's memory) where it does not (left out when every point fits). A gap (NaN) breaks each line, so the two
/// never join.
func fitSeries(_ name: String, _ points: [SweepPoint], _ pick: (SweepPoint) -> Deployment?,
               _ f: (Deployment) -> Double) -> [ChartSeries] {
    let fits = points.map { p -> (Double, Double) in
        guard let d = pick(p), d.memory.fits else { return (Double(p.x), .nan) }
        return (Double(p.x), f(d))
    }
    let over = points.map { p -> (Double, Double) in
        guard let d = pick(p), !d.memory.fits else { return (Double(p.x), .nan) }
        return (Double(p.x), f(d))
    }
    return [ChartSeries(name, points: fits)]
        + (over.contains { !$0.1.isNaN } ? [ChartSeries("\(name), over \(gpuMemory)", points: over)] : [])
}

/// TPOT of both plans along a sweep (log y: the sweeps span decades), the points where a plan does not fit drawn as
/// their own series.
func tpotSweepChart(_ title: String, x: Axis, _ points: [SweepPoint]) -> LineChart {
    let tpot: (Deployment) -> Double = { $0.performance.decode.tpot.seconds }
    let ep = fitSeries("Large EP", points, \.ep, tpot)
    let base = fitSeries("baseline", points, \.base, tpot)
    // Both fitting series first, so Large EP and the baseline keep the same colours on every sweep.
    return LineChart(title, x: x, y: Axis.seconds("Time per output token").log,
                     series: [ep[0], base[0]] + ep.dropFirst() + base.dropFirst())
}

/// Large EP's advantage along a sweep where both plans fit: baseline TPOT ÷ Large EP TPOT and Large EP prefill
/// tokens/s ÷ the baseline's, with a flat line at 1× (above it Large EP wins, below it the baseline does).
func advantageChart(_ title: String, x: Axis, _ points: [SweepPoint]) -> LineChart {
    let both = points.compactMap { p -> (Double, Deployment, Deployment)? in
        guard let e = p.ep, let b = p.base, e.memory.fits, b.memory.fits else { return nil }
        return (Double(p.x), e, b)
    }
    return LineChart(title, x: x, y: Axis("Large EP's advantage", unit: "×"), series: [
        ChartSeries("decode: baseline TPOT ÷ Large EP TPOT", points: both.map {
            ($0.0, $0.2.performance.decode.tpot / $0.1.performance.decode.tpot) }),
        ChartSeries("prefill: Large EP tokens/s ÷ baseline tokens/s", points: both.map {
            ($0.0, $0.1.performance.prefill.tokensPerSecond / $0.2.performance.prefill.tokensPerSecond) }),
        ChartSeries("parity (1×)", points: both.map { ($0.0, 1.0) }),
    ])
}
