import PlanRecord

extension LedgerEntry {
    /// What identifies a table or chart on its page across builds: the anchor its block's `id=` gave it
    /// (`tbl-memory`, stable when the caption changes), else its caption as the ledger knows it
    /// (`PageItems.Item.lastingCaption`: a default caption names its plan by name, not by its parameters), else its
    /// columns' headers (an unnamed block's anchor changes when a block is added above it).
    static func tableKey(_ item: PageItems.Item, header: [String]) -> String {
        if item.hasGivenName { return item.anchor }
        return item.lastingCaption.isEmpty ? "columns " + header.joined(separator: ", ") : item.lastingCaption
    }

    /// The label of each row: the shortest run of its leading cells (as text, empty ones left out) that no other row
    /// of the table starts with — "weights", "all-to-all / dispatch", a line chart's "EP=16 / 128" (series and x)
    /// — or, for rows alike in every such cell, those cells and the row's place among them ("… (2)"). A number that
    /// is not a whole number (a measured time, 3.5243… s) never labels a row: it is what the row says, not which
    /// row it is, and would make the row a new one whenever it moved; whole numbers (a sweep's batch, a GPU's
    /// index) do.
    static func rowLabels(_ rows: [[PlanRecord.Value]]) -> [String] {
        func labels(_ value: PlanRecord.Value) -> Bool {
            !value.text.isEmpty && value.number.map { $0.value.rounded() == $0.value } != false
        }
        let texts = rows.map { $0.filter(labels).map(\.text) }
        var labels: [String?] = Array(repeating: nil, count: rows.count)
        for length in 1...max(1, texts.map(\.count).max() ?? 1) where labels.contains(nil) {
            var starts: [[String]: Int] = [:]
            for text in texts { starts[Array(text.prefix(length)), default: 0] += 1 }
            for index in rows.indices
            where labels[index] == nil && !texts[index].isEmpty && starts[Array(texts[index].prefix(length))] == 1 {
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
