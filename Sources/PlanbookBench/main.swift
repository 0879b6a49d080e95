import Foundation
import PlanbookCore

// `make bench`: medians of interleaved runs, printed with their ratios. Release mode.

print("Planbook benchmarks (release build, medians of interleaved runs)\n")

// MARK: - DOT → SVG: in-process libgvc against `dot -Tsvg` as a subprocess

let dagDOT = ExpertGridDOT.make(layers: 16, experts: 16, gpus: 16, gpusPerNode: 8)
let dotFile = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-bench-\(getpid()).dot")
try Data(dagDOT.utf8).write(to: dotFile)
defer { try? FileManager.default.removeItem(at: dotFile) }
let dotRounds = 15
let dotTimes = try SideBySide(cases: [
    .init(name: "in-process") { _ = try Graphviz.svg(fromDOT: dagDOT) },
    .init(name: "subprocess") {
        let result = try ChildProcess.run("dot", ["-Tsvg", dotFile.path])
        guard result.termination == .exited(0) else { fatalError("dot -Tsvg failed: \(result.errorText)") }
    },
]).measure(rounds: dotRounds)
let inProcess = median(dotTimes[0])
let subprocess = median(dotTimes[1])
print("DOT → SVG, \(ExpertGridDOT.nodeCount(layers: 16, experts: 16))-node clustered DAG (16 layers × 16 experts, 16 GPU clusters, 2 nodes), \(dotRounds) runs")
report("  libgvc in-process (one forked render per graph)", formatSeconds(inProcess))
report("  `dot -Tsvg` subprocess (posix_spawn)", formatSeconds(subprocess))
report("  ratio subprocess / in-process", String(format3(subprocess / inProcess)) + "×")
print()

// MARK: - planbook build of Reports/: cold and no change

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-bench-site-\(getpid())")
defer { try? FileManager.default.removeItem(at: scratch) }
func options(_ name: String) -> BuildOptions {
    BuildOptions(
        reports: root.appendingPathComponent("Reports").path, templates: root.appendingPathComponent("Templates").path,
        output: scratch.appendingPathComponent(name).path, workingDirectory: root)
}
let buildRounds = 9
let buildTimes = try SideBySide(cases: [
    .init(name: "cold") {
        try? FileManager.default.removeItem(at: scratch.appendingPathComponent("cold"))
        _ = try SiteBuild(options: options("cold")).run()
    },
    .init(name: "no change") { _ = try SiteBuild(options: options("warm")).run() },
]).measure(rounds: buildRounds)
print("planbook build of Reports/ (\(buildRounds) runs)")
report("  cold (empty output folder)", formatSeconds(median(buildTimes[0])))
report("  no change (rebuild over the previous site)", formatSeconds(median(buildTimes[1])))
report("  ratio cold / no change", format3(median(buildTimes[0]) / median(buildTimes[1])) + "×")
