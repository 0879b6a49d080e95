import Foundation
import Testing

@testable import PlanbookCore

/// A build whose inputs and site are as the last build left them does nothing and says what that build said; any
/// change to what a build reads, or to the site it wrote, builds again.
@Suite struct BuildStampTests {
    /// A report with a claim and a parameter; its builds are given a parameter no report reads, which is a warning,
    /// so that an up-to-date build has both to say again.
    static let report = """
        # Stamp

        ```swift plan
        let batch = param("batch", default: 4)
        claim("Sequences", paper: 4, computed: Double(batch))
        ```

        The batch is `{swift} batch`.
        """

    private func study() throws -> TemporaryStudy {
        try TemporaryStudy(reports: ["index.md": Self.report, "notes.md": "# Notes\n\nProse only.\n"])
    }

    /// Each file of the site with its modification time, to show that an up-to-date build writes nothing.
    private func times(_ study: TemporaryStudy) throws -> [String: Date] {
        var times: [String: Date] = [:]
        let site = study.root.appendingPathComponent("site")
        for path in study.snapshot().keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            times[path] = attributes[.modificationDate] as? Date
        }
        return times
    }

    @Test func aBuildWithNothingChangedDoesNothingAndSaysWhatTheLastOneSaid() throws {
        let study = try study()
        defer { study.remove() }
        var options = study.options
        options.parameters = [("unread", .int(1))]  // a warning: no report reads `unread`
        let first = try SiteBuild(options: options).run()
        #expect(!first.upToDate && first.ran == 1)
        #expect(first.warnings.contains { $0.message.contains("unread") })
        let before = study.snapshot()
        let beforeTimes = try times(study)
        let second = try SiteBuild(options: options).run()
        #expect(second.upToDate)
        #expect((second.compiled, second.ran, second.reused) == (0, 0, 1))
        #expect(second.pages == first.pages && second.figures == first.figures)
        #expect(second.warnings == first.warnings)
        #expect(second.claims.map { $0.claim } == first.claims.map { $0.claim })
        #expect(second.claims.map { $0.line } == first.claims.map { $0.line })
        // Its ledger is the one the site holds, the same as the first build's.
        #expect(second.ledger == first.ledger)
        // Nothing written: the same bytes and the same modification times.
        #expect(study.snapshot() == before)
        #expect(try times(study) == beforeTimes)
    }

    @Test func everyChangeToWhatABuildReadsBuildsAgain() throws {
        let study = try study()
        defer { study.remove() }
        _ = try study.build()
        #expect(try study.build().upToDate)
        // A prose edit.
        try study.write("# Notes\n\nProse, edited.\n", to: "Reports/notes.md")
        #expect(try !study.build().upToDate)
        #expect(try study.read("site/notes.html").contains("Prose, edited."))
        #expect(try study.build().upToDate)
        // A new report, and shared code.
        try study.write("# More\n", to: "Reports/more.md")
        #expect(try !study.build().upToDate)
        try study.write("let shared = 1\n", to: "Reports/shared.swift")
        #expect(try !study.build().upToDate)
        // A template of the study's own.
        try study.write("footer { color: red }\n", to: "Templates/assets/extra.css")
        #expect(try !study.build().upToDate)
        #expect(try study.build().upToDate)
        // Another parameter.
        var options = study.options
        options.parameters = [("batch", .int(8))]
        let other = try SiteBuild(options: options).run()
        #expect(!other.upToDate && other.ran == 1)
        #expect(try study.read("site/index.html").contains("The batch is <span class=\"inline-value\">8</span>"))
        #expect(try SiteBuild(options: options).run().upToDate)
        // The same folder spelt another way: pages name their sources as the option spells them.
        options.reports = "./Reports"
        #expect(try !SiteBuild(options: options).run().upToDate)
        #expect(try study.read("site/index.html").contains("<code>./Reports/index.md</code>"))
        #expect(try SiteBuild(options: options).run().upToDate)
        // Without the cache, always in full.
        options.useCache = false
        #expect(try !SiteBuild(options: options).run().upToDate)
    }

    @Test func aSiteFolderReachedThroughALinkIsCheckedWhereItIs() throws {
        let study = try study()
        defer { study.remove() }
        let target = study.root.appendingPathComponent("published")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: study.root.appendingPathComponent("site"), withDestinationURL: target)
        _ = try study.build()
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
        #expect(try study.build().upToDate)
        // A page removed from the folder the link names: built again, the page put back.
        try FileManager.default.removeItem(at: target.appendingPathComponent("notes.html"))
        #expect(try !study.build().upToDate)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("notes.html").path))
    }

    @Test func aSiteChangedSinceItWasBuiltIsBuiltAgain() throws {
        let study = try study()
        defer { study.remove() }
        _ = try study.build()
        let built = study.snapshot()
        // A page edited in the site: the build sees it, as it does without a stamp, and keeps it unless forced.
        try study.write("tampered", to: "site/notes.html")
        #expect(throws: BuildFailure.self) { try study.build() }
        #expect(try study.read("site/notes.html") == "tampered")
        #expect(try !study.build(force: true).upToDate)
        #expect(study.snapshot() == built)
        // (That forced build kept the previous site beside the output, holding the edited page; the next publish in
        // this process must not trip over it.)
        // A page removed: the build puts it back.
        try FileManager.default.removeItem(at: study.root.appendingPathComponent("site/index.html"))
        #expect(try !study.build().upToDate)
        #expect(study.snapshot() == built)
        // A file Planbook did not write: the build refuses the folder, as it does without a stamp.
        try study.write("mine", to: "site/mine.txt")
        #expect(throws: BuildFailure.self) { try study.build() }
        #expect(try study.read("site/mine.txt") == "mine")
        // A damaged stamp is no stamp.
        try FileManager.default.removeItem(at: study.root.appendingPathComponent("site/mine.txt"))
        _ = try study.build()
        let stamps = study.root.appendingPathComponent(".planbook/cache/stamps")
        for name in try FileManager.default.contentsOfDirectory(atPath: stamps.path) {
            try Data("{".utf8).write(to: stamps.appendingPathComponent(name))
        }
        #expect(try !study.build().upToDate)
        #expect(try study.build().upToDate)
    }

    @Test func onlyASiteFolderIsStamped() throws {
        let study = try study()
        defer { study.remove() }
        _ = try study.build()
        var bundle = study.options
        bundle.bundle = "study.html"
        #expect(try !SiteBuild(options: bundle).run().upToDate)
        var check = study.options
        check.publish = false
        #expect(try !SiteBuild(options: check).run().upToDate)
        // Another output folder has a stamp of its own.
        #expect(try !study.build(output: "other").upToDate)
        #expect(try study.build(output: "other").upToDate)
        #expect(try study.build().upToDate)
    }
}
