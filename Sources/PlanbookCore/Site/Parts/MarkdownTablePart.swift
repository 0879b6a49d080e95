/// A pipe table of the report's Markdown, rendered as cmark-gfm renders it, in the box every table of a page sits
/// in: it scrolls sideways only when it must and shows that it does, and a table too wide for the text column (see
/// `TableLayout`) first grows into the room beside it.
struct MarkdownTablePart: MarkdownPart {
    /// The `.table` block.
    var table: MarkdownBlock

    func html(_ renderer: MarkdownHTML) -> String {
        let rows = table.children.map { row in row.children.map { $0.inlines.map(\.plainText).joined() } }
        let layout = TableLayout(header: rows.first ?? [], rows: Array(rows.dropFirst()))
        return "<div class=\"table-scroll scroll-cue\(layout.wide ? " table-wide" : "")\">\n" + renderer.html([table])
            + "</div>\n"
    }
}
