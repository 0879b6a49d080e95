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
        let table = placed.item.map(LedgerEntry.tableKey) ?? ""
        switch placed.output {
        case .table(let data):
            return cells(data, plan: data.plan, page: page, kind: .tableCell, table: table, section: section)
        case .chart(let chart):
            return cells(chart.data, plan: chart.plan, page: page, kind: .chartPoint, table: table, section: section)
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

    /// Each number of `data`, keyed by the table, its row's label and its column's header.
    private static func cells(
        _ data: PlanRecord.Table, plan: PlanRecord.Plan?, page: String, kind: LedgerEntry.Kind, table: String,
        section: String
    ) -> [LedgerEntry] {
        let labels = LedgerEntry.rowLabels(data.rows)
        return data.rows.enumerated().flatMap { rowIndex, row in
            row.enumerated().compactMap { column, value -> LedgerEntry? in
                guard let number = value.number else { return nil }
                let header = column < data.header.count && !data.header[column].isEmpty
                    ? data.header[column] : "column \(column + 1)"
                var entry = LedgerEntry(
                    page: page, kind: kind, key: "\(table) / \(labels[rowIndex]) / \(header)", section: section,
                    number: number, text: value.text)
                entry.table = table
                entry.row = labels[rowIndex]
                entry.column = header
                entry.plan = plan
                return entry
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
    /// For a table cell or chart point: what identifies its table on the page (`tableKey`), its row (`rowLabels`)
    /// and its column's header; `key` is the three joined by " / ".
    public var table: String?
    public var row: String?
    public var column: String?
    /// The plan the table or chart describes, if one.
    public var plan: PlanRecord.Plan?
}

extension LedgerEntry {
    /// What identifies a table or chart on its page across builds: the anchor its block's `id=` gave it
    /// (`tbl-memory`), else its caption, else its anchor.
    static func tableKey(_ item: PageItems.Item) -> String {
        item.hasGivenName || item.caption.isEmpty ? item.anchor : item.caption
    }

    /// The label of each row: the shortest run of its leading cells (as text, empty ones left out) that no other row
    /// of the table starts with — "weights", "all-to-all / dispatch", a line chart's "EP=16 / 128" (series and x)
    /// — or, for rows alike in every cell, the whole row and its place among them ("… (2)").
    static func rowLabels(_ rows: [[PlanRecord.Value]]) -> [String] {
        let texts = rows.map { $0.map(\.text).filter { !$0.isEmpty } }
        var labels: [String?] = Array(repeating: nil, count: rows.count)
        for length in 1...max(1, texts.map(\.count).max() ?? 1) where labels.contains(nil) {
            var starts: [[String]: Int] = [:]
            for text in texts { starts[Array(text.prefix(length)), default: 0] += 1 }
            for index in rows.indices where labels[index] == nil && !texts[index].isEmpty
                && starts[Array(texts[index].prefix(length))] == 1 {
                labels[index] = texts[index].prefix(length).joined(separator: " / ")
            }
        }
        var seen: [String: Int] = [:]
        return rows.indices.map { index in
            let label = labels[index] ?? (texts[index].isEmpty ? "row" : texts[index].joined(separator: " / "))
            seen[label, default: 0] += 1
            return seen[label] == 1 ? label : "\(label) (\(seen[label]!))"
        }
    }
}

extension PageOutline {
    /// The text of the last heading before node `node`, or "".
    func section(before node: Int) -> String {
        headings.last { $0.id < node }?.text ?? ""
    }
}
