import Foundation
import Testing
@testable import PlanbookCore

/// `clean` deletes only unchanged files its manifest lists, never through a link, and what killed builds left.
@Suite struct SiteCleanerTests {
    @Test func aManifestLineThroughALinkedFolderDeletesNothingOutside() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Hi\n"])
        defer { study.remove() }
        _ = try study.build()
        let site = study.root.appendingPathComponent("site")
        try study.write("keep me", to: "precious/keep.txt")
        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent("assets2"), withDestinationURL: study.root.appendingPathComponent("precious"))
        // Listed with the file's true hash (issue 18 listed it without one), so that only not following the link
        // can keep it.
        let manifest = try study.read("site/.planbook-manifest")
        let hash = SiteManifest.hash(Data("keep me".utf8))
        try study.write(manifest + "\(hash)  assets2/keep.txt\n", to: "site/.planbook-manifest")
        let result = SiteCleaner.clean(output: site, cache: study.root.appendingPathComponent(".planbook/cache"))
        #expect(try study.read("precious/keep.txt") == "keep me")
        #expect(result.keptFiles == ["assets2"])
        #expect(result.removedFiles == 3)  // index.html, assets/style.css and ledger.json
    }

    @Test func anEditedFileIsKeptAndNamed() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Hi\n"])
        defer { study.remove() }
        _ = try study.build()
        try study.write("my edit", to: "site/assets/style.css")
        let result = SiteCleaner.clean(
            output: study.root.appendingPathComponent("site"), cache: study.root.appendingPathComponent(".planbook/cache"))
        #expect(result.keptFiles == ["assets/style.css"])
        #expect(try study.read("site/assets/style.css") == "my edit")
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site/index.html").path))
    }

    @Test func cleanRemovesWhatKilledBuildsLeft() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Hi\n"])
        defer { study.remove() }
        _ = try study.build()
        let site = study.root.appendingPathComponent("site")
        try FileManager.default.copyItem(at: site, to: study.root.appendingPathComponent(".site.planbook-new-999999"))
        try FileManager.default.copyItem(at: site, to: study.root.appendingPathComponent(".site.planbook-old-999998"))
        _ = SiteCleaner.clean(output: site, cache: study.root.appendingPathComponent(".planbook/cache"))
        let left = try FileManager.default.contentsOfDirectory(atPath: study.root.path).filter { $0.contains("planbook-") }
        #expect(left.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    @Test func aLinkedCacheIsUnlinkedNotEmptied() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Hi\n"])
        defer { study.remove() }
        try study.write("keep me", to: "precious/keep.txt")
        try FileManager.default.createDirectory(at: study.root.appendingPathComponent(".planbook"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: study.root.appendingPathComponent(".planbook/cache"), withDestinationURL: study.root.appendingPathComponent("precious"))
        _ = SiteCleaner.clean(output: study.root.appendingPathComponent("site"), cache: study.root.appendingPathComponent(".planbook/cache"))
        #expect(try study.read("precious/keep.txt") == "keep me")
    }
}
