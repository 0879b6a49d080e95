import PlanKit

/// The "What changed since REV" page of a `build --compare-to REV` site: every claim whose verdict flipped, first;
/// then page by page every number that changed — where it stands (a link to its mark), REV's value, this build's,
/// their ratio and the relative change — and the numbers that appeared and disappeared.
enum ChangesPage {
    /// The page's slug (`what-changed.html`).
    static let slug = "what-changed"

    static func make(_ comparison: LedgerComparison) -> RenderedPage {
        let base = comparison.oldName
        let pages = comparison.pages.filter { page in page.changes.contains { $0.status != .unchanged || $0.flipped } }
        var toc: [RenderedPage.TOCEntry] = []
        if !comparison.flips.isEmpty { toc.append(.init(id: "flipped", text: "Verdicts that flipped", level: 2)) }
        toc += pages.map { .init(id: "page-\($0.slug)", text: $0.title, level: 2) }
        let part = ScopedHTMLPart { scope in html(comparison, pages: pages, scope: scope) }
        return GeneratedPage.make(
            slug: slug, title: "What changed since \(base)",
            summary: "Every number of this build compared with \(base): \(ChangeMarks.count(comparison.changes)).",
            part: part, toc: toc)
    }

    private static func html(
        _ comparison: LedgerComparison, pages: [(slug: String, title: String, changes: [LedgerComparison.Change])],
        scope: LinkScope
    ) -> String {
        let base = HTML.escape(comparison.oldName)
        let unchanged = comparison.changes.count { $0.status == .unchanged }
        var html =
            "<p>Each number on the pages of this build — inline values, table cells, chart points, claims — set "
            + "beside the same number in \(base), matched by what identifies it (an inline value by its expression "
            + "and section, a table cell by its table, row and column, a claim by its label), and compared at the "
            + "precision the pages show it"
        if comparison.tolerance > 0 {
            html += "; changes under \(SIFormat.significant(comparison.tolerance * 100)) % count as none"
        }
        html +=
            ". \(unchanged) number\(unchanged == 1 ? " is" : "s are") unchanged. On the pages, every changed number "
            + "is marked, with its value in \(base) beside it.</p>\n"
        let flips = comparison.flips
        if !flips.isEmpty {
            html += "<section class=\"pb-flips\">\n<h2 id=\"\(scope.id("flipped"))\">Verdicts that flipped</h2>\n"
            html +=
                CellOutputHTML.markupTable(
                    ["Claim", "Page", "In \(comparison.oldName)", "Now", "Computed then → now"],
                    flips.map { flip in
                        let marks = ChangeMarks(comparison, page: flip.entry.page)
                        return [
                            link(ChangeFormat.claimLabel(flip.entry), flip, marks: marks, scope: scope),
                            HTML.escape(comparison.new.title(of: flip.entry.page)),
                            HTML.escape(ChangeFormat.verdict(flip.old)),
                            "<strong>\(HTML.escape(ChangeFormat.verdict(flip.new)))</strong>",
                            HTML.escape("\(flip.old?.text ?? "—") → \(flip.new?.text ?? "—")"),
                        ]
                    }, className: "pb-changes") + "</section>\n"
        }
        if pages.isEmpty { html += "<p><strong>No number changed since \(base).</strong></p>\n" }
        for page in pages {
            let marks = ChangeMarks(comparison, page: page.slug)
            let exists = comparison.new.pages.contains { $0.slug == page.slug }
            let title =
                exists
                ? "<a href=\"\(MarkdownHTML.escapeURL(scope.page(page.slug, nil)))\">\(HTML.escape(page.title))</a>"
                : "\(HTML.escape(page.title)) <span class=\"pb-gone\">(no longer a page)</span>"
            html += "<section class=\"pb-page-changes\">\n<h2 id=\"\(scope.id("page-\(page.slug)"))\">\(title)</h2>\n"
            html += "<p>\(HTML.escape(ChangeMarks.count(page.changes))).</p>\n"
            let changed = page.changes.filter { $0.status == .changed || ($0.status == .unchanged && $0.flipped) }
            if !changed.isEmpty {
                html += CellOutputHTML.markupTable(
                    ["Where", "In \(comparison.oldName)", "Now", "Now / then", "Change"],
                    rows(changed).map { row in
                        guard row.count > 1 else {
                            let change = row[0]
                            return [
                                link(ChangeFormat.place(change.entry), change, marks: marks, scope: scope),
                                HTML.escape(change.old?.text ?? "—"), HTML.escape(change.new?.text ?? "—"),
                                HTML.escape(ChangeFormat.ratio(change)), HTML.escape(ChangeFormat.relative(change)),
                            ]
                        }
                        return chartRow(row, marks: marks, scope: scope)
                    }, className: "pb-changes")
            }
            for (status, heading) in [
                (LedgerComparison.Change.Status.appeared, "Numbers that appeared"),
                (.disappeared, "Numbers that disappeared"),
            ] {
                let listed = page.changes.filter { $0.status == status }
                guard !listed.isEmpty else { continue }
                html +=
                    "<h3>\(heading) (\(listed.count))</h3>\n"
                    + CellOutputHTML.markupTable(
                        ["Where", "Value"],
                        listed.map { change in
                            [
                                status == .appeared
                                    ? link(ChangeFormat.place(change.entry), change, marks: marks, scope: scope)
                                    : HTML.escape(ChangeFormat.place(change.entry)),
                                HTML.escape(change.entry.text),
                            ]
                        }, className: "pb-changes")
            }
            html += "</section>\n"
        }
        return html
    }

