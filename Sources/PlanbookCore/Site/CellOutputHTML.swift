import Foundation

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
        case .table(let title, let header, let rows):
            return table(title: title, header: header, rows: rows)
        case .claim(let claim):
            return card(claim)
        case .graph, .chart, .file:
            return ""
        }
    }

    /// A table with a header row; cells that read as numbers are right-aligned (`class="num"`).
    public static func table(title: String?, header: [String], rows: [[String]], id: String? = nil) -> String {
        var html = "<div class=\"table-scroll\"><table class=\"plan-table\"\(id.map { " id=\"\($0)\"" } ?? "")>\n"
        if let title { html += "<caption>\(HTML.escape(title))</caption>\n" }
        html += "<thead>\n<tr>" + header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.map { cell in
                isNumeric(cell) ? "<td class=\"num\">\(HTML.escape(cell))</td>" : "<td>\(HTML.escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A claim card: label, the paper's and the computed value, their ratio and the verdict.
    public static func card(_ claim: ClaimResult) -> String {
        let verdict = claim.holds ? "holds" : "does not hold"
        return """
            <div class="claim \(claim.holds ? "claim-holds" : "claim-fails")"><span class="claim-label">\(HTML.escape(claim.label))</span> \
            <span class="claim-paper">paper: \(HTML.escape(claim.paper))</span> \
            <span class="claim-computed">computed: \(HTML.escape(claim.computed))</span> \
            <span class="claim-ratio">ratio \(ratioText(claim.ratio))</span> \
            <span class="claim-verdict">\(verdict)</span></div>

            """
    }

    /// The claims of a page as one table, under a heading with the given id.
    public static func summary(_ claims: [ClaimResult], id: String) -> String {
        guard !claims.isEmpty else { return "" }
        let holding = claims.filter(\.holds).count
        let rows = claims.map { claim in
            [claim.label, claim.paper, claim.computed, ratioText(claim.ratio),
             "±\(Int((claim.tolerance * 100).rounded())) %", claim.holds ? "holds" : "does not hold"]
        }
        return "<section class=\"claims-summary\">\n<h2 id=\"\(id)\">Claims checked on this page</h2>\n"
            + "<p>\(holding) of \(claims.count) claim\(claims.count == 1 ? "" : "s") hold within tolerance.</p>\n"
            + table(title: nil, header: ["Claim", "Paper", "Computed", "Computed / paper", "Tolerance", "Verdict"], rows: rows)
            + "</section>\n"
    }

    /// A chart figure: the drawing inline (ids prefixed by its name), its caption, and links to `folder/NAME.svg`
    /// and `folder/NAME.csv`.
    public static func chart(name: String, label: String, title: String, svg: String, folder: String) -> String {
        """
        <figure class="chart" id="fig-\(name)">
        <div class="chart-svg">\(InlineSVG.make(svg, idPrefix: name, label: title))</div>
        <figcaption><span class="caption"><span class="figure-number">\(label):</span> \(HTML.escape(title))</span> \
        <span class="downloads">Download: \
        <a href="\(DotFigure.href(folder, name, "svg"))">SVG</a> · <a href="\(DotFigure.href(folder, name, "csv"))">CSV</a></span></figcaption>
        </figure>

        """
    }

    /// `header` and `rows` as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted).
    public static func csv(header: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func ratioText(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "—" }
        return SignificantDigits.text(ratio) + "×"
    }

    private static func isNumeric(_ cell: String) -> Bool {
        guard let first = cell.first else { return false }
        return first.isNumber || ((first == "-" || first == "−" || first == "±") && cell.dropFirst().first?.isNumber == true)
    }
}

/// Three significant digits, as PlanKit prints numbers (kept here so the site does not link PlanKit).
enum SignificantDigits {
    static func text(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return value == 0 ? "0" : "—" }
        let magnitude = Int((abs(value)).log10.rounded(.down))
        let decimals = max(0, 2 - magnitude)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

extension Double {
    fileprivate var log10: Double { Foundation.log10(self) }
}
