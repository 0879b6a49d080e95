import Yams

/// Reads the `scenarios:` and `grid:` keys of the index's front matter into the study's scenarios, with a problem at
/// its line for each thing that cannot be one.
///
/// ```yaml
/// scenarios:
///   h200: { gpu: h200 }
///   long-context: { sequenceLength: 32000 }
/// grid:
///   batch: [32, 128, 512]
///   sequenceLength: [4000, 10000]
/// ```
///
/// makes `h200`, `long-context`, then the six combinations of the grid, named from their values
/// (`batch-32_sequenceLength-4000`, …; the first parameter varies slowest).
struct ScenarioDeclarations {
    private(set) var problems: [Diagnostic] = []
    private var named: [Scenario] = []
    private var grid: [(name: String, values: [Scenario.Setting])] = []
    private var gridPosition: (line: Int, column: Int)?
    /// A diagnostic at a YAML mark, on the file's lines.
    private let diagnostic: (Mark?, String) -> Diagnostic

    init(at diagnostic: @escaping (Mark?, String) -> Diagnostic) { self.diagnostic = diagnostic }

    /// The named scenarios, then the grid's combinations; a name used twice is a problem at the second.
    mutating func scenarios() -> [Scenario] {
        var all = named
        if let position = gridPosition, !grid.isEmpty {
            var combinations: [[Scenario.Setting]] = [[]]
            for parameter in grid {
                combinations = combinations.flatMap { prefix in parameter.values.map { prefix + [$0] } }
            }
            all += combinations.map {
                Scenario(
                    name: Scenario.gridName($0), settings: $0, fromGrid: true, line: position.line,
                    column: position.column)
            }
        }
        var seen: Set<String> = []
        return all.filter { scenario in
            guard seen.insert(scenario.name).inserted else {
                problems.append(
                    Diagnostic(
                        file: diagnosticFile, line: scenario.line, column: scenario.column,
                        "a scenario named `\(scenario.name)` is declared twice; give one another name"))
                return false
            }
            return true
        }
    }

    private var diagnosticFile: String { diagnostic(nil, "").file }

    /// `scenarios: { name: { parameter: value, … }, … }`.
    mutating func readNamed(_ node: Node) {
        guard let entries = node.mapping else {
            problems.append(
                diagnostic(
                    node.mark, "`scenarios` must be a mapping of names to parameter sets, like `h200: { gpu: h200 }`"))
            return
        }
        for (nameNode, settingsNode) in entries {
            guard let name = nameNode.string, Scenario.isName(name) else {
                problems.append(
                    diagnostic(
                        nameNode.mark, "a scenario's name may hold only letters, digits, `-`, `_` and `.`, like `h200`")
                )
                continue
            }
            guard let settings = settingsNode.mapping else {
                problems.append(
                    diagnostic(
                        settingsNode.mark,
                        "scenario `\(name)` must be a mapping of parameters to values, like `{ batch: 512 }`"))
                continue
            }
            var read: [Scenario.Setting] = []
            for (parameterNode, valueNode) in settings {
                guard let parameter = parameterName(parameterNode) else { continue }
                guard let value = FrontMatter.parameterValue(valueNode) else {
                    problems.append(
                        diagnostic(
                            valueNode.mark,
                            "scenario `\(name)` sets `\(parameter)` to something that is not a number, text "
                                + "or true/false"))
                    continue
                }
                read.append(setting(parameter, value, parameterNode, valueNode))
            }
            if settings.count == 0 {
                problems.append(
                    diagnostic(
                        nameNode.mark, "scenario `\(name)` sets no parameter; give it one, like `{ batch: 512 }`"))
                continue
            }
            let position = line(nameNode.mark)
            named.append(Scenario(name: name, settings: read, line: position.line, column: position.column))
        }
    }

    /// `grid: { parameter: [value, …], … }`.
    mutating func readGrid(_ node: Node, key: Node) {
        guard let entries = node.mapping else {
            problems.append(
                diagnostic(
                    node.mark, "`grid` must be a mapping of parameters to lists of values, like `batch: [32, 128, 512]`"
                ))
            return
        }
        gridPosition = line(key.mark)
        for (parameterNode, valuesNode) in entries {
            guard let parameter = parameterName(parameterNode) else { continue }
            guard let values = valuesNode.sequence, values.count > 0 else {
                problems.append(
                    diagnostic(
                        valuesNode.mark,
                        "grid parameter `\(parameter)` must have a list of values, like `[32, 128, 512]`"))
                continue
            }
            var settings: [Scenario.Setting] = []
            for valueNode in values {
                guard let value = FrontMatter.parameterValue(valueNode) else {
                    problems.append(
                        diagnostic(
                            valueNode.mark,
                            "grid parameter `\(parameter)` has a value that is not a number, text or true/false"))
                    continue
                }
                settings.append(setting(parameter, value, parameterNode, valueNode))
            }
            grid.append((parameter, settings))
        }
    }

    private mutating func parameterName(_ node: Node) -> String? {
        guard let name = node.string, FrontMatter.isIdentifier(name) else {
            problems.append(diagnostic(node.mark, "parameter names must be identifiers (letters, digits, _)"))
            return nil
        }
        return name
    }

    private func setting(
        _ name: String, _ value: ParameterValue, _ nameNode: Node, _ valueNode: Node
    ) -> Scenario.Setting {
        let at = line(nameNode.mark)
        let valueAt = line(valueNode.mark)
        return Scenario.Setting(
            name: name, value: value, nameLine: at.line, nameColumn: at.column,
            valueLine: valueAt.line, valueColumn: valueAt.column)
    }

    /// The file line and column of `mark`.
    private func line(_ mark: Mark?) -> (line: Int, column: Int) {
        let placed = diagnostic(mark, "")
        return (placed.line, placed.column)
    }
}
