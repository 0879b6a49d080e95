import Foundation

/// `planbook build` of a copy of `Reports/` after each kind of change a researcher makes — cold (empty cache and
/// output), no change, a prose edit, a parameter change, a code edit in one report — and of a study four times as
/// large (every report copied three more times with its plan code made distinct, so nothing is shared between
/// copies but the shared code), cold and after a parameter change. Each build is the `planbook` executable as a
/// whole process, and the cases run interleaved, one of each per round. "Cold" starts without the study's
/// `.planbook/` and `site/`; the Swift compiler's module cache is Planbook's default one, which a second cold case
/// replaces with an empty folder.
///
/// Each round makes a change never made before (a new sentence, a new batch size, a new comment), so every case does
/// its real work — a parameter change runs and a code edit compiles — rather than finding an earlier result cached.
enum StudyRebuildBenchmark {
    /// One case's runs.
    struct Case {
        var name: String
        var runs: [PlanbookProcess.Run]
        var seconds: [Double] { runs.map(\.seconds) }
    }

    /// The cases, `rounds` runs each (at most 5: one batch size per parameter edit), for each of `executables`
    /// (`planbook` beside this benchmark when none is given): every case runs once for each executable in turn, on
    /// a study of its own, before the next case.
    static func run(reports: URL, rounds: Int, executables: [String] = [], skipping: String? = nil) throws -> [[Case]] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-bench-study-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let sessions = try (executables.isEmpty ? [PlanbookProcess.besideBenchmark] : executables).enumerated().map {
            try cases(reports: reports, root: root.appendingPathComponent("\($0.offset)"), executable: $0.element)
                .filter { skipping == nil || !$0.0.hasPrefix(skipping!) }
        }
        var runs = sessions.map { Array(repeating: [PlanbookProcess.Run](), count: $0.count) }
        for pass in 0...rounds {
            for index in sessions[0].indices {
                for (session, cases) in sessions.enumerated() {
                    let run = try cases[index].1()
                    if pass > 0 { runs[session][index].append(run) }  // pass 0 warms up (and fills the 4× cache)
                }
            }
        }
        return zip(sessions, runs).map { cases, runs in zip(cases, runs).map { Case(name: $0.0, runs: $1) } }
    }

    /// The named cases of one executable, on copies of `reports` in `root`.
    private static func cases(
        reports: URL, root: URL, executable: String
    ) throws -> [(String, () throws -> PlanbookProcess.Run)] {
        let single = root.appendingPathComponent("1x")
        let quadruple = root.appendingPathComponent("4x")
        for folder in [single, quadruple] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: reports, to: folder.appendingPathComponent("Reports"))
        }
        try addCopies(3, in: quadruple.appendingPathComponent("Reports"))
        let edited = try firstReportWithPlanBlocks(in: single.appendingPathComponent("Reports"))
        let original = try String(contentsOf: edited, encoding: .utf8)
        let study = PlanbookProcess(executable: executable, folder: single)
        let large = PlanbookProcess(executable: executable, folder: quadruple)
        var round = 0
        var proseRound = 0
        var codeRound = 0
        var parameters: [String] = []
        // Batch sizes never built before, one per parameter edit: 64 first, then multiples of 16 that every plan of
        // the study divides evenly and fits (the default, 128, left out).
        var batches = [64, 48, 80, 96, 112, 144, 160, 176, 192, 208, 224, 240]
        func newBatch() throws -> [String] {
            guard !batches.isEmpty else { throw PlanbookProcess.Failure("more parameter edits than batch sizes") }
            return ["--param", "batch=\(batches.removeFirst())"]
        }
        /// The edited report: the original with this round's code comment in every plan block and this round's
        /// sentence at the end, so that each case changes only what it names.
        func writeReport() throws {
            let code = codeRound == 0 ? original : commentingPlanBlocks(original, "// edit \(codeRound)")
            let prose = proseRound == 0 ? "" : "\nA sentence added in round \(proseRound).\n"
            try (code + prose).write(to: edited, atomically: true, encoding: .utf8)
        }
        func cold(_ process: PlanbookProcess, environment: [String: String] = [:]) throws -> PlanbookProcess.Run {
            try? FileManager.default.removeItem(at: process.folder.appendingPathComponent(".planbook"))
            try? FileManager.default.removeItem(at: process.folder.appendingPathComponent("site"))
            return try process.build(parameters, environment: environment)
        }
        let freshModuleCache = root.appendingPathComponent("module-cache")
        return [
            ("cold", { try cold(study) }),
            ("cold, with a fresh Swift module cache too", {
                try? FileManager.default.removeItem(at: freshModuleCache)
                return try cold(study, environment: ["PLANBOOK_MODULE_CACHE": freshModuleCache.path])
            }),
            ("no change", { try study.build(parameters) }),
            ("prose edit", {
                round += 1
                proseRound = round
                try writeReport()
                return try study.build(parameters)
            }),
            ("parameter edit (--param batch=…)", {
                parameters = try newBatch()
                return try study.build(parameters)
            }),
            ("code edit (one report)", {
                codeRound = round
                try writeReport()
                return try study.build(parameters)
            }),
            ("4× study: cold", { try cold(large) }),
            ("4× study: parameter edit", {
                parameters = try newBatch()
                return try large.build(parameters)
            }),
        ]
    }

    /// The targets of issue 15, by case: seconds of wall time.
    static let targets: [String: Double] = [
        "cold": 2.4, "no change": 0.1, "prose edit": 0.1, "parameter edit (--param batch=…)": 0.2,
        "code edit (one report)": 0.8,
    ]

    /// Prints each case's medians beside its target, the 4× study's ratios, and the cold builds' peak memory.
    static func printTable(_ rebuilds: [Case]) {
        func medianSeconds(_ name: String) -> Double { median(rebuilds.first { $0.name == name }!.seconds) }
        for item in rebuilds {
            let seconds = median(item.seconds)
            let note = targets[item.name].map {
                "   target ≤ \(formatSeconds($0)): \(seconds <= $0 ? "met" : "missed")"
            }
            report("  \(item.name)", formatSeconds(seconds), "CPU \(formatSeconds(median(item.runs.map(\.cpuSeconds))))"
                + (note ?? ""))
        }
        let scaled = [("4× study: cold", "cold"), ("4× study: parameter edit", "parameter edit (--param batch=…)")]
        for (large, single) in scaled where rebuilds.contains(where: { $0.name == large }) {
            let ratio = medianSeconds(large) / medianSeconds(single)
            report("  ratio \(large) / 1×", format3(ratio) + "×", "target ≤ 2×: \(ratio <= 2 ? "met" : "missed")")
        }
        for item in rebuilds where item.name.hasPrefix("cold") {
            let peak = median(item.runs.map { Double($0.peakTreeBytes) }) / 1_048_576
            report("  peak memory of the process tree, \(item.name)", "\(Int(peak.rounded())) MiB",
                   "target ≤ 250 MiB: \(peak <= 250 ? "met" : "missed")")
        }
    }

    /// Adds `count` copies of every report of `folder` (`NAME-copy-2.md`, …), each plan block starting with a comment
    /// naming its copy, so that every copy's program is compiled and run on its own.
    private static func addCopies(_ count: Int, in folder: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        for name in names {
            var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            // Scenarios are the study's, declared in its one index: a copy of the index declares none.
            if name == "index.md" { text = ScenarioCostBenchmark.withoutScenarios(text) }
            for copy in 2...(count + 1) {
                let copied = commentingPlanBlocks(text, "// copy \(copy)")
                let file = folder.appendingPathComponent("\(name.dropLast(3))-copy-\(copy).md")
                try copied.write(to: file, atomically: true, encoding: .utf8)
            }
        }
    }

    /// `text` with `comment` as the first line of every plan block (the line after each ```` ```swift plan ```` fence).
    private static func commentingPlanBlocks(_ text: String, _ comment: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("```swift plan") ? "\(line)\n\(comment)" : String(line)
        }.joined(separator: "\n")
    }

    private static func firstReportWithPlanBlocks(in folder: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        for name in names {
            let url = folder.appendingPathComponent(name)
            if (try String(contentsOf: url, encoding: .utf8)).contains("```swift plan") { return url }
        }
        return folder.appendingPathComponent(names.first ?? "index.md")
    }
}
