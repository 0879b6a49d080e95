import Foundation
import Testing
@testable import PlanbookCore
import PlanRecord

/// A damaged cache is never trusted: each kind of entry, truncated, is found out, discarded and made again, and
/// `--no-cache` replaces entries instead of running what is there.
@Suite(.serialized) struct PlanCacheTests {
    static let reports = [
        "index.md": "# T\n\n```swift plan\nprint(greeting())\n```\n\n```dot\ndigraph { a -> b }\n```\n",
        "shared.swift": "func greeting() -> String { \"hello from shared code\" }\n",
    ]

    /// Every file under the cache folder `kind` (programs, shared, runs, svg).
    static func files(_ kind: String, in study: TemporaryStudy, named name: String? = nil) -> [URL] {
        let folder = study.root.appendingPathComponent(".planbook/cache/\(kind)")
        let paths = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return paths.filter { name == nil || $0.hasSuffix(name!) }.map { folder.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    static func truncate(_ file: URL, to size: Int) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    @Test(arguments: [("programs", "/program"), ("shared", ".so"), ("runs", ".json"), ("svg", ".svg")])
    func aTruncatedEntryIsDiscardedAndMadeAgain(_ kind: String, _ suffix: String) throws {
        let study = try TemporaryStudy(reports: Self.reports)
        defer { study.remove() }
        _ = try study.build()
        let good = study.snapshot()
        let entries = Self.files(kind, in: study, named: suffix)
        #expect(!entries.isEmpty)
        for entry in entries { try Self.truncate(entry, to: 300) }
        if kind == "programs" || kind == "shared" {
            // The stored run would spare running the program: remove it, so the damaged program must run.
            try FileManager.default.removeItem(at: study.root.appendingPathComponent(".planbook/cache/runs"))
        }
        try FileManager.default.removeItem(at: study.root.appendingPathComponent("site"))
        let summary = try study.build()
        #expect(study.snapshot() == good)
        // A damaged program is compiled again; a damaged library is built again (it is not a report's program) and
        // the program runs against it; a damaged run is run again.
        if kind == "programs" { #expect(summary.compiled == 1) }
        if kind == "shared" { #expect(summary.ran == 1) }
        if kind == "runs" { #expect(summary.ran == 1 && summary.compiled == 0) }
        #expect(try study.read("site/index.html").contains("hello from shared code"))
    }

    /// A run's outputs come back from the cache as they were stored: every kind of output, text that needs escapes,
    /// numbers that are not finite or need all their digits.
    @Test func storedOutputsComeBackAsTheyWere() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# T\n"])
        defer { study.remove() }
        let cache = PlanCache(root: study.root.appendingPathComponent(".planbook/cache"))
        let plan = PlanRecord.Plan(name: "EP=16", fits: false, detail: "a \"quoted\" plan", number: 2, acknowledged: true)
        let table = PlanRecord.Table(
            title: "Memory", header: ["part", "bytes"],
            rows: [[PlanRecord.Value("inf", number: .init(.infinity, unit: "B")),
                    PlanRecord.Value("nan", number: .init(.nan, unit: "")),
                    PlanRecord.Value("0.1 + 0.2", number: .init(0.1 + 0.2, unit: "s")),
                    PlanRecord.Value("tiny", number: .init(.leastNonzeroMagnitude, unit: "")),
                    PlanRecord.Value("-inf", number: .init(-.infinity, unit: ""))]],
            plan: plan)
        var outputs = NotebookOutputs(cellCount: 2)
        outputs.cells[0].outputs = [
            .printed("line one\nline \"two\"\t\u{1} é 𝄞"), .text("text"), .table(table),
            .graph(PlanRecord.Graph(title: "DAG", dot: "digraph { a [tooltip=\"[8, 7168]\"]; a -> b }", plan: plan)),
            .chart(PlanRecord.Chart(title: "Bars", svg: "<svg/>", data: table, plan: nil)),
            .file(PlanRecord.File(title: "Plan", fileExtension: "json", contents: "{\"a\": 1}\n")),
            .headline(label: "TPOT", PlanRecord.Value("10.6 ms", number: .init(0.0106, unit: "s"))),
        ]
        outputs.cells[1].inline = PlanRecord.Value("128", number: .init(128))
        outputs.parameters = [PlanRecord.Parameter(
            name: "batch", value: PlanRecord.Value("128", number: .init(128)), type: "Int", given: true)]
        outputs.warnings = [PlanNotice(place: PlanRecord.Place(file: "cell-0", line: 3, column: 2), message: "careful")]
        cache.storeRun(outputs, key: "round-trip")
        let read = try #require(cache.run("round-trip"))
        // NaN is unequal to itself: compare its text, and every other value exactly.
        let readTable = read.cells[0].outputs[2]
        guard case .table(let back) = readTable else { Issue.record("not a table: \(readTable)"); return }
        #expect(back.rows[0][1].number?.value.isNaN == true)
        var withoutNaN = outputs
        var readWithoutNaN = read
        for index in [2, 4] {
            withoutNaN.cells[0].outputs[index] = Self.replacingNaN(withoutNaN.cells[0].outputs[index])
            readWithoutNaN.cells[0].outputs[index] = Self.replacingNaN(readWithoutNaN.cells[0].outputs[index])
        }
        #expect(readWithoutNaN == withoutNaN)
    }

    /// `output` with its tables' NaN numbers set to 0 (so that outputs compare equal).
    static func replacingNaN(_ output: CellOutput) -> CellOutput {
        func clean(_ table: PlanRecord.Table) -> PlanRecord.Table {
            var table = table
            table.rows = table.rows.map { row in
                row.map { value in
                    var value = value
                    if value.number?.value.isNaN == true { value.number?.value = 0 }
                    return value
                }
            }
            return table
        }
        switch output {
        case .table(let table): return .table(clean(table))
        case .chart(var chart):
            chart.data = clean(chart.data)
            return .chart(chart)
        default: return output
        }
    }

    @Test func noCacheReplacesAnEntryItRebuilds() throws {
        let study = try TemporaryStudy(reports: Self.reports)
        defer { study.remove() }
        _ = try study.build()
        // A program replaced by another, with a seal to match: an entry that checks out, but is not what this plan
        // code compiles to. --no-cache compiles again and must put its program in the entry's place.
        let program = try #require(Self.files("programs", in: study, named: "/program").first)
        let fake = Data("#!/bin/sh\necho fake\n".utf8)
        try fake.write(to: program)
        let seal = program.deletingLastPathComponent().appendingPathComponent(PlanCache.sealName)
        let source = try Data(contentsOf: program.deletingLastPathComponent().appendingPathComponent("main.swift"))
        try Data(SiteManifest(files: [("main.swift", source), ("program", fake)]).text.utf8).write(to: seal)
        var options = study.options
        options.useCache = false
        let summary = try SiteBuild(options: options).run()
        #expect(summary.compiled == 1)
        #expect(try Data(contentsOf: program) != fake)
        #expect(try study.read("site/index.html").contains("hello from shared code"))
    }
}
