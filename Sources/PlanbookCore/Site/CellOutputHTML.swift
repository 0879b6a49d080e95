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
        case .graph, .chart, .file, .headline:
            return ""
        }
    }

    /// A table with a header row in its box (see `TableLayout`): number columns right-aligned, header included;
    /// `numbers[r][c]` says which cells the plan program gave as numbers. `marked(row, column, html)` may wrap a
    /// cell's escaped text in a mark (`build --compare-to`).
    public static func table(
        title: String?, header: [String], rows: [[String]], id: String? = nil, numbers: [[Bool]]? = nil,
        marked: ((Int, Int, String) -> String)? = nil
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
        for (rowIndex, row) in rows.enumerated() {
            html += "<tr>" + row.enumerated().map { column, text in
                guard let marked else { return cell("td", text, column) }
                let numeric = column < layout.numeric.count && layout.numeric[column]
                return "<td\(numeric ? " class=\"num\"" : "")>\(marked(rowIndex, column, HTML.escape(text)))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A table whose cells are HTML already (links, marks), under a header of text; with `rowHeaders`, each row's
    /// first cell heads it. Its box is set as a plan table's (see `TableLayout`, on the cells' text): it breaks out of
    /// the text column when its columns need the room, and shows that it scrolls when it must.
    static func markupTable(_ header: [String], _ rows: [[String]], className: String = "", rowHeaders: Bool = false)
        -> String
    {
        let text = rows.map { $0.map { $0.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression) } }
        let layout = TableLayout(header: header, rows: text)
        return "<div class=\"table-scroll scroll-cue\(layout.wide ? " table-wide" : "")\">"
            + "<table class=\"plan-table\(className.isEmpty ? "" : " \(className)")\">\n"
            + "<thead>\n<tr>"
            + header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
            + rows.map { row in
                "<tr>" + row.enumerated().map { index, cell in
                    index == 0 && rowHeaders ? "<th scope=\"row\">\(cell)</th>" : "<td>\(cell)</td>"
                }.joined() + "</tr>\n"
            }.joined() + "</tbody>\n</table></div>\n"
    }

    /// A claim card: the verdict, the label, and the sentence of why (see `ClaimVerdict`), under the anchor `id`
    /// (already scoped) that the page's findings panel links to. With `build --compare-to`, `marked(part, html)` may
    /// wrap a value's escaped text (`paper`, `computed`, `ratio`) in a mark — the card then lists its values, marked —
    /// and `flip` says how the verdict changed.
    public static func card(
        _ claim: PlanRecord.Claim, id: String? = nil, marked: ((String, String) -> String)? = nil, flip: String? = nil
    ) -> String {
        let verdict = ClaimVerdict(claim)
        var html = "<div class=\"claim \(verdict.outcome.cssClass)\"\(id.map { " id=\"\($0)\"" } ?? "")>"
            + "<p class=\"claim-head\"><span class=\"verdict\">\(verdict.outcome.rawValue)</span> "
            + "<span class=\"claim-label\">\(HTML.escape(claim.label))</span></p>"
            + "<p class=\"claim-why\">\(HTML.escape(verdict.sentence))</p>"
        if let marked {
            func value(_ part: String, _ text: String) -> String { marked(part, HTML.escape(text)) }
            html += "<p class=\"claim-values\"><span class=\"claim-paper\">paper: \(value("paper", claim.paper.text))"
                + "</span> <span class=\"claim-computed\">computed: \(value("computed", claim.computed.text))</span> "
                + "<span class=\"claim-ratio\">ratio \(value("ratio", claim.ratio.text))</span>"
                + (flip.map { " <strong class=\"pb-flipped\">\(HTML.escape($0))</strong>" } ?? "") + "</p>"
        }
        return html + "</div>\n"
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
