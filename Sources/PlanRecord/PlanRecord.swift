/// One thing a plan program tells Planbook while it runs: an output of a cell, a value for prose, a claim, a
/// parameter it read, or a problem. This is the one protocol between a plan program and Planbook: PlanRuntime writes
/// records (one JSON object a line, see `PlanRecord.line`), Planbook's engine reads them, and both link these types.
///
/// Every computed number travels as data beside the text the page shows (`Value`). A record is a JSON object whose
/// `kind` names its case; a kind this version does not know — written by a newer PlanRuntime — fails to decode with
/// `PlanRecord.UnknownKind`, which names it, instead of crashing or being dropped.
public enum PlanRecord: Sendable, Equatable {
    /// Cell `cell` starts: the outputs and `print` lines after it belong to that cell.
    case cellStarted(cell: Int)
    /// A top-level statement of a cell starts (so that a trap or an uncaught error is placed at it).
    case statementStarted(Place)
    /// A value shown as text under a block.
    case text(cell: Int, String)
    /// A table shown under a block.
    case table(cell: Int, Table)
    /// A graph for Graphviz to lay out, shown under a block.
    case graph(cell: Int, Graph)
    /// A chart drawn as SVG, with the data it plots.
    case chart(cell: Int, Chart)
    /// A file offered for download.
    case file(cell: Int, File)
    /// The value of an inline expression, for its place in the prose.
    case inline(cell: Int, Value)
    /// A paper's number set beside the computed one.
    case claim(cell: Int, Claim)
    /// A number the author marked as a headline of the study (a row of the scenario matrix), with its label.
    case headline(cell: Int, label: String, Value)
    /// A parameter the program read, with the value it used.
    case parameterRead(Parameter)
    /// An `expect(…)` whose condition was false.
    case expectationFailed(Place, message: String)
    /// A problem that does not stop the build (a plan that does not fit).
    case warning(Place, message: String)
    /// Plan `number` (`Plan.number`), shown earlier, is shown on purpose although it does not fit: its figures
    /// carry no mark.
    case planAcknowledged(number: Int)
    /// A problem that fails the build where it happened (a thrown error).
    case failure(Place, message: String)
    /// A parameter given a value that does not fit the type of its default (the value's fault, not the code's).
    case badParameter(Place, name: String, message: String)

    /// The first character of every record line: the ASCII record separator, which `print` output never starts with.
    public static let separator: UInt8 = 0x1E
}

extension PlanRecord {
    /// A record kind this version of Planbook does not know, from a PlanRuntime newer than it.
    public struct UnknownKind: Error, Sendable, Equatable, CustomStringConvertible {
        /// The `kind` the record gave.
        public var kind: String

        public init(kind: String) { self.kind = kind }

        public var description: String {
            "the plan program wrote a record of kind `\(kind)`, which this planbook does not know: its PlanKit "
                + "library is newer than planbook itself; rebuild both (`make planbook`)"
        }
    }

    /// The kind names, as written in the `kind` field.
    enum Kind: String, Codable {
        case cellStarted = "cell", statementStarted = "statement", text, table, graph, chart, file, inline, claim
        case headline
        case parameterRead = "parameter"
        case expectationFailed = "expectation", warning, failure, badParameter, planAcknowledged = "acknowledged"
    }

    /// The record as one protocol line: the separator, compact JSON, a line feed.
    public var line: [UInt8] {
        [Self.separator] + Array(JSONWriter().text(self).utf8) + [10]
    }
}

extension PlanRecord: Codable {
    private enum Key: String, CodingKey {
        case kind, cell, text, table, graph, chart, file, value, claim, parameter, place, message, name, label, number
    }

