/// What a report's cells produced when they ran: each block's outputs in order, each inline expression's text, and
/// the claims checked. Cached between builds (only for runs without problems), so it holds no report line numbers.
public struct NotebookOutputs: Codable, Sendable, Equatable {
    /// Outputs of each cell, by cell index, in the order they were made.
    public var cells: [[CellOutput]]
    /// The text of each inline cell, by cell index (nil for blocks).
    public var inlineValues: [String?]
    /// Each parameter the program read, with the value it used, in the order first read.
    public var parameters: [ParameterUse] = []

    public init(cellCount: Int) {
        cells = Array(repeating: [], count: cellCount)
        inlineValues = Array(repeating: nil, count: cellCount)
    }

    /// Every claim, in document order.
    public var claims: [ClaimResult] {
        cells.flatMap { outputs in
            outputs.compactMap { output -> ClaimResult? in
                if case .claim(let claim) = output { return claim }
                return nil
            }
        }
    }
}

/// A parameter a plan program read: its value and whether it was given (front matter or `--param`) or defaulted.
public struct ParameterUse: Codable, Sendable, Equatable {
    public var name: String
    /// The value, formatted as in prose.
    public var value: String
    /// `Int`, `Double`, `String` or `Bool`.
    public var type: String
    /// Whether the value came from the front matter or `--param` rather than the code's default.
    public var given: Bool
}

/// One output under a plan block.
public enum CellOutput: Codable, Sendable, Equatable {
    /// What the block `print`ed (consecutive lines together).
    case printed(String)
    /// A value shown as text.
    case text(String)
    /// A value shown as a table.
    case table(title: String?, header: [String], rows: [[String]])
    /// A graph to lay out with Graphviz.
    case graph(title: String, dot: String)
    /// A chart drawn by PlanKit as SVG, with the data it plots.
    case chart(title: String, svg: String, header: [String], rows: [[String]])
    /// A paper's number set beside the computed one.
    case claim(ClaimResult)
    /// A file offered for download (a plan's figures as JSON), with a line describing it.
    case file(title: String, fileExtension: String, contents: String)
}

/// A claim checked by `claim(_:paper:computed:tolerance:)`: both values, their ratio and the verdict.
public struct ClaimResult: Codable, Sendable, Equatable {
    /// What is claimed ("Decode throughput").
    public var label: String
    /// The paper's value, formatted.
    public var paper: String
    /// The computed value, formatted.
    public var computed: String
    /// computed / paper.
    public var ratio: Double
    /// The accepted relative difference.
    public var tolerance: Double
    /// Whether |ratio − 1| ≤ tolerance.
    public var holds: Bool
    /// The cell that made the claim, and the line inside it.
    public var cell: Int
    public var line: Int
}
