import PlanKit
internal import PlanRecord

/// Shows `value` under the current plan block: PlanKit's figures as tables or drawings, anything else as text.
public func show<T>(_ value: T) {
    if let displayable = value as? Displayable {
        send(displayable.display, plan: nil)
    } else {
        send(.text(InlineFormat.text(value)), plan: nil)
    }
}

/// Shows a table of `rows` under `header`, each cell formatted as in prose and keeping the number it shows.
public func showTable(_ header: [String], _ rows: [[Any]], title: String? = nil) {
    let cells = rows.map { row in
        row.map { value -> DisplayCell in
            if let cell = value as? DisplayCell { return cell }
            let shown = InlineFormat.value(value)
            guard let number = shown.number else { return DisplayCell(shown.text) }
            return DisplayCell(number.value, text: shown.text, unit: number.unit)
        }
    }
    send(.table(DisplayTable(header: header, cells: cells, title: title)), plan: nil)
}

/// Sends `display`'s records for the current cell, its tables, graphs and charts describing `plan`.
private func send(_ display: Display, plan: PlanRecord.Plan?) {
    let cell = PlanbookCells.current
    switch display {
    case .text(let text):
        RecordChannel.send(.text(cell: cell, text))
    case .table(let table):
        RecordChannel.send(.table(cell: cell, record(table, plan: plan)))
    case .graph(let dot, let title):
        RecordChannel.send(.graph(cell: cell, PlanRecord.Graph(title: title, dot: dot, plan: plan)))
    case .chart(let svg, let title, let data):
        RecordChannel.send(.chart(cell: cell, PlanRecord.Chart(
            title: title, svg: svg, data: record(data, plan: nil), plan: plan)))
    case .plan(let figures):
        RecordChannel.send(.file(cell: cell, PlanRecord.File(
            title: "Plan \(figures.name) as JSON (all its figures)", fileExtension: "json",
            contents: PlanJSON.text(figures))))
    case .group(let displays):
        for display in displays { send(display, plan: plan) }
    case .describing(let described, let display):
        send(display, plan: Misfits.record(described))
    }
}

private func record(_ table: DisplayTable, plan: PlanRecord.Plan?) -> PlanRecord.Table {
    PlanRecord.Table(
        title: table.title, header: table.header, rows: table.cells.map { $0.map(InlineFormat.value) }, plan: plan)
}
