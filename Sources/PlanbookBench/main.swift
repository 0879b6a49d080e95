import Foundation
import PlanbookCore

// `make bench`: medians of interleaved runs, printed with their ratios. Release mode.

print("Planbook benchmarks (release build, medians of interleaved runs)\n")

/// `PlanbookBench SECTION…` runs only the sections named (`dot`, `sanitizer`, `sweep`, `study`, `markers`,
/// `scenarios`); no name runs all.
let sections = Set(CommandLine.arguments.dropFirst())
func runs(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }

// MARK: - DOT → SVG: in-process libgvc against `dot -Tsvg` as a subprocess

let dagDOT = ExpertGridDOT.make(layers: 16, experts: 16, gpus: 16, gpusPerNode: 8)
let smallDOT = ExpertGridDOT.make(layers: 2, experts: 4, gpus: 4, gpusPerNode: 2)
/// Times `dot` rendered in-process and by the `dot` program, side by side, and prints both with their ratio.
func compareRenderers(_ dot: String, title: String, rounds: Int) throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-bench-\(getpid()).dot")
    try Data(dot.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let times = try SideBySide(cases: [
        .init(name: "in-process") { _ = try Graphviz.svg(fromDOT: dot) },
        .init(name: "subprocess") {
            let result = try ChildProcess.run("dot", ["-Tsvg", file.path])
            guard result.termination == .exited(0) else { fatalError("dot -Tsvg failed: \(result.errorText)") }
        },
    ]).measure(rounds: rounds)
    print("DOT → SVG, \(title), \(rounds) runs")
    report("  libgvc in-process (one forked render per graph)", formatSeconds(median(times[0])))
    report("  `dot -Tsvg` subprocess (posix_spawn)", formatSeconds(median(times[1])))
    report("  ratio subprocess / in-process", format3(median(times[1]) / median(times[0])) + "×")
    print()
}

if runs("dot") {
    try compareRenderers(
        dagDOT, title: "\(ExpertGridDOT.nodeCount(layers: 16, experts: 16))-node clustered DAG (16 layers × 16 experts, 16 GPU clusters, 2 nodes)",
        rounds: 15)
    try compareRenderers(
        smallDOT, title: "\(ExpertGridDOT.nodeCount(layers: 2, experts: 4))-node clustered DAG (2 layers × 4 experts, 4 GPU clusters)",
        rounds: 15)
}

// MARK: - The sanitizer: the check every drawing takes before it reaches a page

if runs("sanitizer") {
    let bigSVG = try Graphviz.svg(fromDOT: dagDOT)
    let sanitizerTimes = try SideBySide(cases: [
        .init(name: "parse") { _ = LibXML2.parseXML(bigSVG) },
        .init(name: "check") { _ = SVGSanitizer.removals(in: bigSVG) },
    ]).measure(rounds: 7)
    print("SVG check of the \(bigSVG.utf8.count / 1024) KB drawing of that DAG (as a file and inline), 7 runs")
    report("  libxml2 parse into Swift values", formatSeconds(median(sanitizerTimes[0])))
    report("  the whole check", formatSeconds(median(sanitizerTimes[1])))
    print()
}

// MARK: - PlanKit: plans evaluated per second

if runs("sweep") {
    let sweep = PlanSweepBenchmark.run(repetitions: 15)
    let sweepMedian = median(sweep.secondsPerRun)
    print("PlanKit sweep: \(sweep.plansPerRun) valid plans (every EP × TP × PP × DP of 8–256 GPUs, 8 batch sizes), 15 runs")
    report("  one sweep (build + dimensions, communication, memory, performance)", formatSeconds(sweepMedian))
    report("  plans evaluated per second (one core)", String(Int((Double(sweep.plansPerRun) / sweepMedian).rounded())))
    print()
}

// MARK: - planbook build of a copy of Reports/, after each kind of change, and of a study four times as large

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
if runs("study") {
    // PLANBOOK_BENCH_ROUNDS (default 5, at most 5); PLANBOOK_BENCH_SKIP=4× leaves out the cases whose names start so.
    let environment = ProcessInfo.processInfo.environment
    let buildRounds = min(5, environment["PLANBOOK_BENCH_ROUNDS"].flatMap { Int($0) } ?? 5)
    let skipped = environment["PLANBOOK_BENCH_SKIP"].flatMap { $0.isEmpty ? nil : $0 }
    // PLANBOOK_BENCH_BASELINE=/path/to/another/planbook: the same cases for it too, interleaved, with the ratios.
    let baseline = ProcessInfo.processInfo.environment["PLANBOOK_BENCH_BASELINE"].flatMap { $0.isEmpty ? nil : $0 }
    let executables = [PlanbookProcess.besideBenchmark] + (baseline.map { [$0] } ?? [])
    let sessions = try StudyRebuildBenchmark.run(
        reports: root.appendingPathComponent("Reports"), rounds: buildRounds, executables: executables,
        skipping: skipped)
    for (rebuilds, executable) in zip(sessions, executables) {
        print("planbook build of a copy of Reports/ by \(executable), the executable as a whole process "
            + "(\(buildRounds) rounds after a warm-up, cases interleaved; machine load \(loadAverage()))")
        StudyRebuildBenchmark.printTable(rebuilds)
        print()
    }
    if sessions.count == 2 {
        print("ratio \(executables[1]) / \(executables[0]), medians of wall time and of CPU time")
        for (this, other) in zip(sessions[0], sessions[1]) {
            let wall = median(other.seconds) / median(this.seconds)
            let cpu = median(other.runs.map(\.cpuSeconds)) / median(this.runs.map(\.cpuSeconds))
            report("  \(this.name)", format3(wall) + "×", "CPU " + format3(cpu) + "×")
        }
        print()
    }
}

if runs("markers") {
    let markerRounds = 3
    let markers = try StatementMarkerBenchmark.run(
        reports: root.appendingPathComponent("Reports"), templates: root.appendingPathComponent("Templates"),
        rounds: markerRounds)
    print("Statement markers: compile and run every plan program of Reports/ afresh (\(markerRounds) rounds, interleaved)")
    report("  with a marker before every top-level statement", formatSeconds(median(markers.with)))
    report("  without markers", formatSeconds(median(markers.without)))
    report("  ratio with / without", format3(median(markers.with) / median(markers.without)) + "×")
}

if runs("scenarios") {
    let scenarioRounds = 5
    let scenarioCost = try ScenarioCostBenchmark.run(
        reports: root.appendingPathComponent("Reports"), rounds: scenarioRounds)
    let perScenario = Double(scenarioCost.scenarios)
    print("Scenarios: planbook build of a copy of Reports/ with its \(scenarioCost.scenarios) scenarios after a prose "
        + "edit of its index (\(scenarioRounds) rounds, interleaved)")
    report("  without the scenarios", formatSeconds(median(scenarioCost.without)))
    report("  with them, runs and drawings cached", formatSeconds(median(scenarioCost.cached)))
    report("  with new ones each round (programs cached)", formatSeconds(median(scenarioCost.fresh)))
    report("  cost per added scenario, cached",
           formatSeconds((median(scenarioCost.cached) - median(scenarioCost.without)) / perScenario), "target ≤ 0.2 s")
    report("  cost per added scenario, new parameters",
           formatSeconds((median(scenarioCost.fresh) - median(scenarioCost.without)) / perScenario))
    print()
}
