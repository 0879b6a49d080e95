/// What a value looks like under a plan block: text, a table, a graph for Graphviz to lay out, or several of these.
///
/// PlanKit's figures describe themselves with `Display` (through `Displayable`); Planbook turns each case into HTML —
/// text as preformatted output, tables as HTML tables, graphs as inline SVG with `.dot` and `.svg` downloads,
/// charts as inline SVG with `.svg` and `.csv` downloads.
public enum Display: Hashable, Sendable {
    /// Preformatted text.
    case text(String)
    /// A table with a header row.
    case table(DisplayTable)
    /// A graph in Graphviz DOT, with a title for its caption.
    case graph(dot: String, title: String)
    /// A chart drawn as a standalone SVG document, with a title for its caption and the data it plots (offered as
    /// CSV beside the drawing).
    case chart(svg: String, title: String, data: DisplayTable)
    /// All figures of a plan, offered for download as JSON.
    case plan(PlanFigures)
    /// Several displays, one after another.
    case group([Display])
    /// A display of figures of one plan: Planbook names the plan and marks the figures of a plan that does not fit.
    indirect case describing(DisplayPlan, Display)
}

/// A table for display: a header, rows of cells that keep the numbers they show, and an optional caption.
///
/// Every row has as many cells as the header; `init` pads short rows with empty cells and cuts long ones.
public struct DisplayTable: Hashable, Sendable {
    /// Column titles.
    public var header: [String]
    /// Cells, row by row.
    public var cells: [[DisplayCell]]
    /// A line above the table, if any.
    public var title: String?

    /// The cells' text, row by row.
    public var rows: [[String]] {
        get { cells.map { $0.map(\.text) } }
        set { cells = Self.fitted(newValue.map { $0.map { DisplayCell($0) } }, to: header.count) }
    }

    public init(header: [String], rows: [[String]], title: String? = nil) {
        self.init(header: header, cells: rows.map { $0.map { DisplayCell($0) } }, title: title)
    }

    public init(header: [String], cells: [[DisplayCell]], title: String? = nil) {
        self.header = header
        self.cells = Self.fitted(cells, to: header.count)
        self.title = title
    }

    private static func fitted(_ rows: [[DisplayCell]], to width: Int) -> [[DisplayCell]] {
        rows.map { row in Array((row + Array(repeating: DisplayCell(""), count: max(0, width - row.count))).prefix(width)) }
    }
}

/// A value that knows how it should be shown under a plan block.
public protocol Displayable {
    /// This value's display.
    var display: Display { get }
}

/// A value that shows itself as one table of `header` and `cells`, under a caption `title`, describing `plan`.
///
/// Every cell that shows a number keeps it (`DisplayCell`: value, unit, text), so that the build's ledger holds every
/// number the table shows; `rows` is the same table as text.
public protocol TableDisplayable: Displayable {
    /// Column titles.
    var header: [String] { get }
    /// The cells with the numbers they show, row by row.
    var cells: [[DisplayCell]] { get }
    /// What the table shows, for its caption ("Memory per GPU"); the page adds the plan's name. Nil by default.
    var title: String? { get }
    /// The deployment the table describes, if any (nil by default).
    var plan: DisplayPlan? { get }
}

extension TableDisplayable {
    public var title: String? { nil }
    public var plan: DisplayPlan? { nil }
    /// The cells' text, row by row.
    public var rows: [[String]] { cells.map { $0.map(\.text) } }
    /// The table, describing its plan.
    public var table: DisplayTable { DisplayTable(header: header, cells: cells, title: title) }
    public var display: Display { Display.table(table).described(by: plan) }
}
