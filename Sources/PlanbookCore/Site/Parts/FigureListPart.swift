/// The list of figures and tables of the whole site, page by page, at the end of the index: each item's number
/// linking to it, and its caption.
struct FigureListPart: MarkdownPart {
    var listing: [CrossReferences.PageListing]

    func html(_ renderer: MarkdownHTML) -> String {
        guard !listing.isEmpty else { return "" }
        let scope = renderer.scope
        var html = "<section class=\"pb-figure-list\">\n<h2 id=\"\(scope.id("figures-and-tables"))\">Figures and tables</h2>\n"
        for page in listing {
            html += "<h3>\(HTML.escape(page.title))</h3>\n<ul>\n"
            for item in page.items {
                html += "<li><a href=\"\(scope.page(page.page, item.anchor))\">\(item.label)</a>"
                    + (item.caption.isEmpty ? "" : " \(HTML.escape(item.caption))") + "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }
}
