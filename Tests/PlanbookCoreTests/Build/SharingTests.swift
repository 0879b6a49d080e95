import Foundation
import Testing
@testable import PlanbookCore

/// Sharing with reviewers: self-contained pages and the one-file bundle.
@Suite struct SharingTests {
    static let reports = [
        "index.md": "---\ntitle: Study\n---\n## Overview\n\nSee [the plan](plan.md#details) and @fig-grid.\n\n```dot id=grid\ndigraph { a -> b }\n```\n",
        "plan.md": "---\ntitle: Plan\norder: 1\n---\n## Details\n\n```swift plan id=t\nshowTable([\"x\"], [[1]])\n```\n",
    ]

    @Test func selfContainedPagesNeedNoOtherFile() throws {
        let study = try TemporaryStudy(reports: Self.reports)
        defer { study.remove() }
        var options = study.options
        options.selfContained = true
        _ = try SiteBuild(options: options).run()
        // The pages, and the site's ledger of numbers (for `planbook diff`), which no page needs.
        #expect(study.snapshot().keys.sorted() == [".planbook-manifest", "index.html", "ledger.json", "plan.html"])
        let index = try study.read("site/index.html")
        #expect(index.contains("<style>\n/* Planbook — site stylesheet."))
        #expect(!index.contains("<link rel=\"stylesheet\""))
        // The DOT download is embedded: "digraph { a -> b }\n" in base64.
        let dot = Data("digraph { a -> b }\n".utf8).base64EncodedString()
        #expect(index.contains("href=\"data:text/vnd.graphviz;charset=utf-8;base64,\(dot)\" download=\"grid.dot\""))
        #expect(!index.contains("href=\"index/"))
    }

    @Test func theBundleIsOneFileWithScopedIDsAndInPageLinks() throws {
        let study = try TemporaryStudy(reports: Self.reports)
        defer { study.remove() }
        var options = study.options
        options.bundle = "study.html"
        _ = try SiteBuild(options: options).run()
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site").path))
        let html = try study.read("study.html")
        #expect(html.contains("<section class=\"pb-bundle-page\" id=\"page-index\">"))
        #expect(html.contains("<section class=\"pb-bundle-page\" id=\"page-plan\">"))
        #expect(html.contains("<li class=\"pb-sitenav-item\"><a href=\"#page-plan\">Plan</a></li>"))
        // Page links and cross-references point inside the file; ids are scoped by page.
        #expect(html.contains("<a href=\"#plan--details\">the plan</a>"))
        #expect(html.contains("<h2 id=\"plan--details\">Details</h2>"))
        #expect(html.contains("<a class=\"xref\" href=\"#index--fig-grid\">Figure 1.1</a>"))
        #expect(html.contains("download=\"grid.svg\""))
        // Labels follow the scoped ids.
        #expect(!html.contains("aria-labelledby=\"index-"))
        // No id appears twice.
        let ids = html.split(separator: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
        // A file Planbook did not write is not replaced.
        try study.write("my notes", to: "notes.html")
        options.bundle = "notes.html"
        #expect(throws: BuildFailure.self) { try SiteBuild(options: options).run() }
        #expect(try study.read("notes.html") == "my notes")
    }
}
