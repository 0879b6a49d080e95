/// Generates each report's plan program (its cells under `#sourceLocation`) and the cache keys of its compiled
/// program and of its run; finds the toolchain and plans the shared library, when some report has plan code.
struct ProgramStep: BuildStep {
    func run(_ study: inout Study) {
        guard study.hasPlanCode else { return }
        let toolchain: PlanToolchain
        do {
            toolchain = try PlanToolchain.located()
        } catch {
            study.problems.append(error)
            return
        }
        study.toolchain = toolchain
        let cache = study.options.planCache
        let library = SharedLibrary.planned(study.shared, toolchain: toolchain, cache: cache)
        study.sharedLibrary = library
        let command = SwiftCompilerCommand.program(toolchain: toolchain, library: library)
        for index in study.pages.indices where !study.pages[index].outline.cells.isEmpty {
            let outline = study.pages[index].outline
            let program = PlanProgram(
                report: outline.report, cells: outline.cells,
                syntax: study.options.statementMarkers ? study.pages[index].syntax : nil,
                importsShared: library != nil)
            let programKey = CacheKey.program(
                source: program.source, shared: [], sharedLibrary: library?.key, toolchain: toolchain,
                flags: command.flags)
            study.pages[index].program = program
            study.pages[index].programKey = programKey
            study.pages[index].runKey = CacheKey.run(program: programKey, parameters: study.parameters(of: study.pages[index]))
        }
    }
}
