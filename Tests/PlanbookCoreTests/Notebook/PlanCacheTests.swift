import Foundation
import Testing
@testable import PlanbookCore

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
