import Foundation
import Testing
@testable import PlanbookCore

@Suite struct SitePublisherTests {
    @Test func refusesAFolderOfSomeoneElsesFiles() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Hi\n"])
        defer { study.remove() }
        try study.write("my notes", to: "site/notes.txt")
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        #expect(failure?.diagnostics.first?.message.contains("1 file(s) Planbook did not write (notes.txt)") == true)
        #expect(try study.read("site/notes.txt") == "my notes")
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site/index.html").path))
    }

    @Test func forceWritesBesideForeignFilesAndDeletesOnlyItsOwn() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Hi\n", "old.md": "# Old\n"])
        defer { study.remove() }
        _ = try study.build()
        try study.write("my notes", to: "site/notes.txt")
        try FileManager.default.removeItem(at: study.root.appendingPathComponent("Reports/old.md"))
        _ = try study.build(force: true)
        #expect(try study.read("site/notes.txt") == "my notes")
        #expect(FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site/index.html").path))
        // old.html was Planbook's (in the manifest) and is no longer produced, so it is gone.
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site/old.html").path))
    }

    @Test func aRebuildReplacesItsOwnSite() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# One\n", "two.md": "# Two\n"])
        defer { study.remove() }
        _ = try study.build()
        try FileManager.default.removeItem(at: study.root.appendingPathComponent("Reports/two.md"))
        _ = try study.build()
        #expect(study.snapshot().keys.sorted() == [".planbook-manifest", "assets/style.css", "index.html", "ledger.json"])
    }

    @Test func refusesTheHomeFolderTheRootAndTheWorkingFolder() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Hi\n"])
        defer { study.remove() }
        for output in ["~", "/", "."] {
            var options = study.options
            options.output = output
            options.force = true
            let failure = #expect(throws: BuildFailure.self) { try SiteBuild(options: options).run() }
            #expect(failure?.diagnostics.first?.message.hasPrefix("refusing to publish into") == true)
        }
    }
}
