/// A scenario of the study: a name and the parameters it sets, declared in `Reports/index.md`'s front matter — a
/// named set under `scenarios:`, or one combination of a `grid:` — and published as a full copy of the study under
/// `site/scenarios/<name>/`.
///
/// Its settings apply to every report, like `--param` (and after it): front matter, then `--param`, then the
/// scenario.
public struct Scenario: Sendable, Equatable, Hashable {
    /// One parameter a scenario sets, with where the front matter sets it (for errors).
    public struct Setting: Sendable, Equatable, Hashable {
        public var name: String
        public var value: ParameterValue
        /// The file line and column of the parameter's name, and of its value.
        public var nameLine: Int
        public var nameColumn: Int
        public var valueLine: Int
        public var valueColumn: Int

        public init(
            name: String, value: ParameterValue, nameLine: Int, nameColumn: Int, valueLine: Int, valueColumn: Int
        ) {
            self.name = name
            self.value = value
            self.nameLine = nameLine
            self.nameColumn = nameColumn
            self.valueLine = valueLine
            self.valueColumn = valueColumn
        }
    }

    /// The name, also its folder (`h200`, `batch-32_sequenceLength-4000` for a grid's combination).
    public var name: String
    /// The parameters it sets, in the order written.
    public var settings: [Setting]
    /// Whether it is a combination of the grid (rather than a named set).
    public var fromGrid: Bool
    /// Where it is declared: its name's line and column (for a grid's combination, the `grid` key's).
    public var line: Int
    public var column: Int

    public init(name: String, settings: [Setting], fromGrid: Bool = false, line: Int = 1, column: Int = 1) {
        self.name = name
        self.settings = settings
        self.fromGrid = fromGrid
        self.line = line
        self.column = column
    }

    /// What it sets, for people: "gpu = h200, batch = 512".
    public var summary: String {
        settings.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
    }

    /// Its folder in the site, from the site's root.
    public var folder: String { "\(Self.folder)/\(name)" }

    /// The folder of every scenario's copy, and of the matrix page (`scenarios/index.html`).
    public static let folder = "scenarios"

    /// Whether `name` may name a scenario: letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    public static func isName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// A grid combination's name: each parameter and its value, `batch-32_sequenceLength-4000`.
    static func gridName(_ settings: [Setting]) -> String {
        settings.map { setting in
            let value = String(
                setting.value.description.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") ? $0 : "-" })
            return "\(setting.name)-\(value)"
        }.joined(separator: "_")
    }
}