    /// The changed numbers of a page as the rows of its table: one each, except a chart's points, which share one
    /// row (a chart of hundreds of points would otherwise bury every other change), at the first one's place.
    private static func rows(_ changed: [LedgerComparison.Change]) -> [[LedgerComparison.Change]] {
        var rows: [[LedgerComparison.Change]] = []
        var chartRows: [String: Int] = [:]
        for change in changed {
            guard change.entry.kind == .chartPoint, let chart = change.entry.table else {
                rows.append([change])
                continue
            }
            if let row = chartRows[chart] {
                rows[row].append(change)
            } else {
                chartRows[chart] = rows.count
                rows.append([change])
            }
        }
        return rows
    }

    /// One row for the changed points of a chart: the chart and how many changed, each point (row, column, then →
    /// now) in a fold, and the range of their ratios and changes.
    private static func chartRow(
        _ points: [LedgerComparison.Change], marks: ChangeMarks, scope: LinkScope
    ) -> [String] {
        let place = ChangeFormat.place(points[0].entry)
        let chart = place.firstRange(of: ", row “").map { String(place[..<$0.lowerBound]) } ?? place
        let list = points.map { point in
            let row = point.entry.row.map { "“\($0)”" } ?? ""
            let column = point.entry.column.map { "“\($0)”" } ?? ""
            return "<li>\(HTML.escape([row, column].filter { !$0.isEmpty }.joined(separator: ", "))): "
                + "\(HTML.escape(point.old?.text ?? "—")) → \(HTML.escape(point.new?.text ?? "—"))</li>"
        }.joined(separator: "\n")
        func range(_ values: [Double], _ shown: (Double) -> String) -> String {
            guard let low = values.min(), let high = values.max() else { return "—" }
            return low == high ? shown(low) : "\(shown(low)) to \(shown(high))"
        }
        let ratios = points.compactMap(\.ratio)
        let relative = points.compactMap(\.relativeChange)
        return [
            "<details class=\"pb-chart-changes\"><summary>\(link(chart, points[0], marks: marks, scope: scope)): "
                + "\(points.count) points changed</summary>\n<ul>\n\(list)\n</ul></details>",
            "\(points.count) points", "\(points.count) points",
            HTML.escape(range(ratios, ChangeFormat.ratio)),
            HTML.escape(range(relative, ChangeFormat.relative)),
        ]
    }

    /// A link to where `change` is marked on its page.
    private static func link(
        _ text: String, _ change: LedgerComparison.Change, marks: ChangeMarks, scope: LinkScope
    ) -> String {
        let anchor = marks.anchor(of: change)
        let href = scope.page(change.entry.page, anchor.isEmpty ? nil : anchor)
        return "<a href=\"\(MarkdownHTML.escapeURL(href))\">\(HTML.escape(text))</a>"
    }
}
