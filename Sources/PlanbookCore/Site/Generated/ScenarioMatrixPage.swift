import PlanCharts
import PlanKit

/// The scenario matrix, `site/scenarios/index.html`: every headline number of the study — each claim's computed
/// value, and each number the author marked `headline` — as a row, the study under its own parameters and under each
/// scenario as columns, each value linked to its page in that scenario and each claim's verdict beside its value;
/// then a chart per headline number across the scenarios (a line over the grid's first parameter when the study
/// declares a grid, bars for each scenario otherwise).
enum ScenarioMatrixPage {
    /// The page's slug, a folder below the site's root.
    static let slug = "\(Scenario.folder)/index"

    /// One column: a scenario's name, what it sets, and its ledger.
    struct Column {
        var name: String
        var summary: String
        /// Its folder from the matrix page ("h200/"), or the site's root ("../").
        var folder: String
        var ledger: Ledger
        var scenario: Scenario?
    }

    /// One headline number: its label, page and identity, and its entry in each column (nil where it is not).
    struct Row {
        var label: String
        var page: String
        var values: [LedgerEntry?]
        var isClaim: Bool
        /// The paper's value of a claim, in the headline's unit.
        var paper: Double?
    }

    static func make(study: Ledger, scenarios: [ScenarioSite]) -> RenderedPage {
        let columns =
            [
                Column(
                    name: "study’s own parameters", summary: "as the reports’ front matter sets them",
                    folder: "../", ledger: study, scenario: nil)
            ]
            + scenarios.map {
                Column(
                    name: $0.scenario.name, summary: $0.scenario.summary, folder: "\($0.scenario.name)/",
                    ledger: $0.ledger, scenario: $0.scenario)
            }
        let rows = self.rows(columns)
        let charts = self.charts(rows, columns: columns)
        var downloads: [(path: String, contents: String)] = []
        for chart in charts {
            downloads.append(("\(Scenario.folder)/matrix/\(chart.name).svg", chart.svg))
            downloads.append(("\(Scenario.folder)/matrix/\(chart.name).csv", chart.csv))
        }
        let toc: [RenderedPage.TOCEntry] =
            [
                .init(id: "scenarios", text: "The scenarios", level: 2),
                .init(id: "verdicts", text: "Verdicts that change with the scenario", level: 2),
                .init(id: "headlines", text: "Headline numbers in every scenario", level: 2),
            ] + (charts.isEmpty ? [] : [.init(id: "charts", text: "Each headline across the scenarios", level: 2)])
        let part = ScopedHTMLPart { scope in html(columns: columns, rows: rows, charts: charts, scope: scope) }
        return GeneratedPage.make(
            slug: slug, title: "Scenarios",
            summary: "The study's headline numbers and claim verdicts under its own parameters and under each of its "
                + "\(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s").",
            part: part, toc: toc, downloads: downloads)
    }

    // MARK: - Rows

    /// The headline numbers, in the study's page order (then any only a scenario has).
    static func rows(_ columns: [Column]) -> [Row] {
        var order: [LedgerEntry.Identity] = []
        var first: [LedgerEntry.Identity: LedgerEntry] = [:]
        for column in columns {
            for entry in column.ledger.entries where entry.headline != nil && first[entry.identity] == nil {
                order.append(entry.identity)
                first[entry.identity] = entry
            }
        }
        let byColumn = columns.map { column in
            Dictionary(
                column.ledger.entries.filter { $0.headline != nil }.map { ($0.identity, $0) },
                uniquingKeysWith: { a, _ in a })
        }
        return order.compactMap { identity in
            guard let entry = first[identity] else { return nil }
            let values = byColumn.map { $0[identity] }
            var paper: Double?
            if entry.kind == .claim, let label = entry.key.split(separator: " — ").first {
                let paperKey = LedgerEntry.Identity(
                    page: identity.page, kind: .claim, section: "",
                    key: "\(label) — paper", occurrence: identity.occurrence)
                paper =
                    columns.first.flatMap { column in
                        column.ledger.entries.first { $0.identity == paperKey && $0.number.unit == entry.number.unit }
                    }?.number.value
            }
            return Row(
                label: entry.headline ?? entry.key, page: entry.page, values: values,
                isClaim: entry.kind == .claim, paper: paper)
        }
    }

    // MARK: - HTML

    private static func html(columns: [Column], rows: [Row], charts: [Chart], scope: LinkScope) -> String {
        var html =
            "<p>The study under its own parameters, and under each scenario its index declares. Every scenario "
            + "is a full copy of the study, built from the same plan programs with other parameters; the switcher at "
            + "the top of every page goes to the same page in another scenario. Each row below is a headline number: "
            + "each claim’s computed value, and each number the author marked <code>headline</code>.</p>\n"
        html += "<h2 id=\"\(scope.id("scenarios"))\">The scenarios</h2>\n"
        html += CellOutputHTML.markupTable(
            ["Scenario", "Parameters"],
            columns.map { column in
                [
                    "<a href=\"\(MarkdownHTML.escapeURL(column.folder + "index.html"))\">"
                        + "\(HTML.escape(column.name))</a>",
                    HTML.escape(column.summary),
                ]
            }, rowHeaders: true)
        html += "<h2 id=\"\(scope.id("verdicts"))\">Verdicts that change with the scenario</h2>\n"
        // A verdict changes when the card's words do ("not reproduced" in one scenario, "cannot hold" in another).
        let changing = rows.filter { row in Set(row.values.map { $0.map(ChangeFormat.verdict) }).count > 1 }
        if changing.isEmpty {
            html += "<p>No claim's verdict changes from one scenario to another.</p>\n"
        } else {
            html +=
                "<p>\(changing.count) claim\(changing.count == 1 ? "" : "s") of \(rows.filter(\.isClaim).count) "
                + "\(changing.count == 1 ? "has" : "have") another verdict in some scenarios than in others:</p>\n"
            html += CellOutputHTML.markupTable(
                ["Claim"] + columns.map(\.name),
                changing.map { row in
                    [label(row, columns: columns)]
                        + zip(columns, row.values).map { column, entry in cell(entry, column: column) }
                }, className: "pb-matrix", rowHeaders: true)
        }
        html += "<h2 id=\"\(scope.id("headlines"))\">Headline numbers in every scenario</h2>\n"
        if rows.isEmpty {
            html +=
                "<p>The study has no claims and marks no number as a headline: "
                + "<code>{swift headline} expr</code> in prose, or <code>headline(\"label\", value)</code> in a plan "
                + "block, adds one.</p>\n"
        } else {
            let holding = columns.indices.map { index in
                let claims = rows.filter(\.isClaim).compactMap { $0.values[index] }
                return "\(claims.count { $0.holds == true }) of \(claims.count)"
            }
            var body = rows.map { row in
                [label(row, columns: columns)]
                    + zip(columns, row.values).map { column, entry in cell(entry, column: column) }
            }
            if rows.contains(where: \.isClaim) {
                body.append(["Claims that hold"] + holding.map { HTML.escape($0) })
            }
            html += CellOutputHTML.markupTable(
                ["Headline"] + columns.map(\.name), body, className: "pb-matrix", rowHeaders: true)
        }
        if !charts.isEmpty {
            html += "<h2 id=\"\(scope.id("charts"))\">Each headline across the scenarios</h2>\n"
            for (index, chart) in charts.enumerated() {
                html += CellOutputHTML.chart(
                    name: chart.name, label: "Figure \(index + 1)", title: chart.title, svg: chart.svg, csv: chart.csv,
                    folder: "matrix", scope: scope)
            }
        }
        return html
    }

    /// A row's heading: the headline's label, and the page it is on.
    private static func label(_ row: Row, columns: [Column]) -> String {
        "\(HTML.escape(row.label))<br><span class=\"pb-matrix-page\">"
            + "\(HTML.escape(columns[0].ledger.title(of: row.page)))</span>"
    }

    /// A value in its scenario's column: linked to where its page shows it, with a claim's verdict.
    private static func cell(_ entry: LedgerEntry?, column: Column) -> String {
        guard let entry else { return "—" }
        let page = column.ledger.pages.first { $0.slug == entry.page }?.file ?? "\(entry.page).html"
        let href = column.folder + page + (entry.anchor.isEmpty ? "" : "#\(entry.anchor)")
        var html = "<a href=\"\(MarkdownHTML.escapeURL(href))\">\(HTML.escape(entry.text))</a>"
        if let holds = entry.holds {
            // The verdict in the card's words; its colour says only whether it holds.
            let words = entry.verdict ?? (holds ? "holds" : "does not hold")
            html += "<br><span class=\"pb-verdict \(holds ? "pb-holds" : "pb-fails")\">\(HTML.escape(words))</span>"
        }
        return html
    }

    // MARK: - Charts

    /// One drawn chart: its file name, title, SVG and data.
    struct Chart {
        var name: String
        var title: String
        var svg: String
        var csv: String
    }

    /// A chart per headline whose values share one unit: a line over the grid when there is one, bars otherwise.
    static func charts(_ rows: [Row], columns: [Column]) -> [Chart] {
        var anchors = HeadingAnchors()
        return rows.compactMap { row -> Chart? in
            let unit = row.values.compactMap { $0?.number.unit }.first ?? ""
            guard row.values.allSatisfy({ $0 == nil || $0?.number.unit == unit }) else { return nil }
            let name = anchors.anchor(for: row.label)
            let title = "\(row.label) in every scenario"
            let grid = columns.indices.filter { columns[$0].scenario?.fromGrid == true }
            let numeric = grid.allSatisfy { columns[$0].scenario?.settings.first.flatMap { number($0.value) } != nil }
            let chart: any ChartSource =
                grid.count > 1 && numeric
                ? gridChart(row, columns: columns, grid: grid, unit: unit, title: title)
                : barChart(row, columns: columns, unit: unit, title: title)
            let data = chart.data
            return Chart(
                name: name, title: title, svg: chart.svg,
                csv: CellOutputHTML.csv(header: data.header, rows: data.rows))
        }
    }

    /// Bars: one per column holding the headline, with the paper's value as a line for a claim.
    private static func barChart(_ row: Row, columns: [Column], unit: String, title: String) -> BarChart {
        let bars = zip(columns, row.values).compactMap { column, entry in entry.map { (column.name, $0.number.value) } }
        return BarChart(
            title, category: "Scenario", value: axis(row.label, unit: unit), bars: bars,
            orientation: .horizontal, references: row.paper.map { [ReferenceLine("paper", value: $0)] } ?? [])
    }

    /// Lines over the grid's first parameter, one per combination of the others (and the paper's value, flat).
    private static func gridChart(_ row: Row, columns: [Column], grid: [Int], unit: String, title: String) -> LineChart
    {
        let first = columns[grid[0]].scenario?.settings.first?.name ?? "x"
        var series: [(name: String, points: [(Double, Double)])] = []
        for index in grid {
            guard let scenario = columns[index].scenario, let x = scenario.settings.first.flatMap({ number($0.value) }),
                let entry = row.values[index]
            else { continue }
            let rest = scenario.settings.dropFirst().map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
            let name = rest.isEmpty ? row.label : rest
            if let position = series.firstIndex(where: { $0.name == name }) {
                series[position].points.append((x, entry.number.value))
            } else {
                series.append((name, [(x, entry.number.value)]))
            }
        }
        var lines = series.map { ChartSeries($0.name, points: $0.points) }
        if let paper = row.paper {
            let xs = series.flatMap { $0.points.map(\.0) }
            if let low = xs.min(), let high = xs.max() {
                lines.append(ChartSeries("paper", points: [(low, paper), (high, paper)]))
            }
        }
        return LineChart(title, x: Axis(first), y: axis(row.label, unit: unit), series: lines)
    }

    private static func number(_ value: ParameterValue) -> Double? {
        switch value {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The value axis of a headline in `unit`.
    private static func axis(_ title: String, unit: String) -> Axis {
        switch unit {
        case "s": .seconds(title)
        case "B": .bytes(title)
        default: Axis(title, unit: unit)
        }
    }
}

/// What the matrix needs of a chart.
private protocol ChartSource {
    var svg: String { get }
    var data: DisplayTable { get }
}

extension BarChart: ChartSource {}
extension LineChart: ChartSource {}
