import PlanKit

/// Shows `value` under the current plan block: PlanKit's figures as tables or drawings, anything else as text.
public func show<T>(_ value: T) {
    let display: Display
    if let displayable = value as? Displayable {
        display = displayable.display
    } else {
        display = .text(InlineFormat.text(value))
    }
    send(display)
}

/// Shows a table of `rows` under `header`, each cell formatted as in prose.
public func showTable(_ header: [String], _ rows: [[Any]], title: String? = nil) {
    send(.table(DisplayTable(header: header, rows: rows.map { $0.map { InlineFormat.text($0) } }, title: title)))
}

private func send(_ display: Display) {
    switch display {
    case .text(let text):
        RecordChannel.send([("t", .string("text")), ("cell", .integer(PlanbookCells.current)), ("text", .string(text))])
    case .table(let table):
        RecordChannel.send([
            ("t", .string("table")), ("cell", .integer(PlanbookCells.current)),
            ("title", table.title.map(JSONValue.string) ?? .null),
            ("header", .array(table.header.map(JSONValue.string))),
            ("rows", .array(table.rows.map { .array($0.map(JSONValue.string)) })),
        ])
    case .graph(let dot, let title):
        RecordChannel.send([
            ("t", .string("graph")), ("cell", .integer(PlanbookCells.current)), ("title", .string(title)),
            ("dot", .string(dot)),
        ])
    case .chart(let svg, let title, let data):
        RecordChannel.send([
            ("t", .string("chart")), ("cell", .integer(PlanbookCells.current)), ("title", .string(title)),
            ("svg", .string(svg)), ("header", .array(data.header.map(JSONValue.string))),
            ("rows", .array(data.rows.map { .array($0.map(JSONValue.string)) })),
        ])
    case .plan(let figures):
        RecordChannel.send([
            ("t", .string("file")), ("cell", .integer(PlanbookCells.current)),
            ("title", .string("Plan \(figures.name) as JSON (all its figures)")), ("extension", .string("json")),
            ("text", .string(PlanJSON.text(figures))),
        ])
    case .group(let displays):
        displays.forEach(send)
    }
}
