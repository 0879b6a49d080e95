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
    /// The marks of numbers that changed since the build `--compare-to` names, if given.
    var marks: ChangeMarks?

    func html(_ renderer: MarkdownHTML) -> String {
        guard case .block(let given, let id) = cell.kind else { return "" }
        let echo = given ?? (outputs.isEmpty ? .show : defaultEcho)
        let scope = renderer.scope
        var html = id.map { "<div class=\"plan-cell\" id=\"\(scope.id("cell-\($0)"))\">\n" } ?? "<div class=\"plan-cell\">\n"
        if echo == .show { html += Self.code(cell.code) }
        let shown = outputs.enumerated().filter { !$0.element.output.isHeadline }
        if !shown.isEmpty {
            html += "<div class=\"output\">\n"
                + shown.map { output($1, at: $0, scope: scope) + Self.misfit($1.output) }.joined() + "</div>\n"
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

    private func output(_ placed: PageItems.PlacedOutput, at position: Int, scope: LinkScope) -> String {
        let cellMarks = marks?.cells(cell: cell.index, output: position) ?? [:]
        switch placed.output {
        case .graph:
            guard let item = placed.item, let svg = drawings[item.name],
                let figure = graphFigure(item) else { return "" }
            return figure.html(svg: svg, folder: folder, label: item.label, scope: scope, embedding: embedding)
        case .chart(let chart):
            guard let item = placed.item else { return "" }
            let changed = cellMarks.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value.change)
            return CellOutputHTML.chart(
                name: item.name, label: item.label, title: item.caption, svg: chart.svg,
                csv: CellOutputHTML.csv(chart.data), folder: folder, scope: scope, embedding: embedding)
                + ChartChangeNote.html(changed, id: ChangeMarks.chartNoteID(item.anchor), base: marks?.base ?? "",
                                       scope: scope)
        case .file(let file):
            guard let name = placed.fileName else { return "" }
            let path = "\(folder)/\(name).\(file.fileExtension)"
            return "<p class=\"download\">Download: <a \(scope.download(path, file.contents))>\(HTML.escape(file.title))</a></p>\n"
        case .table(let table):
            return CellOutputHTML.table(
                title: placed.item.map { $0.caption.isEmpty ? $0.label : "\($0.label): \($0.caption)" },
                header: table.header, rows: table.rows.map { $0.map(\.text) },
                id: placed.item.map { scope.id($0.anchor) }, numbers: table.rows.map { $0.map { $0.number != nil } },
                marked: cellMarks.isEmpty ? nil : { row, column, text in
                    cellMarks[[row, column]].map { $0.html(text, scope: scope) } ?? text
                })
        case .claim(let claim):
            let id = placed.claimAnchor.map(scope.id)
            // The card's values: 0 computed, 1 paper, 2 ratio (as the ledger numbers them).
            let parts = ["computed", "paper", "ratio"]
            let claimMarks = Dictionary(uniqueKeysWithValues: parts.enumerated().compactMap { column, part in
                marks?.mark(LedgerEntry.Origin(cell: cell.index, output: position, column: column)).map { (part, $0) }
            })
            guard !claimMarks.isEmpty else { return CellOutputHTML.card(claim, id: id) }
            let flip = claimMarks["computed"].flatMap { mark -> String? in
                guard mark.change.flipped else { return nil }
                let base = marks?.base ?? "the other build"
                // In the card's words, as the flip was found ("not reproduced" → "cannot hold" is one).
                let was = ChangeFormat.verdict(mark.change.old)
                let said =
                    was == "holds" ? "it held" : was == "does not hold" ? "it did not hold" : "it was “\(was)”"
                return "Verdict flipped: \(said) in \(base)."
            }
            return CellOutputHTML.card(
                claim, id: id, marked: { part, text in claimMarks[part].map { $0.html(text, scope: scope) } ?? text },
                flip: flip)
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

/// An inline expression's value in the prose, marked when it changed since the build `--compare-to` names.
struct InlineValuePart: MarkdownPart {
    var value: PlanRecord.Value?
    var mark: ChangeMarks.Mark?

    func html(_ renderer: MarkdownHTML) -> String {
        let text = HTML.escape(value?.text ?? "")
        return "<span class=\"inline-value\">\(mark?.html(text, scope: renderer.scope) ?? text)</span>"
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
