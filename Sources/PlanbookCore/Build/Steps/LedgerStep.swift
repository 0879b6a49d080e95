import PlanRecord

/// Lists every computed number of the site with what identifies it across builds — its page, the kind of place
/// (inline value, table cell, chart point, claim, headline), a stable key, the section it stands in — its value and
/// unit, the text the page shows, and where it is for a reader. What `planbook diff`, `build --compare-to` and the
/// scenario matrix compare; a built site carries it as `ledger.json`.
struct LedgerStep: BuildStep {
    func run(_ study: inout Study) {
        study.ledger = Ledger(
            pages: study.pages.map {
                Ledger.Page(slug: $0.report.slug, title: $0.outline.title, file: $0.report.outputName)
            },
            scenario: study.scenario?.name, parameters: study.givenParameters,
            entries: study.pages.flatMap(Self.entries))
    }

    /// The numbers of one page, in page order.
    static func entries(_ page: StudyPage) -> [LedgerEntry] {
        guard let outputs = page.outputs, let items = page.items else { return [] }
        let outline = page.outline
        let inlineCells = Dictionary(
            outline.cells.filter { $0.kind == .inline }.map { ($0.elementIndex, $0.index) },
            uniquingKeysWith: { a, _ in a })
        let sentences = InlineSentences(outline.document) { node in
            inlineCells[node].map { outputs.cells[$0].inline?.text ?? "" }
        }
        var entries: [LedgerEntry] = []
        for cell in outline.cells {
            let place = CellPlace(
                page: page.report.slug, section: outline.section(before: cell.elementIndex),
                anchor: cell.id.map { "cell-\($0)" } ?? outline.sectionAnchor(before: cell.elementIndex),
                cell: cell)
            if case .inline = cell.kind, let value = outputs.cells[cell.index].inline, let number = value.number,
                number.value.isFinite
            {
                var entry = place.entry(
                    .inline, key: Self.expressionKey(cell.code), number: number, text: value.text,
                    place: "“\(sentences.sentences[cell.elementIndex] ?? value.text)”")
                entry.headline = cell.headline.map { $0.isEmpty ? cell.code : $0 }
                entry.origin = LedgerEntry.Origin(cell: cell.index)
                entries.append(entry)
            }
            for (position, placed) in (items.cellOutputs[cell.index] ?? []).enumerated() {
                entries += numbers(in: placed, at: position, place: place)
            }
        }
        return entries.countingOccurrences()
    }

    /// An inline expression as its identity: its source with runs of spaces made one.
    static func expressionKey(_ code: String) -> String {
        code.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func numbers(in placed: PageItems.PlacedOutput, at position: Int, place: CellPlace) -> [LedgerEntry]
    {
        switch placed.output {
        case .table(let table):
            guard let item = placed.item else { return [] }
            return cells(table, plan: table.plan, kind: .tableCell, item: item, output: position, place: place)
        case .chart(let chart):
            guard let item = placed.item else { return [] }
            return cells(chart.data, plan: chart.plan, kind: .chartPoint, item: item, output: position, place: place)
        case .claim(let claim):
            let parts = [("computed", claim.computed), ("paper", claim.paper), ("ratio", claim.ratio)]
            return parts.enumerated().compactMap { index, part in
                let (part, value) = part
                guard let number = value.number, number.value.isFinite else { return nil }
                var entry = place.entry(
                    .claim, key: "\(claim.label) — \(part)", number: number, text: value.text,
                    place: "claim “\(claim.label)”, \(part == "ratio" ? "computed / paper" : part)")
                entry.holds = claim.holds
                entry.verdict = ClaimVerdict(claim).outcome.rawValue
                if part == "computed" { entry.headline = claim.label }
                // Which of the card's values: 0 computed, 1 paper, 2 ratio.
                entry.origin = LedgerEntry.Origin(cell: place.cell.index, output: position, column: index)
                return entry
            }
        case .headline(let label, let value):
            guard let number = value.number, number.value.isFinite else { return [] }
            var entry = place.entry(
                .headline, key: label, number: number, text: value.text, place: "headline “\(label)”")
            entry.headline = label
            entry.origin = LedgerEntry.Origin(cell: place.cell.index, output: position)
            return [entry]
        default:
            return []
        }
    }

    /// Each number of `table`, keyed by the table (`LedgerEntry.tableKey`), its row's label (`LedgerEntry.rowLabels`)
    /// and its column's header, with the plan it describes.
    private static func cells(
        _ table: PlanRecord.Table, plan: PlanRecord.Plan?, kind: LedgerEntry.Kind, item: PageItems.Item, output: Int,
        place: CellPlace
    ) -> [LedgerEntry] {
        let name = LedgerEntry.tableKey(item, header: table.header)
        let labels = LedgerEntry.rowLabels(table.rows)
        let shown = item.caption.isEmpty ? item.label : "\(item.label) “\(item.caption)”"
        return table.rows.enumerated().flatMap { rowIndex, row in
            row.enumerated().compactMap { column, value -> LedgerEntry? in
                guard let number = value.number, number.value.isFinite else { return nil }
                let header =
                    column < table.header.count && !table.header[column].isEmpty
                    ? table.header[column] : "column \(column + 1)"
                var entry = place.entry(
                    kind, key: "\(name) / \(labels[rowIndex]) / \(header)", number: number, text: value.text,
                    place: "\(shown), row “\(labels[rowIndex])”, column “\(header)”")
                entry.table = name
                entry.row = labels[rowIndex]
                entry.column = header
                entry.plan = plan
                entry.anchor = item.anchor
                entry.origin = LedgerEntry.Origin(cell: place.cell.index, output: output, row: rowIndex, column: column)
                return entry
            }
        }
    }
}

/// What every number of one cell shares: its page, section, anchor and cell.
private struct CellPlace {
    var page: String
    var section: String
    var anchor: String
    var cell: PlanCell

    func entry(
        _ kind: LedgerEntry.Kind, key: String, number: PlanRecord.Number, text: String, place: String
    ) -> LedgerEntry {
        LedgerEntry(
            page: page, kind: kind, key: key, section: section, number: number, text: text, place: place,
            anchor: anchor)
    }
}

extension PageOutline {
    /// The text of the last heading before node `node`, or "".
    func section(before node: Int) -> String {
        headings.last { $0.id < node }?.text ?? ""
    }

    /// The anchor of the last heading before node `node`, or "".
    func sectionAnchor(before node: Int) -> String {
        headings.last { $0.id < node }?.anchor ?? ""
    }
}
