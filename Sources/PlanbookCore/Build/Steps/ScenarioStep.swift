/// Starts the study under each scenario its index declares: a copy of the study per scenario, whose reports' cached
/// programs run with the scenario's parameters (nothing is compiled again), side by side. The draw step then lays out
/// the copies' figures with the study's (layouts shared where the DOT is equal), and `ScenarioPagesStep` numbers,
/// renders and lists each copy in a ledger of its own — a full copy of the study for `site/scenarios/<name>/`.
///
/// First, each scenario's settings are checked against the parameters the study's reports read: a parameter no
/// report reads, or a value that does not fit the type the reports read it as, is an error at its line of the
/// index's front matter, and no scenario is built.
struct ScenarioStep: BuildStep {
    /// The steps each scenario's copy goes through here, before its figures are drawn.
    static let steps: [any BuildStep] = [CompileStep(), RunStep(), MathStep()]

    func run(_ study: inout Study) {
        guard study.buildsScenarioCopies else { return }
        let scenarios = study.declaredScenarios
        study.problems += Self.problems(scenarios, study: study)
        guard !study.failed else { return }
        let progress = study.options.progress
        let original = study
        study.scenarioCopies = scenarios.map { scenario in
            var copy = original.copy(as: scenario)
            copy.options.progress = BuildProgress { progress.report("[\(scenario.name)] \($0)") }
            return ScenarioCopy(scenario: scenario, study: copy)
        }.concurrentMap { $0.through(Self.steps) }
    }

    func progress(_ study: Study) -> String? {
        guard study.buildsScenarioCopies else { return nil }
        let names = study.declaredScenarios.map(\.name)
        return "Building \(names.count) scenario(s): \(names.joined(separator: ", "))"
    }

    // MARK: - Checking the settings

    /// Each setting that names a parameter no report reads (when every report's program ran to its end), or gives it
    /// a value of another type than the reports read it as.
    static func problems(_ scenarios: [Scenario], study: Study) -> [Diagnostic] {
        guard let index = study.pages.first(where: { $0.report.slug == "index" })?.report else { return [] }
        var read: [String: (type: String, value: String)] = [:]
        for page in study.pages {
            for parameter in page.outputs?.parameters ?? [] where read[parameter.name] == nil {
                read[parameter.name] = (parameter.type, parameter.value.text)
            }
        }
        // A report whose program stopped did not say all it reads: then no setting can be said to be read by none.
        let readsKnown = study.pages.allSatisfy { $0.outline.cells.isEmpty || $0.outputs != nil }
        let known = read.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
        var problems: [Diagnostic] = []
        var reported: Set<[Int]> = []
        for scenario in scenarios {
            for setting in scenario.settings {
                // A grid's value is shared by its combinations: said once.
                let whose = scenario.fromGrid ? "the grid" : "scenario `\(scenario.name)`"
                guard let reading = read[setting.name] else {
                    guard readsKnown, reported.insert([setting.nameLine, setting.nameColumn]).inserted else { continue }
                    problems.append(
                        Diagnostic(
                            file: index.path, line: setting.nameLine, column: setting.nameColumn,
                            "\(whose) sets `\(setting.name)`, which no report reads, so it would change nothing; the "
                                + "parameters the reports read are " + (known.isEmpty ? "none" : known)))
                    continue
                }
                guard !fits(setting.value, reading.type) else { continue }
                guard reported.insert([setting.valueLine, setting.valueColumn]).inserted else { continue }
                let shown = setting.value.typeName == "String" ? "\"\(setting.value)\"" : "\(setting.value)"
                problems.append(
                    Diagnostic(
                        file: index.path, line: setting.valueLine, column: setting.valueColumn,
                        "\(whose) sets `\(setting.name)` to \(shown) (\(setting.value.typeName)), but the reports "
                            + "read it as \(article(reading.type)) \(reading.type) (now \(reading.value)); give it "
                            + "\(article(reading.type)) "
                            + "\(reading.type) value"))
            }
        }
        return problems
    }

    /// Whether `value` can be read as a parameter of `type`, as `param(…)` reads it: a whole number fits a Double,
    /// anything fits a String.
    static func fits(_ value: ParameterValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("String", _), ("Int", .int), ("Double", .int), ("Double", .double), ("Bool", .bool): true
        default: false
        }
    }

    private static func article(_ type: String) -> String { type == "Int" ? "an" : "a" }
}

/// A scenario's copy of the study on its way through the steps, and whether a step stopped it.
struct ScenarioCopy: Sendable {
    var scenario: Scenario
    var study: Study
    var stopped = false

    /// The copy after `steps`, unless it is stopped: a step that stops on an error, after which the copy has one,
    /// stops it.
    func through(_ steps: [any BuildStep]) -> ScenarioCopy {
        var copy = self
        for step in steps where !copy.stopped {
            step.run(&copy.study)
            if copy.study.failed, step.stopsOnError { copy.stopped = true }
        }
        return copy
    }
}

/// The study under one of its scenarios: its pages, run with the scenario's parameters, and their ledger.
public struct ScenarioSite: Sendable {
    public var scenario: Scenario
    public var pages: [StudyPage]
    public var ledger: Ledger
}

extension Study {
    /// A copy of the study, read and compiled, ready to run as `scenario`: the same reports, programs and cache
    /// keys of their programs, with runs keyed by the scenario's parameters, and nothing run, drawn or rendered yet.
    func copy(as scenario: Scenario) -> Study {
        var copy = Study(options: options)
        copy.scenario = scenario
        copy.shared = shared
        copy.template = template
        copy.toolchain = toolchain
        copy.compilerVersion = compilerVersion
        copy.sharedLibrary = sharedLibrary
        copy.sharedLibraryCompiled = sharedLibraryCompiled
        copy.layouts = layouts
        copy.layoutPool = layoutPool
        copy.pages = pages.map { page in
            var fresh = StudyPage(outline: page.outline)
            fresh.syntax = page.syntax
            fresh.program = page.program
            fresh.programKey = page.programKey
            fresh.executable = page.executable
            return fresh
        }
        for index in copy.pages.indices {
            guard let programKey = copy.pages[index].programKey else { continue }
            copy.pages[index].runKey = CacheKey.run(
                program: programKey, parameters: copy.parameters(of: copy.pages[index]))
        }
        return copy
    }
}
