import Foundation
import PlanbookCore

/// What a scenario adds to `planbook build` of a copy of `Reports/`, measured side by side: the study without its
/// scenarios, with them, and with scenarios whose parameters are new each round (their programs cached, their runs
/// and drawings not), all after a warm-up that fills the cache. Each round edits the prose of every copy's index, so
/// that every build renders and publishes (a build with nothing changed does nothing, with or without scenarios).
enum ScenarioCostBenchmark {
    struct Times {
        var scenarios: Int
        var without: [Double]
        var cached: [Double]
        var fresh: [Double]
    }

    static func run(reports: URL, rounds: Int) throws -> Times {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-bench-scenarios-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        defer { try? FileManager.default.removeItem(at: root) }
        // Three copies of the study, sharing one cache: without scenarios, as it is, and with new scenarios each round.
        let studies = ["without", "cached", "fresh"].map { root.appendingPathComponent($0) }
        for study in studies {
            try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: reports, to: study.appendingPathComponent("Reports"))
        }
        let index = try String(contentsOf: reports.appendingPathComponent("index.md"), encoding: .utf8)
        let declared = scenarioLines(index)
        var round = 0
        /// This round's sentence, at the end of an index.
        func edited(_ text: String) -> String { text + "\nA sentence added in round \(round).\n" }
        func writeWithout() throws {
            try edited(withoutScenarios(index)).write(
                to: studies[0].appendingPathComponent("Reports/index.md"), atomically: true, encoding: .utf8)
        }
        func writeCached() throws {
            try edited(index).write(
                to: studies[1].appendingPathComponent("Reports/index.md"), atomically: true, encoding: .utf8)
        }
        func writeFresh() throws {
            // The same three kinds of scenario, each with values no round used before.
            let fresh = """
                scenarios:
                  gpu-fresh: { gpu: h200, zipfStrong: \(1.2 + 0.001 * Double(round)) }
                  context-fresh: { sequenceLength: \(2_000 + 8 * round) }
                  batch-fresh: { batch: \(512 + 16 * round) }
                """
            try edited(withoutScenarios(index).replacingOccurrences(
                of: "\n---\n", with: "\n\(fresh)\n---\n", options: [],
                range: nil
            ))
            .write(to: studies[2].appendingPathComponent("Reports/index.md"), atomically: true, encoding: .utf8)
        }
        try writeFresh()
        let cache = root.appendingPathComponent("cache").path
        func build(_ study: URL) throws {
            var options = BuildOptions(workingDirectory: study)
            options.cache = cache
            _ = try SiteBuild(options: options).run()
        }
        try writeWithout()
        try writeCached()
        let cases: [SideBySide.Case] = [
            .init(name: "without scenarios") {
                round += 1
                try writeWithout()
                try build(studies[0])
            },
            .init(name: "with them, cached") {
                try writeCached()
                try build(studies[1])
            },
            .init(name: "with new ones") {
                try writeFresh()
                try build(studies[2])
            },
        ]
        let times = try SideBySide(cases: cases).measure(rounds: rounds)
        return Times(scenarios: max(1, declared), without: times[0], cached: times[1], fresh: times[2])
    }

    /// The index's front matter without its `scenarios:` and `grid:` keys.
    static func withoutScenarios(_ text: String) -> String {
        var lines: [Substring] = []
        var skipping = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if number > 0, line == "---" { skipping = false }
            if line.hasPrefix("scenarios:") || line.hasPrefix("grid:") {
                skipping = true
                continue
            }
            if skipping, line.hasPrefix(" ") { continue }
            skipping = false
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// How many named scenarios the index declares (lines under `scenarios:`).
    static func scenarioLines(_ text: String) -> Int {
        var counting = false
        var count = 0
        for line in text.split(separator: "\n") {
            if line.hasPrefix("scenarios:") {
                counting = true
                continue
            }
            if counting, line.hasPrefix("  "), !line.hasPrefix("   ") {
                count += 1
            } else if counting {
                counting = false
            }
        }
        return count
    }
}
