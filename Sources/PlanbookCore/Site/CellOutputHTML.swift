import Foundation
import PlanRecord

/// The HTML of what plan blocks produced: printed text, values, tables, claim cards, and the page's claims summary.
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

    /// A table with a header row; cells that read as numbers are right-aligned (`class="num"`). `marked(row, column,
    /// html)` may wrap a cell's escaped text in a mark (`build --compare-to`).
    public static func table(
        title: String?, header: [String], rows: [[String]], id: String? = nil,
        marked: ((Int, Int, String) -> String)? = nil
    ) -> String {
        // `id` is already scoped by the caller.
        var html = "<div class=\"table-scroll\"><table class=\"plan-table\"\(id.map { " id=\"\($0)\"" } ?? "")>\n"
        if let title { html += "<caption>\(HTML.escape(title))</caption>\n" }
        html += "<thead>\n<tr>" + header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for (rowIndex, row) in rows.enumerated() {
            html += "<tr>" + row.enumerated().map { column, cell in
                let text = marked?(rowIndex, column, HTML.escape(cell)) ?? HTML.escape(cell)
                return isNumeric(cell) ? "<td class=\"num\">\(text)</td>" : "<td>\(text)</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A table whose cells are HTML already (links, marks), under a header of text; with `rowHeaders`, each row's
    /// first cell heads it.
    static func markupTable(_ header: [String], _ rows: [[String]], className: String = "", rowHeaders: Bool = false)
        -> String
    {
        "<div class=\"table-scroll\"><table class=\"plan-table\(className.isEmpty ? "" : " \(className)")\">\n"
            + "<thead>\n<tr>"
            + header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
            + rows.map { row in
                "<tr>" + row.enumerated().map { index, cell in
                    index == 0 && rowHeaders ? "<th scope=\"row\">\(cell)</th>" : "<td>\(cell)</td>"
                }.joined() + "</tr>\n"
            }.joined() + "</tbody>\n</table></div>\n"
    }

    /// A claim card: label, the paper's and the computed value, their ratio and the verdict. `marked(part, html)`
    /// may wrap a value's escaped text (`paper`, `computed`, `ratio`) in a mark, and `flip` says how the verdict
    /// changed (`build --compare-to`).
    public static func card(
        _ claim: PlanRecord.Claim, marked: ((String, String) -> String)? = nil, flip: String? = nil
    ) -> String {
        let verdict = claim.holds ? "holds" : "does not hold"
        func value(_ part: String, _ text: String) -> String { marked?(part, HTML.escape(text)) ?? HTML.escape(text) }
        let flipped = flip.map { " <strong class=\"pb-flipped\">\(HTML.escape($0))</strong>" } ?? ""
        return """
            <div class="claim \(claim.holds ? "claim-holds" : "claim-fails")"><span class="claim-label">\(HTML.escape(claim.label))</span> \
            <span class="claim-paper">paper: \(value("paper", claim.paper.text))</span> \
            <span class="claim-computed">computed: \(value("computed", claim.computed.text))</span> \
            <span class="claim-ratio">ratio \(value("ratio", claim.ratio.text))</span> \
            <span class="claim-verdict">\(verdict)</span>\(flipped)</div>

            """
    }

    /// The claims of a page as one table, under a heading with the given (scoped) id.
    public static func summary(_ claims: [PlanRecord.Claim], id: String) -> String {
        guard !claims.isEmpty else { return "" }
        let holding = claims.filter(\.holds).count
        let rows = claims.map { claim in
            [claim.label, claim.paper.text, claim.computed.text, claim.ratio.text,
             "±\(Int((claim.tolerance * 100).rounded())) %", claim.holds ? "holds" : "does not hold"]
        }
        return "<section class=\"claims-summary\">\n<h2 id=\"\(id)\">Claims checked on this page</h2>\n"
            + "<p>\(holding) of \(claims.count) claim\(claims.count == 1 ? "" : "s") hold within tolerance.</p>\n"
            + table(title: nil, header: ["Claim", "Paper", "Computed", "Computed / paper", "Tolerance", "Verdict"], rows: rows)
            + "</section>\n"
    }

    /// A chart figure: the drawing inline (ids prefixed by its name), its caption, and links to `folder/NAME.svg`
    /// and `folder/NAME.csv`, with ids and links written by `scope`.
    public static func chart(
        name: String, label: String, title: String, svg: String, csv: String, folder: String, scope: LinkScope = .site
    ) -> String {
        """
        <figure class="chart" id="\(scope.id("fig-\(name)"))">
        <div class="chart-svg">\(InlineSVG.make(svg, idPrefix: scope.id(name), label: title))</div>
        <figcaption><span class="caption"><span class="figure-number">\(label):</span> \(HTML.escape(title))</span> \
        <span class="downloads">Download: \
        <a \(scope.download("\(folder)/\(name).svg", svg))>SVG</a> · <a \(scope.download("\(folder)/\(name).csv", csv))>CSV</a></span></figcaption>
        </figure>

        """
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

    private static func isNumeric(_ cell: String) -> Bool {
        guard let first = cell.first else { return false }
        return first.isNumber || ((first == "-" || first == "−" || first == "±") && cell.dropFirst().first?.isNumber == true)
    }
}
