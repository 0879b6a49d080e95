import Foundation
import Testing
@testable import PlanbookCore

/// `planbook build` end to end through the library, on study folders made in temporary directories with the
/// repository's real templates.
@Suite struct SiteBuildTests {
    static let index = """
        ---
        title: The study
        order: 0
        summary: What it is about.
        ---
        ## Overview

        Read [the plan](plan.md).

        ```dot id=layout caption="Layout"
        \(twoClusterDOT)
        ```
        """
    static let plan = """
        ---
        title: The plan
        order: 1
        ---
        ## Details

        ```dot id=one
        digraph { subgraph cluster_x { label="X"; a; b; } subgraph cluster_y { label="Y"; c; } a -> c; }
        ```

        ```dot id=two engine=neato
        graph { p -- q -- r }
        ```

        ### More
        """

    @Test func buildsEveryReportIntoAPageWithNavigationAndDownloads() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.index, "plan.md": Self.plan, "appendix.md": "# Appendix\n"])
        defer { study.remove() }
        let summary = try study.build()
        // index first, then by order; appendix has no order so it comes last.
        #expect(summary.pages == ["index.html", "plan.html", "appendix.html"])
        #expect(summary.figures == 3)
        let files = study.snapshot().keys.sorted()
        #expect(files == [
            ".planbook-manifest", "appendix.html", "assets/style.css", "index.html", "index/layout.dot",
            "index/layout.svg", "ledger.json", "plan.html", "plan/one.dot", "plan/one.svg", "plan/two.dot", "plan/two.svg",
        ])
        let index = try study.read("site/index.html")
        #expect(index.contains("<title>The study · The study</title>"))
        #expect(index.contains("href=\"plan.html\">The plan</a>"))
        #expect(index.contains("href=\"appendix.html\">Appendix</a>"))
        #expect(index.contains("aria-current=\"page\">The study</a>"))
        #expect(index.contains("<a href=\"plan.html\">the plan</a>"))
        #expect(index.contains("<a href=\"#overview\">Overview</a>"))
        #expect(index.contains("<h2 id=\"overview\">Overview</h2>"))
        #expect(index.contains("<figure class=\"figure figure-drawing\" id=\"fig-layout\""))
        #expect(index.contains("What it is about."))
        let plan = try study.read("site/plan.html")
        #expect(plan.contains("class=\"toc-level-3\"><a href=\"#more\">More</a>"))
        #expect(try study.read("site/plan/one.dot").contains("cluster_x"))
        #expect(try study.read("site/plan/two.svg").hasPrefix("<?xml"))
        #expect(try study.read("site/.planbook-manifest").split(separator: "\n").count == 11)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.index, "plan.md": Self.plan])
        defer { study.remove() }
        _ = try study.build(output: "first")
        _ = try study.build(output: "second")
        _ = try study.build(output: "second")
        let first = study.snapshot("first")
        #expect(!first.isEmpty)
        #expect(first == study.snapshot("second"))
    }

    @Test func everyProblemOfEveryReportIsReported() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "---\ntitle: A\ncolour: red\n---\n",
            "broken.md": "Text\n\n```dot\ndigraph {\n  a -> ;\n}\n```\n\n```dot engine=sprawl\ngraph { a }\n```\n",
        ])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        // Listed file by file, line by line: every problem found while reading (the unknown engine of the fence
        // on line 9 of broken.md, the unknown key on line 3 of index.md). These end the build before anything is
        // drawn, so the other figure's syntax error is found by the next build.
        let descriptions = failure?.diagnostics.map(\.description) ?? []
        try #require(descriptions.count == 2)
        #expect(descriptions[0].hasPrefix("Reports/broken.md:9:1: error: unknown layout engine `sprawl`"))
        #expect(descriptions[1].hasPrefix("Reports/index.md:3:1: error: unknown front-matter key `colour`"))
        try study.write("---\ntitle: A\n---\n", to: "Reports/index.md")
        try study.write("Text\n\n```dot\ndigraph {\n  a -> ;\n}\n```\n", to: "Reports/broken.md")
        let next = #expect(throws: BuildFailure.self) { try study.build() }
        // The DOT's line 2, after the fence on line 3: file line 5.
        #expect(next?.diagnostics.first?.description.hasPrefix("Reports/broken.md:5:1: error: Graphviz: syntax error in line 2") == true)
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site").path))
    }

    @Test func graphvizErrorsOfSeveralPagesAreAllReported() throws {
        let study = try TemporaryStudy(reports: [
            "a.md": "```dot\ndigraph {\n  x -> ;\n}\n```\n",
            "b.md": "# B\n\n```dot\ndigraph { y -> }\n```\n",
        ])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        // a.md: fence line 1, DOT line 2 → file line 3. b.md: fence line 3, DOT line 1 → file line 4.
        #expect(failure?.diagnostics.map { "\($0.file):\($0.line)" } == ["Reports/a.md:3", "Reports/b.md:4"])
    }

    @Test func aFailedBuildLeavesThePreviousSiteByteForByte() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.index, "plan.md": Self.plan])
        defer { study.remove() }
        _ = try study.build()
        let before = study.snapshot()
        try study.write("```dot\ndigraph { a -> }\n```\n", to: "Reports/plan.md")
        #expect(throws: BuildFailure.self) { try study.build() }
        #expect(study.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: study.root.path).filter { $0.contains("planbook-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aMissingTemplatesFolderTheUserNamedIsReportedWithTheReportsProblems() throws {
        let study = try TemporaryStudy(reports: ["index.md": "---\norder: x\n---\n"])
        defer { study.remove() }
        var options = study.options
        options.templates = "look"
        options.templatesRequired = true
        let failure = #expect(throws: BuildFailure.self) { try SiteBuild(options: options).run() }
        #expect(failure?.diagnostics.map(\.file) == ["Reports/index.md", "look"])
        #expect(failure?.diagnostics.last?.message.contains("planbook templates --eject") == true)
    }

    @Test func templateSyntaxErrorsNameTheTemplateLine() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Hi\n"])
        defer { study.remove() }
        try study.write("<p>\n{{#nav}}\n{{title}}\n", to: "Templates/partials/nav.mustache")
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        let diagnostic = try #require(failure?.diagnostics.first)
        #expect(diagnostic.file == "Templates/partials/nav.mustache")
        #expect(diagnostic.message.hasPrefix("template syntax error"))
        #expect(diagnostic.line >= 2)
    }

    @Test func noReportsIsAnError() throws {
        let study = try TemporaryStudy(reports: [:])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        #expect(failure?.diagnostics.first?.description == "Reports: error: no .md reports in this folder; add one, e.g. index.md")
    }
}
