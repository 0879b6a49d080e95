import Foundation
import Testing

@testable import PlanbookCore

/// The built-in look: compiled in, overridable file by file or wholly, written out by `eject`.
@Suite struct BuiltInTemplatesTests {
    static let folder = TemporaryStudy.repository.appendingPathComponent("Sources/PlanbookCore/Templates")

    @Test func theCompiledListIsTheTemplatesFolderFileByFile() throws {
        // SwiftPM embeds files by base name; the paths are written by hand in BuiltInTemplates, so a file added to
        // the folder but not to the list (or a stale list) fails here.
        let onDisk = TemplateFiles.paths(in: Self.folder)
        #expect(BuiltInTemplates.files.map(\.path) == onDisk)
        for file in BuiltInTemplates.files {
            #expect(
                FileManager.default.contents(atPath: Self.folder.appendingPathComponent(file.path).path)
                    == file.contents, "\(file.path)")
        }
        let all = try #require(FileManager.default.enumerator(atPath: Self.folder.path)).compactMap { $0 as? String }
        let files = all.filter { !$0.hasSuffix("/") && $0 != "partials" }
        #expect(files.sorted() == onDisk, "every file in the folder is a template Planbook reads")
    }

    static let report = "---\ntitle: Look\n---\n## Part\n\nText.\n"

    @Test func aStudyWithoutTemplatesGetsTheBuiltInLook() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report])
        defer { study.remove() }
        _ = try study.build()
        let html = try study.read("site/index.html")
        #expect(html.contains("<nav class=\"pb-sitenav\" aria-label=\"Pages of this study\">"))  // partials/nav
        #expect(html.contains("<nav class=\"pb-toc\" aria-label=\"On this page\">"))  // partials/toc
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"))
        #expect(study.snapshot()["assets/style.css"] == BuiltInTemplates.contents(of: "style.css"))
    }

    @Test func aStudyOverridesOnePartialAndTheStylesheetAndAddsAnAsset() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report])
        defer { study.remove() }
        try study.write(
            "<footer class=\"mine\">{{siteTitle}} by us</footer>\n", to: "Templates/partials/footer.mustache")
        try study.write("body { color: teal; }\n", to: "Templates/style.css")
        try study.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "Templates/logo.svg")
        _ = try study.build()
        let html = try study.read("site/index.html")
        #expect(html.contains("<footer class=\"mine\">Look by us</footer>"))
        #expect(!html.contains("pb-footer"))
        #expect(html.contains("<nav class=\"pb-sitenav\""), "the other partials stay built in")
        #expect(try study.read("site/assets/style.css") == "body { color: teal; }\n")
        #expect(try study.read("site/assets/logo.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
    }

    @Test func aStudyOverridesEveryFile() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report])
        defer { study.remove() }
        for file in BuiltInTemplates.files {
            try study.write("<!-- own \(file.path) -->\n", to: "Templates/\(file.path)")
        }
        try study.write(
            "<!doctype html>\n<title>{{title}}</title>\n{{> nav}}{{{content}}}\n", to: "Templates/page.mustache")
        _ = try study.build()
        let html = try study.read("site/index.html")
        // page.mustache is the study's and includes the study's nav partial; nothing built in is left.
        #expect(html.hasPrefix("<!doctype html>\n<title>Look</title>\n<!-- own partials/nav.mustache -->\n"))
        #expect(!html.contains("pb-"))
        #expect(try study.read("site/assets/style.css") == "<!-- own style.css -->\n")
    }

    @Test func ejectWritesTheBuiltInFilesAndKeepsTheStudysOwn() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report])
        defer { study.remove() }
        let folder = study.root.appendingPathComponent("Templates")
        let first = try BuiltInTemplates.eject(into: folder, displayPath: "Templates")
        #expect(first.map(\.path) == BuiltInTemplates.files.map(\.path))
        #expect(first.allSatisfy { $0.outcome == .written })
        #expect(
            study.snapshot("Templates")
                == Dictionary(uniqueKeysWithValues: BuiltInTemplates.files.map { ($0.path, $0.contents) }))
        // The ejected study builds exactly as the built-in look does.
        _ = try study.build()
        let ejectedSite = study.snapshot()
        try FileManager.default.removeItem(at: folder)
        _ = try study.build()
        #expect(study.snapshot() == ejectedSite)

        try study.write("body { color: teal; }\n", to: "Templates/style.css")
        let again = try BuiltInTemplates.eject(
            into: folder, displayPath: "Templates", paths: ["style.css", "page.mustache"])
        #expect(again.map(\.outcome) == [.written, .kept])  // page.mustache is new; style.css is the study's own
        #expect(try study.read("Templates/style.css") == "body { color: teal; }\n")
        let same = try BuiltInTemplates.eject(into: folder, displayPath: "Templates", paths: ["page.mustache"])
        #expect(same.map(\.outcome) == [.unchanged])
        let forced = try BuiltInTemplates.eject(
            into: folder, displayPath: "Templates", paths: ["style.css"], force: true)
        #expect(forced.map(\.outcome) == [.written])
        #expect(study.snapshot("Templates")["style.css"] == BuiltInTemplates.contents(of: "style.css"))
    }

    @Test func ejectNeverWritesThroughASymbolicLink() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report])
        defer { study.remove() }
        try study.write("mine\n", to: "elsewhere.css")
        try FileManager.default.createDirectory(
            at: study.root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: study.root.appendingPathComponent("Templates/style.css").path,
            withDestinationPath: study.root.appendingPathComponent("elsewhere.css").path)
        let outcome = try BuiltInTemplates.eject(
            into: study.root.appendingPathComponent("Templates"), displayPath: "Templates", paths: ["style.css"],
            force: true)
        #expect(outcome.map(\.outcome) == [.kept])
        #expect(try study.read("elsewhere.css") == "mine\n")
    }

    @Test func ejectingAnUnknownFileNamesTheBuiltInOnes() throws {
        let failure = #expect(throws: BuildFailure.self) {
            try BuiltInTemplates.eject(
                into: FileManager.default.temporaryDirectory.appendingPathComponent("planbook-never"), displayPath: "T",
                paths: ["partials/navigation.mustache"])
        }
        #expect(failure?.diagnostics.first?.message.contains("`partials/nav.mustache`") == true)
        #expect(
            !FileManager.default.fileExists(
                atPath: FileManager.default.temporaryDirectory.appendingPathComponent("planbook-never").path))
    }
}
