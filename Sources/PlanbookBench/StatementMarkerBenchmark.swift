import Foundation
import PlanbookCore

/// What statement markers cost: `planbook build` of a copy of `Reports/` with its plan programs compiled and run
/// afresh (drawings kept in the cache), with markers and without, interleaved.
enum StatementMarkerBenchmark {
    static func run(reports: URL, templates: URL, rounds: Int) throws -> (with: [Double], without: [Double]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-bench-markers-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: reports, to: root.appendingPathComponent("Reports"))
        // The study's own templates, when it has any (the built-in ones need no copy).
        if FileManager.default.fileExists(atPath: templates.path) {
            try FileManager.default.copyItem(at: templates, to: root.appendingPathComponent("Templates"))
        }
        func build(markers: Bool) throws {
            for folder in ["programs", "runs", "shared"] {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(".planbook/cache/\(folder)"))
            }
            var options = BuildOptions(workingDirectory: root)
            options.statementMarkers = markers
            options.publish = false
            _ = try SiteBuild(options: options).run()
        }
        let times = try SideBySide(cases: [
            .init(name: "with markers") { try build(markers: true) },
            .init(name: "without markers") { try build(markers: false) },
        ]).measure(rounds: rounds)
        return (times[0], times[1])
    }
}
