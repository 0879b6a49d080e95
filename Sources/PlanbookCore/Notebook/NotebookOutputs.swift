import PlanRecord

/// What a report's cells produced when they ran, as a tree: each cell's outputs belong to it, in the order made, and
/// an inline expression's cell holds its value. Cached between builds (only for runs without errors), so it holds
/// no report line numbers: places are cell-relative (`PlanRecord.Place`), mapped by the report's `PlanProgram`.
public struct NotebookOutputs: Codable, Sendable, Equatable {
    /// Each cell's outputs, by cell index.
    public var cells: [CellOutputs]
    /// Each parameter the program read, with the value it used, in the order first read.
    public var parameters: [PlanRecord.Parameter] = []
    /// Warnings the program reported (kept, so that outputs from the cache report them again).
    public var warnings: [PlanNotice] = []

    public init(cellCount: Int) {
        cells = Array(repeating: CellOutputs(), count: cellCount)
    }

    /// Every claim, in document order, with its cell.
    public var claims: [(cell: Int, claim: PlanRecord.Claim)] {
        cells.enumerated().flatMap { index, cell in
            cell.outputs.compactMap { output -> (Int, PlanRecord.Claim)? in
                if case .claim(let claim) = output { return (index, claim) }
                return nil
            }
        }
    }
}

/// The outputs of one cell: a block's outputs in order, or an inline expression's value.
public struct CellOutputs: Codable, Sendable, Equatable {
    public var outputs: [CellOutput] = []
    /// An inline expression's value, as prose shows it and as a number.
    public var inline: PlanRecord.Value?
}

/// A problem a plan program reported at a place in its cells, as the run gave it.
public struct PlanNotice: Codable, Sendable, Equatable {
    public var place: PlanRecord.Place
    public var message: String
}

/// One output under a plan block.
public enum CellOutput: Codable, Sendable, Equatable {
    /// What the block `print`ed (consecutive lines together).
    case printed(String)
    /// A value shown as text.
    case text(String)
    /// A value shown as a table.
    case table(PlanRecord.Table)
    /// A graph to lay out with Graphviz.
    case graph(PlanRecord.Graph)
    /// A chart drawn by PlanKit as SVG, with the data it plots.
    case chart(PlanRecord.Chart)
    /// A paper's number set beside the computed one.
    case claim(PlanRecord.Claim)
    /// A file offered for download (a plan's figures as JSON).
    case file(PlanRecord.File)
    /// A number the author marked as a headline (`headline(label, value)`): shown on no page but the scenario
    /// matrix.
    case headline(label: String, PlanRecord.Value)
}

extension CellOutput {
    /// The plan a table, graph or chart describes.
    public var plan: PlanRecord.Plan? {
        get {
            switch self {
            case .table(let table): table.plan
            case .graph(let graph): graph.plan
            case .chart(let chart): chart.plan
            default: nil
            }
        }
        set {
            switch self {
            case .table(var table): table.plan = newValue; self = .table(table)
            case .graph(var graph): graph.plan = newValue; self = .graph(graph)
            case .chart(var chart): chart.plan = newValue; self = .chart(chart)
            default: break
            }
        }
    }

    /// The title of a graph or chart, which captions its figure.
    public var figureTitle: String? {
        switch self {
        case .graph(let graph): graph.title
        case .chart(let chart): chart.title
        default: nil
        }
    }
}

extension CellOutput {
    /// Whether this is a headline number (which no block shows).
    public var isHeadline: Bool {
        if case .headline = self { return true }
        return false
    }
}
