import Yams

/// The YAML header of a report between `---` lines: its title, place in the navigation, summary and parameters.
///
/// Only the known keys are accepted; an unknown key is an error that names it and the known ones, so a typo never
/// silently drops a setting. Parameters keep the order they were written in.
public struct FrontMatter: Sendable, Equatable {
    /// The keys a front matter may have.
    public static let knownKeys = ["title", "order", "summary", "section", "params", "echo", "plans", "scenarios", "grid"]

    /// The page title; nil when the header gives none.
    public var title: String?
    /// Position in the navigation (ascending); nil sorts after every numbered page.
    public var order: Int?
    /// One sentence shown under the title and in the index.
    public var summary: String?
    /// The navigation section the page belongs to ("Results"); pages of one section are listed together, and only
    /// the current page's section is listed in full.
    public var section: String?
    /// Named parameters with their default values, in the order written.
    public var params: [(name: String, value: ParameterValue)]
    /// How plan blocks that show outputs and set no `echo=` show their code (`echo: fold`, `true` or `false`): in
    /// `index.md`, for the whole study (default `fold`); in another report, for that page.
    public var echo: PlanCell.Echo?
    /// The study's plans, by the names its charts give their series (`plans: [Large EP, baseline]`, in `index.md`):
    /// each keeps one colour on every chart of the study, in this order of the palette.
    public var plans: [String] = []
    /// The study's scenarios (index.md only): the named sets of `scenarios:` in the order written, then every
    /// combination of `grid:`, the first parameter varying slowest.
    public var scenarios: [Scenario] = []

    public init(
        title: String? = nil, order: Int? = nil, summary: String? = nil,
        params: [(name: String, value: ParameterValue)] = []
    ) {
        self.title = title
        self.order = order
        self.summary = summary
        self.params = params
    }

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.title == rhs.title && lhs.order == rhs.order && lhs.summary == rhs.summary && lhs.section == rhs.section
            && lhs.params.map(\.name) == rhs.params.map(\.name) && lhs.params.map(\.value) == rhs.params.map(\.value)
            && lhs.echo == rhs.echo && lhs.plans == rhs.plans && lhs.scenarios == rhs.scenarios
    }

    /// Parses `yaml`, which starts on line `firstLine` of `file`; all problems found are thrown together. Only the
    /// study's index (`declaresScenarios`) may declare scenarios.
    public static func parse(
        _ yaml: String, file: String, firstLine: Int, declaresScenarios: Bool = true
    ) throws(BuildFailure) -> FrontMatter {
        func diagnostic(_ mark: Mark?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: firstLine + (mark?.line ?? 1) - 1, column: mark?.column ?? 1, message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw BuildFailure([yamlDiagnostic(error, file: file, firstLine: firstLine)])
        } catch {
            throw BuildFailure([Diagnostic(file: file, line: firstLine, column: 1, "invalid front matter: \(error)")])
        }
        guard let root else { return FrontMatter() }
        guard let mapping = root.mapping else {
            throw BuildFailure([diagnostic(root.mark, "front matter must be a mapping of keys to values, like `title: My study`")])
        }
        var result = FrontMatter()
        var problems: [Diagnostic] = []
        var declarations = ScenarioDeclarations(at: diagnostic)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                problems.append(diagnostic(keyNode.mark, "front-matter keys must be text"))
                continue
            }
            switch key {
            case "title":
                if let text = scalarText(value) { result.title = text } else {
                    problems.append(diagnostic(value.mark, "`title` must be text"))
                }
            case "summary":
                if let text = scalarText(value) { result.summary = text } else {
                    problems.append(diagnostic(value.mark, "`summary` must be text"))
                }
            case "section":
                if let text = scalarText(value), !text.isEmpty { result.section = text } else {
                    problems.append(diagnostic(value.mark, "`section` must be text, like `section: Results`"))
                }
            case "order":
                if let number = value.int, value.scalar?.style == .plain { result.order = number } else {
                    problems.append(diagnostic(value.mark, "`order` must be a whole number, like `order: 2`"))
                }
            case "echo":
                if let text = scalarText(value), let echo = PlanCell.Echo(rawValue: text) { result.echo = echo } else {
                    problems.append(diagnostic(value.mark, "`echo` must be `fold`, `true` or `false`"))
                }
            case "plans":
                guard let names = value.sequence?.map(scalarText), names.allSatisfy({ $0 != nil && !$0!.isEmpty }) else {
                    problems.append(diagnostic(value.mark, "`plans` must be a list of names, like `plans: [Large EP, baseline]`"))
                    continue
                }
                result.plans = names.compactMap { $0 }
            case "params":
                guard let entries = value.mapping else {
                    problems.append(diagnostic(value.mark, "`params` must be a mapping of names to values, like `batch: 128`"))
                    continue
                }
                for (nameNode, parameter) in entries {
                    guard let name = nameNode.string, isIdentifier(name) else {
                        problems.append(diagnostic(nameNode.mark, "parameter names must be identifiers (letters, digits, _)"))
                        continue
                    }
                    guard let parsed = parameterValue(parameter) else {
                        problems.append(diagnostic(parameter.mark, "parameter `\(name)` must be a number, text or true/false"))
                        continue
                    }
                    result.params.append((name, parsed))
                }
            case "scenarios", "grid":
                guard declaresScenarios else {
                    problems.append(diagnostic(
                        keyNode.mark,
                        "`\(key)` declares scenarios of the whole study, so it belongs in the front matter of the "
                            + "study's index.md; move it there"))
                    continue
                }
                if key == "scenarios" {
                    declarations.readNamed(value)
                } else {
                    declarations.readGrid(value, key: keyNode)
                }
            default:
                problems.append(diagnostic(
                    keyNode.mark,
                    "unknown front-matter key `\(key)`; the known keys are \(knownKeys.map { "`\($0)`" }.joined(separator: ", "))"))
            }
        }
        result.scenarios = declarations.scenarios()
        problems += declarations.problems
        if !problems.isEmpty { throw BuildFailure(problems) }
        return result
    }

    // MARK: - Values

    private static func scalarText(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        return scalar.string
    }

    static func parameterValue(_ node: Node) -> ParameterValue? {
        guard let scalar = node.scalar else { return nil }
        if scalar.style != .plain { return .string(scalar.string) }
        if let value = node.bool { return .bool(value) }
        if let value = node.int { return .int(value) }
        if let value = node.float { return .double(value) }
        return .string(scalar.string)
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    private static func yamlDiagnostic(_ error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return Diagnostic(
                file: file, line: firstLine + mark.line - 1, column: mark.column,
                "invalid front matter: \(what); front matter is YAML, like `title: My study`")
        default:
            return Diagnostic(file: file, line: firstLine, column: 1, "invalid front matter: \(error)")
        }
    }
}
