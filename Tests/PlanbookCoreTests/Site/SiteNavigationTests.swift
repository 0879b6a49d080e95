import Foundation
import Testing
@testable import PlanbookCore

/// Navigation that scales: many reports do not make every page carry a link to every other one.
@Suite struct SiteNavigationTests {
    @Test func thousandsOfReportsMakeSmallPages() throws {
        // 400 reports in 4 sections of 100: each page lists the 4 sections and 40 pages of its own section. Before,
        // each page listed all 400 (5,000 reports made 350 KB of navigation per page, 1.7 GB in all).
        var reports: [String: String] = ["index.md": "# Home\n"]
        for number in 0..<400 {
            let name = "r" + String(String(number + 10_000).dropFirst())
            reports["\(name).md"] = "---\nsection: Part \(number / 100)\n---\n# Report \(number)\n\nText.\n"
        }
        let study = try TemporaryStudy(reports: reports)
        defer { study.remove() }
        _ = try study.build()
        let page = try study.read("site/r0250.html")
        let links = page.components(separatedBy: "class=\"pb-sitenav-item").count - 1
        // 1 top-level page (index) + 4 sections + 40 pages of the current section + "earlier" and "later": 47.
        #expect(links == 47)
        #expect(page.utf8.count < 10_000)
        // r0250 is the 51st of Part 2 (r0200–r0299): the window is its 31st to 70th pages, r0230–r0269.
        #expect(page.contains("<a href=\"r0229.html\">30 earlier pages</a>"))
        #expect(page.contains("<a href=\"r0270.html\">30 later pages</a>"))
        #expect(page.contains("<a href=\"r0000.html\">Part 0 <span class=\"pb-sitenav-count\">(100)</span></a>"))
        #expect(!page.contains("r0100.html\">Report"))  // another section's pages are not listed
    }

    @Test func aLongListWithoutSectionsShowsAWindowAroundTheCurrentPage() throws {
        var reports: [String: String] = [:]
        for number in 0..<100 { reports["p" + String(String(number + 1_000).dropFirst()) + ".md"] = "# Page \(number)\n" }
        let study = try TemporaryStudy(reports: reports)
        defer { study.remove() }
        _ = try study.build()
        let first = try study.read("site/p000.html")
        // The first 40 pages, then a link to the 41st: "60 later pages".
        #expect(first.components(separatedBy: "class=\"pb-sitenav-item").count - 1 == 41)
        #expect(first.contains("<a href=\"p040.html\">60 later pages</a>"))
        let middle = try study.read("site/p050.html")
        #expect(middle.contains("<a href=\"p029.html\">30 earlier pages</a>"))
        #expect(middle.contains("aria-current=\"page\">Page 50</a>"))
    }
}
