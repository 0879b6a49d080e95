import Foundation

/// Compiles what the cache does not hold: the shared library, then — in parallel — each report's program whose run
/// is not stored and whose executable is not cached. A report whose run is stored compiles nothing, and neither does
/// a scenario's copy of a report whose program this build already has.
struct CompileStep: BuildStep {
    func run(_ study: inout Study) {
        guard let toolchain = study.toolchain else { return }
        let options = study.options
        let cache = options.planCache
        if let library = study.sharedLibrary, !study.sharedLibraryCompiled, !options.useCache || !library.isBuilt(in: cache)
        {
            options.progress.report("Compiling the shared plan code (\(study.shared.map(\.path).joined(separator: ", ")))")
            if let failure = library.compile(study.shared, toolchain: toolchain, cache: cache) {
                study.problems += failure.diagnostics
                return
            }
            study.sharedLibraryCompiled = true
        }
        let command = SwiftCompilerCommand.program(toolchain: toolchain, library: study.sharedLibrary)
        let results = study.pages.concurrentMap { page in Self.compile(page, command: command, cache: cache, options: options) }
        for (index, result) in results.enumerated() {
            study.pages[index] = result.page
            study.problems += result.problems
        }
    }

    var stopsOnError: Bool { false }

    /// `page` with its stored outputs or its executable, and the compiler's errors.
    private static func compile(
        _ page: StudyPage, command: SwiftCompilerCommand, cache: PlanCache, options: BuildOptions
    ) -> (page: StudyPage, problems: [Diagnostic]) {
        var page = page
        guard let program = page.program, let programKey = page.programKey, let runKey = page.runKey else { return (page, []) }
        if options.useCache, let outputs = cache.run(runKey.hex) {
            page.outputs = outputs
            page.explanation = "reused: program, toolchain and parameters unchanged"
            return (page, outputs.warnings.map { program.diagnostic(at: $0.place, severity: .warning, $0.message) })
        }
        if page.executable != nil {
            page.explanation = "ran the program this build compiled, with the scenario's parameters"
            return (page, [])
        }
        if options.useCache, let executable = cache.program(programKey.hex) {
            page.executable = executable
            page.explanation = "ran without compiling: parameters changed (or no stored outputs)"
            return (page, [])
        }
        page.compiled = true
        options.progress.report("Compiling the plan blocks of \(page.report.path)")
        switch Notebook.compile(program, key: programKey, command: command, cache: cache) {
        case .success(let executable):
            page.executable = executable
            page.explanation = options.useCache
                ? "compiled and ran: no compiled program for this plan code yet (first build, or the code, shared code or toolchain changed)"
                : "compiled and ran: --no-cache"
            return (page, [])
        case .failure(let failure):
            page.explanation = "compiled: the program failed to compile"
            return (page, failure.diagnostics)
        }
    }
}
