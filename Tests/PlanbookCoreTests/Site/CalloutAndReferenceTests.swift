import Testing
@testable import PlanbookCore

@Suite struct CalloutTests {
    @Test func githubAlertsBecomeCalloutBoxes() throws {
        let source = "> [!WARNING]\n> The paper does not say what *throughput* measures.\n\n> [!NOTE]\n>\n> Alone.\n\n> Just a quote.\n"
        let report = try Report.parse(bytes: Array(source.utf8), path: "r.md", slug: "r")
        let html = RenderedPage.rendering(PageOutline(report)).bodyHTML()
        #expect(html.contains(
            "<div class=\"callout callout-warning\">\n<p class=\"callout-title\">Warning</p>\n<p>The paper does not say what <em>throughput</em> measures.</p>\n</div>"))
        // The marker alone in its paragraph: the paragraph goes, the rest stays.
        #expect(html.contains("<div class=\"callout callout-note\">\n<p class=\"callout-title\">Note</p>\n<p>Alone.</p>\n</div>"))
        #expect(html.contains("<blockquote>\n<p>Just a quote.</p>\n</blockquote>"))
    }

    @Test func inlineValuesInsideACalloutAreKept() throws {
        let study = try TemporaryStudy(reports: ["index.md": "```swift plan\nlet x = 6\n```\n\n> [!IMPORTANT]\n> It needs `{swift} x * 7` GPUs.\n"])
        defer { study.remove() }
        _ = try study.build()
        #expect(try study.read("site/index.html").contains(
            "<p class=\"callout-title\">Important</p>\n<p>It needs <span class=\"inline-value\">42</span> GPUs.</p>"))
    }
}

@Suite struct CrossReferenceTests {
    @Test func referencesAreFoundButNotInEmailAddresses() {
        let found = CrossReferences.references(in: "See @fig-layout, @tbl-mem-2. Mail a@fig-x.org or @figure-1; @fig- alone.")
        #expect(found.map(\.anchor) == ["fig-layout", "tbl-mem-2"])
        #expect(found.map(\.offset) == [4, 17])
    }

    @Test func figuresAndTablesAreNumberedAndReferencedAcrossPages() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "---\ntitle: Index\n---\nSee @fig-grid and @tbl-numbers-2, and @fig-other on the other page.\n\n```dot id=grid caption=\"Grid\"\ndigraph { a }\n```\n\n```swift plan id=numbers caption=\"First table\"\nshowTable([\"a\"], [[1]])\nshowTable([\"b\"], [[2]], title: \"Second\")\n```\n",
            "other.md": "---\ntitle: Other\norder: 1\n---\n```dot id=other\ndigraph { b }\n```\n\nBack to @fig-grid.\n",
        ])
        defer { study.remove() }
        _ = try study.build()
        let index = try study.read("site/index.html")
        // Numbers carry the page's place in the navigation (index 1, other 2); a reference to another page names it.
        #expect(index.contains("See <a class=\"xref\" href=\"#fig-grid\">Figure 1.1</a> and <a class=\"xref\" href=\"#tbl-numbers-2\">Table 1.2</a>, and <a class=\"xref\" href=\"other.html#fig-other\">Figure 2.1 in <cite>Other</cite></a> on the other page."))
        #expect(index.contains("<span class=\"figure-number\">Figure 1.1:</span> Grid"))
        #expect(index.contains("<table class=\"plan-table\" id=\"tbl-numbers\">\n<caption>Table 1.1: First table</caption>"))
        #expect(index.contains("<table class=\"plan-table\" id=\"tbl-numbers-2\">\n<caption>Table 1.2: Second</caption>"))
        let other = try study.read("site/other.html")
        #expect(other.contains("Back to <a class=\"xref\" href=\"index.html#fig-grid\">Figure 1.1 in <cite>Index</cite></a>."))
        // The index lists every figure and table of the site, page by page.
        #expect(index.contains("<h2 id=\"figures-and-tables\">Figures and tables</h2>\n<h3>Index</h3>\n<ul>\n"
            + "<li><a href=\"index.html#fig-grid\">Figure 1.1</a> Grid</li>\n"
            + "<li><a href=\"index.html#tbl-numbers\">Table 1.1</a> First table</li>\n"
            + "<li><a href=\"index.html#tbl-numbers-2\">Table 1.2</a> Second</li>\n</ul>\n<h3>Other</h3>\n<ul>\n"
            + "<li><a href=\"other.html#fig-other\">Figure 2.1</a></li>\n</ul>"))
    }

    @Test func anUnknownReferenceIsAnErrorAtItsPlace() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# T\n\nAs @fig-missing shows.\n"])
        defer { study.remove() }
        let failure = #expect(throws: BuildFailure.self) { try study.build() }
        // Line 3; "As " is 3 characters, so the @ is at column 4.
        #expect(failure?.diagnostics.map(\.description) == [
            "Reports/index.md:3:4: error: unknown cross-reference `@fig-missing`; no page has a figure or table with that id",
        ])
    }
}
