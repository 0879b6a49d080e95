/// The markup of a numbered figure — a Graphviz drawing on its white card, or a chart drawn on the page — with its
/// caption and links: inline and sized to stay legible, or past the inline limit a lazy-loaded image that opens on a
/// page of its own (`PAGE/NAME.html`, see `FigurePage`). Every figure links its drawing full size.
struct FigureHTML {
    /// What the figure shows, which decides its frame.
    enum Kind: String { case drawing, chart }

    var kind: Kind
    /// The name of its files (`PAGE/NAME.svg`) and of its anchor (`fig-NAME`).
    var name: String
    /// "Figure 2.3", if numbered.
    var number: String?
    /// The caption text, if any.
    var caption: String?
    /// The drawing's accessible name.
    var label: String
    var svg: String
    /// The files offered under it, after the SVG: the DOT of a drawing, the CSV of a chart.
    var downloads: [(title: String, path: String, contents: String)]
    /// The folder of the page's files (its slug).
    var folder: String

    var anchor: String { "fig-\(name)" }
    var svgPath: String { "\(folder)/\(name).svg" }
    /// The page that shows a linked drawing full size.
    var pagePath: String { "\(folder)/\(name).html" }

    func html(scope: LinkScope, embedding: FigureEmbedding) -> String {
        let metrics = SVGMetrics(svg)
        let linked = embedding.links(svg, scope: scope)
        var classes = ["figure", "figure-\(kind.rawValue)"]
        var style = ""
        if let metrics {
            if !linked && metrics.width > FigureEmbedding.columnWidth { classes.append("figure-wide") }
            style = " style=\"--figure-width: \(Self.px(metrics.width))"
            if !linked {
                style += "; --figure-min: \(Self.px(metrics.minimumWidth(forFont: FigureEmbedding.desktopFontSize)))"
                    + "; --figure-min-phone: \(Self.px(metrics.minimumWidth(forFont: FigureEmbedding.phoneFontSize)))"
                // A wide figure's box: the drawing and its frame's padding and border (spelt out here, since the
                // W3C checker cannot read var() inside calc()).
                if classes.contains("figure-wide") {
                    style += "; --figure-box: calc(\(Self.px(metrics.width)) + 1.6rem + 2px)"
                }
            }
            style += "\""
        }
        if linked { classes.append("figure-linked") }
        var html = "<figure class=\"\(classes.joined(separator: " "))\" id=\"\(scope.id(anchor))\"\(style)>\n"
        if linked {
            let size = metrics.map { " width=\"\(Int($0.width.rounded()))\" height=\"\(Int($0.height.rounded()))\"" } ?? ""
            html += "<a class=\"figure-open\" href=\"\(HTML.escape(SitePath.href(pagePath)))\"><img "
                + "src=\"\(HTML.escape(SitePath.href(svgPath)))\" alt=\"\(HTML.escape(alternative))\""
                + "\(size) loading=\"lazy\" decoding=\"async\"></a>\n"
        } else {
            html += "<div class=\"figure-frame\">\(InlineSVG.make(svg, idPrefix: scope.id(name), label: label))</div>\n"
        }
        return html + "<figcaption>\(captionHTML)<span class=\"downloads\">\(links(scope: scope, linked: linked))</span>"
            + "</figcaption>\n</figure>\n"
    }

    /// The text alternative of a linked drawing: what it is, and where to read it.
    var alternative: String {
        [number, caption ?? label].compactMap { $0 }.joined(separator: ": ")
            + " (a drawing too large to show here; open it full size)"
    }

    private var captionHTML: String {
        guard number != nil || caption != nil else { return "" }
        let numberHTML = number.map { "<span class=\"figure-number\">\($0)\(caption == nil ? "" : ":")</span> " } ?? ""
        return "<span class=\"caption\">\(numberHTML)\(caption.map(HTML.escape) ?? "")</span> "
    }

    /// "Full size · Download: SVG · DOT"; a page whose files are embedded has no file to open.
    private func links(scope: LinkScope, linked: Bool) -> String {
        let full = HTML.escape(SitePath.href(linked ? pagePath : svgPath))  // a report's name may hold "#" or "&"
        let open = scope.embedsFiles ? "" : "<a href=\"\(full)\">Full size</a> · "
        let files = [("SVG", svgPath, svg)] + downloads
        return open + "Download: " + files.map { title, path, contents in
            "<a \(scope.download(path, contents))>\(title)</a>"
        }.joined(separator: " · ")
    }

    /// "1186.7px".
    private static func px(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)px" : "\(tenths / 10).\(tenths % 10)px"
    }
}
