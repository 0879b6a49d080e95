import PlanRecord

/// A plan block on the page: its code (unless `echo=false`), its outputs in the order made — text, tables with their
/// numbers, figures drawn by Graphviz, charts, claim cards, downloads — and its code folded under them (`echo=fold`).
/// A block without its own `echo=` that shows outputs takes the study's default (`echo:` in `index.md`'s front
/// matter, else `fold`); one that shows nothing shows its code.
struct PlanCellPart: MarkdownPart {
    var cell: PlanCell
    var outputs: [PageItems.PlacedOutput]
    /// The drawings of the block's graphs, by figure name.
    var drawings: [String: String]
    /// The folder of the page's downloads (its slug).
    var folder: String
    /// How blocks that show outputs and set no `echo=` show their code.
    var defaultEcho: PlanCell.Echo = .fold
    /// How large a drawing may be and still sit inline in the page (see `FigureEmbedding`).
    var embedding = FigureEmbedding()

    func html(_ renderer: MarkdownHTML) -> String {
        guard case .block(let given, let id) = cell.kind else { return "" }
        let echo = given ?? (outputs.isEmpty ? .show : defaultEcho)
        let scope = renderer.scope
        var html = id.map { "<div class=\"plan-cell\" id=\"\(scope.id("cell-\($0)"))\">\n" } ?? "<div class=\"plan-cell\">\n"
        if echo == .show { html += Self.code(cell.code) }
        if !outputs.isEmpty {
            html += "<div class=\"output\">\n" + outputs.map { output($0, scope: scope) + Self.misfit($0.output) }.joined()
                + "</div>\n"
        }
        if echo == .fold {
            html += "<details class=\"folded-code\"><summary>Code</summary>\n" + Self.code(cell.code) + "</details>\n"
        }
        return html + "</div>\n"
    }

    /// The mark under a figure or table of a plan that does not fit the GPUs' memory (unless it is shown on purpose).
    static func misfit(_ output: CellOutput) -> String {
        guard let plan = output.plan, !plan.fits, !plan.acknowledged else { return "" }
        let why = plan.misfit ?? "plan \(plan.name) needs more memory per GPU than the GPU has"
        return "<p class=\"misfit\"><strong>Does not fit:</strong> \(HTML.escape(why)); these figures describe a plan "
            + "that cannot run.</p>\n"
    }

    /// A highlighted Swift block; one with lines longer than the text column holds is marked `code-wide`, so that
    /// it may grow into the room beside the column before its lines wrap.
    static func code(_ code: String) -> String {
        let wide = code.split(separator: "\n").contains { $0.count > codeColumnWidth }
        return "<pre\(wide ? " class=\"code-wide\"" : "")><code class=\"language-swift\">\(SwiftHighlighter.html(code))"
            + "</code></pre>\n"
    }

    /// Characters of code a line of the text column holds (70ch of text at 0.875 em monospace).
    static let codeColumnWidth = 76

    private func output(_ placed: PageItems.PlacedOutput, scope: LinkScope) -> String {
        switch placed.output {
        case .graph:
            guard let item = placed.item, let svg = drawings[item.name],
                let figure = graphFigure(item) else { return "" }
            return figure.html(svg: svg, folder: folder, label: item.label, scope: scope, embedding: embedding)
        case .chart(let chart):
            guard let item = placed.item else { return "" }
            return CellOutputHTML.chart(
                name: item.name, label: item.label, title: item.caption, svg: chart.svg,
                csv: CellOutputHTML.csv(chart.data), folder: folder, scope: scope, embedding: embedding)
        case .claim(let claim):
            return CellOutputHTML.card(claim, id: placed.claimAnchor.map(scope.id))
        case .file(let file):
            guard let name = placed.fileName else { return "" }
            let path = "\(folder)/\(name).\(file.fileExtension)"
            return "<p class=\"download\">Download: <a \(scope.download(path, file.contents))>\(HTML.escape(file.title))</a></p>\n"
        case .table(let table):
            return CellOutputHTML.table(
                title: placed.item.map { $0.caption.isEmpty ? $0.label : "\($0.label): \($0.caption)" },
                header: table.header, rows: table.rows.map { $0.map(\.text) }, id: placed.item.map { scope.id($0.anchor) },
                numbers: table.rows.map { $0.map { $0.number != nil } })
        default:
            return CellOutputHTML.html(placed.output)
        }
    }

    private func graphFigure(_ item: PageItems.Item) -> DotFigure? {
        guard case .graph(let graph) = outputs.first(where: { $0.item?.anchor == item.anchor })?.output else { return nil }
        return DotFigure(name: item.name, caption: item.caption, dot: graph.dot, cell: cell, position: 0)
    }
}

/// A `dot` block on the page: its drawing as a numbered figure.
struct DotFigurePart: MarkdownPart {
    var figure: DotFigure
    var svg: String
    var label: String?
    var folder: String
    var embedding = FigureEmbedding()

    func html(_ renderer: MarkdownHTML) -> String {
        figure.html(svg: svg, folder: folder, label: label, scope: renderer.scope, embedding: embedding)
    }
}

/// An inline expression's value in the prose.
struct InlineValuePart: MarkdownPart {
    var value: PlanRecord.Value?

    func html(_ renderer: MarkdownHTML) -> String {
        "<span class=\"inline-value\">\(HTML.escape(value?.text ?? ""))</span>"
    }
}

/// A plain ```` ```swift ```` block, highlighted.
struct HighlightedCodePart: MarkdownPart {
    var code: String

    func html(_ renderer: MarkdownHTML) -> String { PlanCellPart.code(code) }
}

/// A GitHub alert (`> [!NOTE]`) as a callout box: its title, and the quote's blocks without the marker.
struct CalloutPart: MarkdownPart {
    var kind: String
    var title: String
    var blocks: [MarkdownBlock]

    func html(_ renderer: MarkdownHTML) -> String {
        "<div class=\"callout callout-\(kind)\">\n<p class=\"callout-title\">\(title)</p>\n" + renderer.html(blocks) + "</div>\n"
    }
}

/// The end of a page: its provenance.
struct PageEndPart: MarkdownPart {
    var provenance: Provenance?

    func html(_ renderer: MarkdownHTML) -> String { provenance?.html(renderer.scope) ?? "" }
}
