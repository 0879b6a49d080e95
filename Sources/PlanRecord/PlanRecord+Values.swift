extension PlanRecord {
    /// A number as computed, in its unit: `s`, `B`, `FLOP`, `tokens/s`, `FLOP/s`, `B/s`, `%`, `×`, or `""` for a
    /// plain count or ratio. What `planbook diff` compares; never parsed back from the text.
    public struct Number: Codable, Sendable, Equatable, Hashable {
        public var value: Double
        public var unit: String

        public init(_ value: Double, unit: String = "") {
            self.value = value
            self.unit = unit
        }
    }

    /// A value as the page shows it (`text`), and the number behind it when it is one.
    public struct Value: Codable, Sendable, Equatable, Hashable {
        public var text: String
        public var number: Number?

        public init(_ text: String, number: Number? = nil) {
            self.text = text
            self.number = number
        }
    }

    /// The plan a figure or table describes: its name, whether it fits the GPUs' memory, and whether the program
    /// shows it on purpose although it may not (`acknowledgingMisfit()`, an `expect` on its fit).
    public struct Plan: Codable, Sendable, Equatable, Hashable {
        /// "EP=16", "TP=8 × PP=2".
        public var name: String
        /// Whether the plan fits in memory for what it serves.
        public var fits: Bool
        /// Why it does not fit, when it does not: "EP=16 at batch 1024 needs 248 GB per GPU of 80.0 GB".
        public var misfit: String?
        /// What tells it from another plan of the same name: "EP=16 at batch 1024, 10,000 tokens, on 2 × 8 H100 SXM".
        public var detail: String
        /// Which plan of the run it is (1, 2, … in the order first shown), so that an acknowledgement made later
        /// (`PlanRecord.planAcknowledged`) reaches the figures shown before it.
        public var number: Int
        /// Whether the program said it shows this plan on purpose: its figures then carry no "does not fit" mark.
        public var acknowledged: Bool

        public init(
            name: String, fits: Bool, misfit: String? = nil, detail: String? = nil, number: Int = 0,
            acknowledged: Bool = false
        ) {
            self.name = name
            self.fits = fits
            self.misfit = misfit
            self.detail = detail ?? name
            self.number = number
            self.acknowledged = acknowledged
        }
    }

    /// A table: caption, header and rows of values.
    public struct Table: Codable, Sendable, Equatable {
        public var title: String?
        public var header: [String]
        public var rows: [[Value]]
        /// The plan it describes, for PlanKit's figures.
        public var plan: Plan?

        public init(title: String? = nil, header: [String], rows: [[Value]], plan: Plan? = nil) {
            self.title = title
            self.header = header
            self.rows = rows
            self.plan = plan
        }
    }

    /// A graph in Graphviz DOT.
    public struct Graph: Codable, Sendable, Equatable {
        public var title: String
        public var dot: String
        public var plan: Plan?

        public init(title: String, dot: String, plan: Plan? = nil) {
            self.title = title
            self.dot = dot
            self.plan = plan
        }
    }

    /// A chart drawn as a standalone SVG document, and the data it plots.
    public struct Chart: Codable, Sendable, Equatable {
        public var title: String
        public var svg: String
        public var data: Table
        public var plan: Plan?

        public init(title: String, svg: String, data: Table, plan: Plan? = nil) {
            self.title = title
            self.svg = svg
            self.data = data
            self.plan = plan
        }
    }

    /// A file offered for download, with a line describing it.
    public struct File: Codable, Sendable, Equatable {
        public var title: String
        public var fileExtension: String
        public var contents: String

        public init(title: String, fileExtension: String, contents: String) {
            self.title = title
            self.fileExtension = fileExtension
            self.contents = contents
        }
    }

    /// Where something happened in a plan program: a cell (`cell-N`) or a shared file, line and column there.
    public struct Place: Codable, Sendable, Equatable, Hashable {
        public var file: String
        public var line: Int
        public var column: Int

        public init(file: String, line: Int, column: Int = 1) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    /// A parameter the program read: its value, its type (`Int`, `Double`, `String`, `Bool`), and whether it was
    /// given (front matter or `--param`) rather than the code's default.
    public struct Parameter: Codable, Sendable, Equatable {
        public var name: String
        public var value: Value
        public var type: String
        public var given: Bool

        public init(name: String, value: Value, type: String, given: Bool) {
            self.name = name
            self.value = value
            self.type = type
            self.given = given
        }
    }
}
