import Foundation
import Testing

@testable import PlanbookCore

/// `build --compare-to`: marks on exactly the numbers that changed, a "What changed" page whose links resolve, and
/// nothing of either in a build without it.
@Suite struct CompareToTests {
    /// At batch 128: KV 2e8 × 128 = 25.6 GB, TPOT 128 × 80 µs = 10.2 ms, claim ratio 10.24 / 11 = 0.931× (holds).
    /// At batch 160: 32.0 GB, 12.8 ms, 1.16× (does not hold).
    static func report(batch: Int) -> String {
        """
        ---
        title: Marks
        params:
          batch: \(batch)
        ---

        ## Memory

        ```swift plan
        let batch = param("batch", default: 1)
        let total = Bytes(2e8) * Double(batch)
        showTable(["what", "per GPU"], [["KV cache", total], ["weights", Bytes(6e9)]], title: "Memory")
        claim("TPOT", paper: 0.011, computed: Seconds(Double(batch) * 8e-5), tolerance: 0.1)
        ```

        The KV cache takes `{swift} total`, the weights `{swift} Bytes(6e9)`.
        """
    }

    private func build(_ study: TemporaryStudy, output: String, compareTo: ComparisonBase? = nil) throws {
        var options = study.options
        options.output = output
        options.compareTo = compareTo
        _ = try SiteBuild(options: options).run()
    }

    @Test func marksStandExactlyOnTheChangedNumbersAndTheChangesPageLinksToThem() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report(batch: 128)])
        defer { study.remove() }
        try build(study, output: "reviewed")
        try study.write(Self.report(batch: 160), to: "Reports/index.md")
        let base = try Ledger(site: study.root.appendingPathComponent("reviewed"), displayPath: "reviewed")
        try build(study, output: "site", compareTo: ComparisonBase(name: "v1", ledger: base))
        let page = try study.read("site/index.html")
        // Changed: the KV cache cell, the claim's computed value and ratio, the inline total. Not the weights (cell
        // and inline) or the paper's value.
        let marks = page.components(separatedBy: "<mark class=\"pb-changed\"").dropFirst()
        #expect(marks.count == 4)
        #expect(
            page.contains(
                "<td class=\"num\"><mark class=\"pb-changed\" id=\"changed-1\">32.0 GB<span class=\"pb-was\"> (was 25.6 GB)</span></mark></td>"
            ))
        #expect(page.contains("<td class=\"num\">6.00 GB</td>"))
        #expect(
            page.contains(
                "computed: <mark class=\"pb-changed\" id=\"changed-2\">12.8 ms<span class=\"pb-was\"> (was 10.2 ms)</span></mark>"
            ))
        #expect(
            page.contains(
                "ratio <mark class=\"pb-changed\" id=\"changed-3\">1.16×<span class=\"pb-was\"> (was 0.931×)</span></mark>"
            ))
        #expect(page.contains("paper: 11.0 ms</span>"))
        #expect(page.contains("<strong class=\"pb-flipped\">Verdict flipped: it held in v1.</strong>"))
        #expect(
            page.contains(
                "The KV cache takes <span class=\"inline-value\"><mark class=\"pb-changed\" id=\"changed-4\">32.0 GB"))
        #expect(page.contains("the weights <span class=\"inline-value\">6.00 GB</span>"))
        #expect(page.contains("on this page, 4 numbers changed; 1 verdict flipped."))
        // The note opens the page, above the findings: what moved is the first thing a reviewer reads.
        let note = try #require(page.range(of: "<div class=\"pb-compare-banner\""))
        let findings = try #require(page.range(of: "<section class=\"pb-findings\""))
        #expect(note.lowerBound < findings.lowerBound)

        let changes = try study.read("site/what-changed.html")
        #expect(changes.contains("<h1 class=\"pb-title\">What changed since v1</h1>"))
        #expect(changes.contains("<h2 id=\"flipped\">Verdicts that flipped</h2>"))
        // Every link of the page to a page of the site names an id that page has.
        let links = changes.components(separatedBy: "href=\"index.html#").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(links.count == 5)
        for anchor in links { #expect(page.contains("id=\"\(anchor)\""), "\(anchor)") }
        #expect(
            changes.contains(
                "<a href=\"index.html#changed-1\">§ Memory · Table 1 “Memory”, row “KV cache”, column “per GPU”</a></td><td>25.6 GB</td><td>32.0 GB</td><td>1.25×</td><td>+25.0 %</td>"
            ))
    }

    /// A chart of three points: (1, batch), (2, batch + 100), (4, 1000). From batch 128 to 160 the first moves
    /// 128 → 160 (1.25×, +25 %), the second 228 → 260 (260 / 228 = 1.14×, +14.0 %), the third not at all.
    static func chartReport(batch: Int) -> String {
        """
        ---
        title: Chart
        params:
          batch: \(batch)
        ---

        ## Sweep

        ```swift plan
        let batch = Double(param("batch", default: 1))
        show(LineChart("Time against GPUs", x: Axis("GPUs"), y: Axis("Time"), series: [
            ChartSeries("time", points: [(1.0, batch), (2.0, batch + 100), (4.0, 1000)])]))
        ```
        """
    }

    @Test func aChartsChangedPointsShareOneRowOfTheChangesPage() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.chartReport(batch: 128)])
        defer { study.remove() }
        try build(study, output: "reviewed")
        try study.write(Self.chartReport(batch: 160), to: "Reports/index.md")
        let base = try Ledger(site: study.root.appendingPathComponent("reviewed"), displayPath: "reviewed")
        try build(study, output: "site", compareTo: ComparisonBase(name: "v1", ledger: base))
        let changes = try study.read("site/what-changed.html")
        let rows = changes.components(separatedBy: "<details class=\"pb-chart-changes\">").dropFirst()
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.contains(": 2 points changed</summary>"))
        #expect(row.components(separatedBy: "<li>").count - 1 == 2)
        #expect(row.contains("</details></td><td>2 points</td><td>2 points</td><td>1.14× to 1.25×</td>"
            + "<td>+14.0 % to +25.0 %</td>"))
    }

    @Test func aBuildWithoutCompareToCarriesNoMarkAndNoChangesPage() throws {
        let study = try TemporaryStudy(reports: ["index.md": Self.report(batch: 128)])
        defer { study.remove() }
        try build(study, output: "site")
        let plain = study.snapshot()
        let base = try Ledger(site: study.root.appendingPathComponent("site"), displayPath: "site")
        try study.write(Self.report(batch: 160), to: "Reports/index.md")
        try build(study, output: "site", compareTo: ComparisonBase(name: "v1", ledger: base))
        #expect(study.snapshot().keys.contains("what-changed.html"))
        try study.write(Self.report(batch: 128), to: "Reports/index.md")
        try build(study, output: "site")
        // The same bytes as before the marked build: no mark, no banner, no "What changed" page left behind.
        #expect(study.snapshot() == plain)
        #expect(!(try study.read("site/index.html")).contains("pb-changed"))
    }
}