    public init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: Key.self)
        let name = try fields.decode(String.self, forKey: .kind)
        guard let kind = Kind(rawValue: name) else { throw UnknownKind(kind: name) }
        func cell() throws -> Int { try fields.decode(Int.self, forKey: .cell) }
        func place() throws -> Place { try fields.decode(Place.self, forKey: .place) }
        func message() throws -> String { try fields.decode(String.self, forKey: .message) }
        switch kind {
        case .cellStarted: self = .cellStarted(cell: try cell())
        case .statementStarted: self = .statementStarted(try place())
        case .text: self = .text(cell: try cell(), try fields.decode(String.self, forKey: .text))
        case .table: self = .table(cell: try cell(), try fields.decode(Table.self, forKey: .table))
        case .graph: self = .graph(cell: try cell(), try fields.decode(Graph.self, forKey: .graph))
        case .chart: self = .chart(cell: try cell(), try fields.decode(Chart.self, forKey: .chart))
        case .file: self = .file(cell: try cell(), try fields.decode(File.self, forKey: .file))
        case .inline: self = .inline(cell: try cell(), try fields.decode(Value.self, forKey: .value))
        case .claim: self = .claim(cell: try cell(), try fields.decode(Claim.self, forKey: .claim))
        case .headline:
            self = .headline(
                cell: try cell(), label: try fields.decode(String.self, forKey: .label),
                try fields.decode(Value.self, forKey: .value))
        case .parameterRead: self = .parameterRead(try fields.decode(Parameter.self, forKey: .parameter))
        case .expectationFailed: self = .expectationFailed(try place(), message: try message())
        case .warning: self = .warning(try place(), message: try message())
        case .planAcknowledged: self = .planAcknowledged(number: try fields.decode(Int.self, forKey: .number))
        case .failure: self = .failure(try place(), message: try message())
        case .badParameter:
            self = .badParameter(try place(), name: try fields.decode(String.self, forKey: .name), message: try message())
        }
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.container(keyedBy: Key.self)
        try fields.encode(kind, forKey: .kind)
        switch self {
        case .cellStarted(let cell): try fields.encode(cell, forKey: .cell)
        case .statementStarted(let place): try fields.encode(place, forKey: .place)
        case .text(let cell, let text): try fields.encode(cell, forKey: .cell); try fields.encode(text, forKey: .text)
        case .table(let cell, let table): try fields.encode(cell, forKey: .cell); try fields.encode(table, forKey: .table)
        case .graph(let cell, let graph): try fields.encode(cell, forKey: .cell); try fields.encode(graph, forKey: .graph)
        case .chart(let cell, let chart): try fields.encode(cell, forKey: .cell); try fields.encode(chart, forKey: .chart)
        case .file(let cell, let file): try fields.encode(cell, forKey: .cell); try fields.encode(file, forKey: .file)
        case .inline(let cell, let value): try fields.encode(cell, forKey: .cell); try fields.encode(value, forKey: .value)
        case .claim(let cell, let claim): try fields.encode(cell, forKey: .cell); try fields.encode(claim, forKey: .claim)
        case .headline(let cell, let label, let value):
            try fields.encode(cell, forKey: .cell)
            try fields.encode(label, forKey: .label)
            try fields.encode(value, forKey: .value)
        case .parameterRead(let parameter): try fields.encode(parameter, forKey: .parameter)
        case .expectationFailed(let place, let message), .warning(let place, let message),
            .failure(let place, let message):
            try fields.encode(place, forKey: .place)
            try fields.encode(message, forKey: .message)
        case .planAcknowledged(let number): try fields.encode(number, forKey: .number)
        case .badParameter(let place, let name, let message):
            try fields.encode(place, forKey: .place)
            try fields.encode(name, forKey: .name)
            try fields.encode(message, forKey: .message)
        }
    }

    private var kind: Kind {
        switch self {
        case .cellStarted: .cellStarted
        case .statementStarted: .statementStarted
        case .text: .text
        case .table: .table
        case .graph: .graph
        case .chart: .chart
        case .file: .file
        case .inline: .inline
        case .claim: .claim
        case .headline: .headline
        case .parameterRead: .parameterRead
        case .expectationFailed: .expectationFailed
        case .warning: .warning
        case .planAcknowledged: .planAcknowledged
        case .failure: .failure
        case .badParameter: .badParameter
        }
    }
}
