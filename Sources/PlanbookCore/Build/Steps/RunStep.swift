import Foundation
import Synchronization

/// Runs each compiled report program, in parallel, with its parameters and within its memory limit, checks what it
/// produced against the content policy (chart SVG, downloads), and stores the outputs of runs without errors that
/// pass that check; then warns about each `--param` that no report read. Each report's figures begin to be laid out
/// as soon as its program has run (`LayoutPool`). Programs remember their routing simulations in the cache's memo
/// folder (`PlanCache.memoFolder`), which `--no-cache` makes them draw and replace.
///
/// Outputs are stored only when they pass the check without `--allow-scripts`, so outputs reused from the cache
/// need no second check.
struct RunStep: BuildStep {
    func run(_ study: inout Study) {
        let options = study.options
        var configured = Notebook.Settings(
            cache: options.planCache, timeout: options.timeout,
            overrides: Set(options.parameters.map(\.name)))
        configured.memoryLimit = options.memoryLimit
        // Routing simulations are remembered in the cache (`RoutingMemo`); `--no-cache` draws them all again.
        if let toolchain = study.toolchain {
            configured.memo = try? options.planCache.memoFolder(toolchain: toolchain)
            configured.replacesMemo = !options.useCache
        }
        let settings = configured
        let allowScripts = options.allowScripts
        // Only the reports whose outputs are not cached run, and only they are said to.
        let total = study.pages.filter(\.runs).count
        let counter = Mutex(0)
        let jobs = study.pages.map { ($0, study.parameters(of: $0)) }
        let pool = study.layoutPool
        let results = jobs.concurrentMap { page, parameters -> (StudyPage, [Diagnostic]) in
            guard page.runs else { return (page, []) }
            let position = counter.withLock { value -> Int in
                value += 1
                return value
            }
            options.progress.report("[\(position)/\(total)] Running the plan blocks of \(page.report.path)")
            let ran = Self.run(page, parameters: parameters, settings: settings, allowScripts: allowScripts)
            // Its figures are laid out while the other programs run (the draw step takes them from the pool).
            DrawStep.begin(figuresOf: ran.0, in: pool, options: options)
            return ran
        }
        for (index, result) in results.enumerated() {
            study.pages[index] = result.0
            study.problems += result.1
        }
        if !study.failed { study.problems += unreadParameters(study) }
    }

    var stopsOnError: Bool { false }

    private static func run(
        _ page: StudyPage, parameters: [(name: String, value: ParameterValue)], settings: Notebook.Settings,
        allowScripts: Bool
    ) -> (StudyPage, [Diagnostic]) {
        var page = page
        guard page.runs, let executable = page.executable, let program = page.program, let key = page.runKey
        else { return (page, []) }
        let (outputs, problems) = Notebook.run(
            executable, parameters: parameters, key: key, program: program, report: page.report, settings: settings)
        page.ran = true
        page.outputs = outputs
        guard let outputs else { return (page, problems) }
        let strict = ContentPolicy.problems(in: outputs, cells: page.outline.cells, report: page.report, allowScripts: false)
        if !(problems + strict).contains(where: { $0.severity == .error }) {
            settings.cache.storeRun(outputs, key: key.hex)
        }
        let content = allowScripts
            ? ContentPolicy.problems(in: outputs, cells: page.outline.cells, report: page.report, allowScripts: true)
            : strict
        return (page, problems + content)
    }

    /// A warning for each `--param` that no report reads (a misspelt name would otherwise change nothing, silently).
    private func unreadParameters(_ study: Study) -> [Diagnostic] {
        let parameters = study.options.parameters
        guard !parameters.isEmpty, study.pages.allSatisfy({ $0.outline.cells.isEmpty || $0.outputs != nil }) else { return [] }
        var read = Set(study.pages.flatMap { $0.outputs?.parameters.map(\.name) ?? [] })
        for page in study.pages { read.formUnion(page.report.frontMatter.params.map(\.name)) }
        return parameters.filter { !read.contains($0.name) }.map { parameter in
            Diagnostic(
                file: "--param \(parameter.name)", severity: .warning,
                "no report reads the parameter `\(parameter.name)`, so it changes nothing; the parameters read are "
                    + (read.isEmpty ? "none" : read.sorted().map { "`\($0)`" }.joined(separator: ", ")))
        }
    }
}

extension StudyPage {
    /// Whether the run step runs its program: it has plan code, a compiled program and no outputs from the cache.
    var runs: Bool { !outline.cells.isEmpty && outputs == nil && executable != nil && program != nil && runKey != nil }
}
