import Testing
@testable import PlanbookCore

@Suite struct PageRendererTests {
    private func report(_ text: String, slug: String = "page") throws -> Report {
        try Report.parse(bytes: Array(text.utf8), path: "Reports/\(slug).md", slug: slug)
    }

    @Test func dotBlocksBecomeFiguresWithDownloadsAndAnchoredHeadings() throws {
        let source = "---\ntitle: P\n---\n## Layout\n\n```dot id=grid caption=\"The grid\"\n\(twoClusterDOT)\n```\n\n## Layout\n"
        let outline = PageOutline(try report(source))
        #expect(outline.figures.map(\.name) == ["grid"])
        let svg = try Graphviz.svg(fromDOT: outline.figures[0].dot)
        let page = RenderedPage.rendering(outline, svg: { _ in svg })
        #expect(page.bodyHTML().contains("<h2 id=\"layout\">Layout</h2>"))
        #expect(page.bodyHTML().contains("<h2 id=\"layout-1\">Layout</h2>"))
        #expect(page.bodyHTML().contains("<figure class=\"figure figure-drawing\" id=\"fig-grid\" style=\"--figure-width: "))
        #expect(page.bodyHTML().contains(
            "<a href=\"page/grid.svg\">Full size</a> · Download: <a href=\"page/grid.svg\">SVG</a> · <a href=\"page/grid.dot\">DOT</a>"))
        #expect(page.bodyHTML().contains("<span class=\"caption\"><span class=\"figure-number\">Figure 1:</span> The grid</span>"))
        #expect(!page.bodyHTML().contains("<?xml"))
        #expect(page.downloads.map(\.path) == ["page/grid.dot", "page/grid.svg"])
        #expect(page.toc.map(\.id) == ["layout", "layout-1"])
    }

    @Test func unnamedFiguresAreNumberedInPageOrder() throws {
        let source = "```dot\ndigraph { a }\n```\n\n```dot engine=neato\ngraph { b }\n```\n"
        let outline = PageOutline(try report(source))
        #expect(outline.figures.map(\.name) == ["figure-1", "figure-2"])
        #expect(outline.figures.map(\.engine) == ["dot", "neato"])
    }

    @Test func graphvizErrorsMapToTheMarkdownLine() throws {
        // Header is lines 1–3, body line 1 is file line 4; the fence is body line 3 = file line 6; DOT line 2
        // ("a -> ;") is the line after the fence plus one: file line 6 + 2 = 8.
        let source = "---\ntitle: P\n---\nText.\n\n```dot\ndigraph {\n  a -> ;\n}\n```\n"
        let outline = PageOutline(try report(source))
        let figure = outline.figures[0]
        #expect(figure.line == 6)
        let error = #expect(throws: GraphvizError.self) { try Graphviz.svg(fromDOT: figure.dot) }
        let diagnostic = figure.diagnostic(for: try #require(error), file: "Reports/page.md")
        #expect(diagnostic.line == 8)
        #expect(diagnostic.description.hasPrefix("Reports/page.md:8:1: error: Graphviz: syntax error in line 2"))
    }

    @Test func badOptionsAreAllReported() throws {
        let source = "```dot engine=sprawl colour=red id=a/b\ndigraph { a }\n```\n"
        let outline = PageOutline(try report(source))
        #expect(outline.figures.isEmpty)
        let messages = outline.problems.map(\.message)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.contains("unknown option `colour`") })
        #expect(messages.contains { $0.contains("unknown layout engine `sprawl`") })
        #expect(messages.contains { $0.contains("figure name `a/b`") })
        #expect(outline.problems.allSatisfy { $0.line == 1 && $0.column == 1 })
    }

    @Test func linksToOtherReportsPointAtTheirPages() throws {
        let source = "See [EP](large-ep.md#memory), [ext](https://x.org/a.md) and [missing](nope.md).\n"
        let outline = PageOutline(try report(source))
        let page = RenderedPage.rendering(outline, slugs: ["large-ep"])
        #expect(page.bodyHTML().contains("href=\"large-ep.html#memory\""))
        #expect(page.bodyHTML().contains("href=\"https://x.org/a.md\""))
        #expect(page.bodyHTML().contains("href=\"nope.md\""))
    }

    @Test func titleFallsBackToTheFirstLevelOneHeading() throws {
        let outline = PageOutline(try report("# From heading\n\n## Sub\n"))
        let page = RenderedPage.rendering(outline)
        #expect(page.title == "From heading")
        #expect(page.toc.map(\.text) == ["Sub"])
    }
}
