import PlanRecord

/// Lists every computed number of the site with what identifies it across builds — its page, the kind of place
/// (inline value, table cell, chart point, claim), a stable key and the section it stands in — its value and unit,
/// and the text the page shows. What `planbook diff` and scenario pages compare.
struct LedgerStep: BuildStep {
    func run(_ study: inout Study) {
        study.ledger = study.pages.flatMap(Self.entries)
    }

    /// The numbers of one page.
    static func entries(_ page: StudyPage) -> [LedgerEntry] {
        guard let outputs = page.outputs, let items = page.items else { return [] }
        let slug = page.report.slug
        var entries: [LedgerEntry] = []
        for cell in page.outline.cells {
            let section = page.outline.section(before: cell.elementIndex)
            if case .inline = cell.kind, let value = outputs.cells[cell.index].inline, let number = value.number {
                entries.append(LedgerEntry(page: slug, kind: .inline, key: cell.code, section: section,
                                           number: number, text: value.text))
            }
            for placed in items.cellOutputs[cell.index] ?? [] {
                entries += numbers(in: placed, page: slug, section: section)
            }
        }
        return entries
    }

    private static func numbers(in placed: PageItems.PlacedOutput, page: String, section: String) -> [LedgerEntry] {
        let place = placed.item.map { $0.caption.isEmpty ? $0.anchor : $0.caption } ?? ""
        switch placed.output {
        case .table(let table):
            return cells(table, page: page, kind: .tableCell, place: place, section: section)
        case .chart(let chart):
            return cells(chart.data, page: page, kind: .chartPoint, place: place, section: section)
        case .claim(let claim):
            return [claim.computed, claim.paper, claim.ratio].enumerated().compactMap { index, value in
                value.number.map {
                    LedgerEntry(page: page, kind: .claim, key: "\(claim.label) — " + ["computed", "paper", "ratio"][index],
                                section: section, number: $0, text: value.text)
                }
            }
        default:
            return []
        }
    }

    /// Each number of `table`, keyed by the table, its row's label (first cell) and its column's header.
    private static func cells(
        _ table: PlanRecord.Table, page: String, kind: LedgerEntry.Kind, place: String, section: String
    ) -> [LedgerEntry] {
        table.rows.enumerated().flatMap { rowIndex, row in
            row.enumerated().compactMap { column, value -> LedgerEntry? in
                guard let number = value.number else { return nil }
                let rowLabel = row.first.map(\.text).flatMap { $0.isEmpty ? nil : $0 } ?? "row \(rowIndex + 1)"
                let header = column < table.header.count ? table.header[column] : "column \(column + 1)"
                return LedgerEntry(page: page, kind: kind, key: "\(place) / \(rowLabel) / \(header)", section: section,
                                   number: number, text: value.text)
            }
        }
    }
}

/// One computed number of the site, as the ledger lists it.
public struct LedgerEntry: Sendable, Equatable {
    /// Where on a page a number stands.
    public enum Kind: String, Sendable { case inline, tableCell = "table cell", chartPoint = "chart point", claim }

    /// The page's slug.
    public var page: String
    public var kind: Kind
    /// What identifies the number on its page across builds: an inline expression's source, a table's caption (or
    /// anchor) with the row label and column header, a claim's label and which of its values.
    public var key: String
    /// The text of the section heading it stands under ("" before the first heading).
    public var section: String
    public var number: PlanRecord.Number
    /// The text the page shows.
    public var text: String
}

extension PageOutline {
    /// The text of the last heading before node `node`, or "".
    func section(before node: Int) -> String {
        headings.last { $0.id < node }?.text ?? ""
    }
}
