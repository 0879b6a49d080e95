import Foundation
import PlanbookCore

/// `planbook build` of a copy of `Reports/` after each kind of change a researcher makes, measured side by side:
/// cold (empty cache and output), no change, a prose edit, a parameter change and a code edit in one report.
///
/// Each round makes a change never made before (a new sentence, a new batch size, a new comment), so every case does
/// its real work — a parameter change runs and a code edit compiles — rather than finding an earlier result cached.
enum StudyRebuildBenchmark {
    static func run(reports: URL, rounds: Int) throws -> [(name: String, seconds: [Double])] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-bench-study-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: reports, to: root.appendingPathComponent("Reports"))
        let edited = try firstReportWithPlanBlocks(in: root.appendingPathComponent("Reports"))
        let original = try String(contentsOf: edited, encoding: .utf8)
        var round = 0
        var proseRound = 0
        var codeRound = 0
        var parameters: [(name: String, value: ParameterValue)] = []
        /// The edited report: the original with this round's code comment in every plan block and this round's
        /// sentence at the end, so that each case changes only what it names.
        func writeReport() throws {
            let code = codeRound == 0 ? original
                : original.replacingOccurrences(of: "```swift plan\n", with: "```swift plan\n// edit \(codeRound)\n")
            let prose = proseRound == 0 ? "" : "\nA sentence added in round \(proseRound).\n"
            try (code + prose).write(to: edited, atomically: true, encoding: .utf8)
        }
        func build() throws {
            var options = BuildOptions(workingDirectory: root)
            options.parameters = parameters
            _ = try SiteBuild(options: options).run()
        }
        let cases: [SideBySide.Case] = [
            .init(name: "cold") {
                // Everything from scratch, with this round's edits, parameters and all.
                try? FileManager.default.removeItem(at: root.appendingPathComponent(".planbook"))
                try? FileManager.default.removeItem(at: root.appendingPathComponent("site"))
                try build()
            },
            .init(name: "no change") { try build() },
            .init(name: "prose edit") {
                round += 1
                proseRound = round
                try writeReport()
                try build()
            },
            .init(name: "parameter change") {
                parameters = [("batch", .int(128 + 16 * round))]
                try build()
            },
            .init(name: "code edit (one report)") {
                codeRound = round
                try writeReport()
                try build()
            },
        ]
        let times = try SideBySide(cases: cases).measure(rounds: rounds)
        return zip(cases, times).map { ($0.name, $1) }
    }

    private static func firstReportWithPlanBlocks(in folder: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        for name in names {
            let url = folder.appendingPathComponent(name)
            if (try String(contentsOf: url, encoding: .utf8)).contains("```swift plan") { return url }
        }
        return folder.appendingPathComponent(names.first ?? "index.md")
    }
}
