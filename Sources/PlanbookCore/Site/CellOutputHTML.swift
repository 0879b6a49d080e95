import Foundation
import PlanRecord

/// The HTML of what plan blocks produced: printed text, values, tables and claim cards.
///
/// Graph outputs are drawn as figures by `DotFigure`; everything else is made here. All text is escaped.
public enum CellOutputHTML {
    /// One output (not a graph).
    public static func html(_ output: CellOutput) -> String {
        switch output {
        case .printed(let text):
            return "<pre class=\"output-text\">\(HTML.escape(text))</pre>\n"
        case .text(let text):
            return text.contains("\n")
                ? "<pre class=\"output-text\">\(HTML.escape(text))</pre>\n"
                : "<p class=\"output-value\">\(HTML.escape(text))</p>\n"
        case .table(let table):
            return self.table(title: table.title, header: table.header, rows: table.rows.map { $0.map(\.text) })
        case .claim(let claim):
            return card(claim)
        case .graph, .chart, .file:
            return ""
        }
    }

    /// A table with a header row in its box (see `TableLayout`): number columns right-aligned, header included;
    /// `numbers[r][c]` says which cells the plan program gave as numbers.
    public static func table(
        title: String?, header: [String], rows: [[String]], id: String? = nil, numbers: [[Bool]]? = nil
    ) -> String {
        // `id` is already scoped by the caller.
        let layout = TableLayout(header: header, rows: rows, numbers: numbers)
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            let numeric = column < layout.numeric.count && layout.numeric[column]
            return "<\(tag)\(numeric ? " class=\"num\"" : "")>\(HTML.escape(text))</\(tag)>"
        }
        var html = "<div class=\"table-scroll scroll-cue\(layout.wide ? " table-wide" : "")\">"
            + "<table class=\"plan-table\"\(id.map { " id=\"\($0)\"" } ?? "")>\n"
        if let title { html += "<caption>\(HTML.escape(title))</caption>\n" }
        html += "<thead>\n<tr>" + header.enumerated().map { cell("th", $1, $0) }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A claim card: the verdict, the label, and the sentence of why (see `ClaimVerdict`), under the anchor `id`
    /// (already scoped) that the page's findings panel links to.
    public static func card(_ claim: PlanRecord.Claim, id: String? = nil) -> String {
        let verdict = ClaimVerdict(claim)
        return "<div class=\"claim \(verdict.outcome.cssClass)\"\(id.map { " id=\"\($0)\"" } ?? "")>"
            + "<p class=\"claim-head\"><span class=\"verdict\">\(verdict.outcome.rawValue)</span> "
            + "<span class=\"claim-label\">\(HTML.escape(claim.label))</span></p>"
            + "<p class=\"claim-why\">\(HTML.escape(verdict.sentence))</p></div>\n"
    }

    /// A chart figure (see `FigureHTML`): the drawing (ids prefixed by its name), its caption, and links to
    /// `folder/NAME.svg` and `folder/NAME.csv`, with ids and links written by `scope`.
    public static func chart(
        name: String, label: String, title: String, svg: String, csv: String, folder: String, scope: LinkScope = .site,
        embedding: FigureEmbedding = FigureEmbedding()
    ) -> String {
        FigureHTML(kind: .chart, name: name, number: label, caption: title, label: title, svg: svg,
                   downloads: [("CSV", "\(folder)/\(name).csv", csv)], folder: folder)
            .html(scope: scope, embedding: embedding)
    }

    /// A chart's data as CSV.
    public static func csv(_ table: PlanRecord.Table) -> String {
        csv(header: table.header, rows: table.rows.map { $0.map(\.text) })
    }

    /// `header` and `rows` as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted).
    public static func csv(header: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
