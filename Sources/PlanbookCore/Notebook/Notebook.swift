import Foundation
import PlanRecord

/// Runs a report's cells as one Swift program: generate, compile (or reuse the cached executable), run (or reuse the
/// cached outputs), and read back what each cell produced.
///
/// A report without cells never starts the compiler. Compiling is skipped when the program and toolchain are
/// unchanged (prose edits leave the program unchanged); running is skipped when, in addition, the parameters are.
public struct Notebook: Sendable {
    /// How a notebook runs.
    public struct Settings: Sendable {
        /// The cache, in `.planbook/cache/`.
        public var cache: PlanCache
        /// Whether to reuse cached programs and outputs (`--no-cache` turns it off; results are still stored).
        public var useCache: Bool
        /// How long the program may run.
        public var timeout: Duration
        /// The compiled shared code, when the study has some (see `SharedLibrary`).
        public var sharedLibrary: SharedLibrary?
        /// Names of the parameters given with `--param` (so a wrongly typed value is blamed on the command line).
        public var overrides: Set<String> = []

        public init(
            cache: PlanCache, useCache: Bool = true, timeout: Duration = .seconds(60), sharedLibrary: SharedLibrary? = nil
        ) {
            self.cache = cache
            self.useCache = useCache
            self.timeout = timeout
            self.sharedLibrary = sharedLibrary
        }
    }

    /// What running a report's cells gave.
    public struct Result: Sendable {
        /// The outputs, when the program ran to its end (nil after a compile error or a crash).
        public var outputs: NotebookOutputs?
        /// Compile errors, runtime errors, failed expectations and bad parameters, placed in the report.
        public var problems: [Diagnostic]
        /// Whether the compiler ran.
        public var compiled: Bool
        /// Whether the program ran.
        public var ran: Bool
        /// Why the report was compiled, run or reused, for `--explain`.
        public var explanation: String
    }

    public let report: Report
    public let cells: [PlanCell]
    /// Swift files beside the reports, compiled into every report's program.
    public let shared: [SharedPlanCode]

    public init(report: Report, cells: [PlanCell], shared: [SharedPlanCode] = []) {
        self.report = report
        self.cells = cells
        self.shared = shared
    }

    /// Runs the cells with `parameters` (front matter values with command-line overrides applied).
    public func run(parameters: [(name: String, value: ParameterValue)], settings: Settings) -> Result {
        guard !cells.isEmpty else {
            return Result(outputs: NotebookOutputs(cellCount: 0), problems: [], compiled: false, ran: false,
                          explanation: "no plan blocks: nothing to compile or run")
        }
        let toolchain: PlanToolchain
        do {
            toolchain = try PlanToolchain.located()
        } catch {
            return Result(outputs: nil, problems: [error], compiled: false, ran: false, explanation: error.message)
        }
        let library = settings.sharedLibrary
        let program = PlanProgram(report: report, cells: cells, shared: library == nil ? shared : [],
                                  importsShared: library != nil)
        let command = SwiftCompilerCommand.program(toolchain: toolchain, library: library)
        let programKey = CacheKey.program(
            source: program.source, shared: program.shared, sharedLibrary: library?.key, toolchain: toolchain,
            flags: command.flags)
        let runKey = CacheKey.run(program: programKey, parameters: parameters)

        if settings.useCache, let outputs = settings.cache.run(runKey.hex) {
            return Result(outputs: outputs, problems: warnings(outputs, program: program), compiled: false, ran: false,
                          explanation: "reused: program, toolchain and parameters unchanged")
        }
        var compiled = false
        let executable: URL
        if settings.useCache, let cached = settings.cache.program(programKey.hex) {
            executable = cached
        } else {
            switch compile(program, key: programKey, command: command, cache: settings.cache) {
            case .success(let url): executable = url
            case .failure(let failure):
                return Result(outputs: nil, problems: failure.diagnostics, compiled: true, ran: false,
                              explanation: "compiled: the program failed to compile")
            }
            compiled = true
        }
        let explanation = compiled
            ? (settings.useCache ? "compiled and ran: no compiled program for this plan code yet (first build, or the code, shared code or toolchain changed)" : "compiled and ran: --no-cache")
            : "ran without compiling: parameters changed (or no stored outputs)"
        let input = PlanInput(parameters: parameters.map {
            PlanInput.Parameter(name: $0.name, type: $0.value.typeName, text: "\($0.value)")
        })
        let run = execute(executable, input: input, key: runKey, program: program, settings: settings)
        if run.problems.isEmpty, let outputs = run.outputs {
            settings.cache.storeRun(outputs, key: runKey.hex)
        }
        let problems = run.problems + (run.outputs.map { warnings($0, program: program) } ?? [])
        return Result(outputs: run.outputs, problems: problems, compiled: compiled, ran: true, explanation: explanation)
    }

    /// The warnings a run reported, placed in the report.
    private func warnings(_ outputs: NotebookOutputs, program: PlanProgram) -> [Diagnostic] {
        outputs.warnings.map { program.diagnostic(at: $0.place, severity: .warning, $0.message) }
    }

    /// A parameter of the wrong type is the value's fault, not the `param(…)` call's: place the problem where the
    /// value was given — the front matter line of this report, or `--param` — and say where it was read.
    func placeParameterProblem(_ problem: Diagnostic, name: String, overrides: Set<String>) -> Diagnostic {
        let readAt = "(read at \(problem.file):\(problem.line))"
        if overrides.contains(name) {
            return Diagnostic(file: "--param \(name)", "\(problem.message) \(readAt)")
        }
        let lines = report.source.split(separator: "\n", omittingEmptySubsequences: false)
        let frontMatterEnd = report.bodyFirstLine - 1
        for (offset, line) in lines.prefix(max(0, frontMatterEnd)).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("\(name):") else { continue }
            let column = line.count - trimmed.count + name.count + 3
            return Diagnostic(file: report.path, line: offset + 1, column: column, "\(problem.message) \(readAt)")
        }
        return problem
    }

    // MARK: - Steps

    private func compile(
        _ program: PlanProgram, key: CacheKey, command: SwiftCompilerCommand, cache: PlanCache
    ) -> Swift.Result<URL, BuildFailure> {
        let staging: URL
        var sources: [URL] = []
        do {
            staging = try cache.stagingFolder()
            sources.append(staging.appendingPathComponent("main.swift"))
            try Data(program.source.utf8).write(to: sources[0])
            for (index, file) in program.shared.enumerated() {
                sources.append(staging.appendingPathComponent(SharedPlanCode.fileName(index)))
                try Data(file.compiledSource.utf8).write(to: sources[index + 1])
            }
        } catch {
            return .failure(BuildFailure([Diagnostic(file: report.path, "could not write to the cache: \(error)")]))
        }
        let result: ChildOutput
        do {
            result = try command.run(
                sources: sources, outputs: ["-o", staging.appendingPathComponent("program").path],
                moduleCache: cache.moduleCache)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailure([Diagnostic(file: report.path, error.description)]))
        }
        guard result.termination == .exited(0) else {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailure(CompilerDiagnostics.errors(in: result.errorText, program: program)))
        }
        return .success(cache.commitProgram(staging, key: key.hex))
    }

    private func execute(
        _ executable: URL, input: PlanInput, key: CacheKey, program: PlanProgram, settings: Settings
    ) -> (outputs: NotebookOutputs?, problems: [Diagnostic]) {
        let inputFile: URL
        do {
            inputFile = try settings.cache.inputFile(input.encoded, key: key.hex)
        } catch {
            return (nil, [Diagnostic(file: report.path, "could not write the plan program's input: \(error)")])
        }
        defer { try? FileManager.default.removeItem(at: inputFile) }
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment[PlanInput.environmentVariable] = inputFile.path
        let result: ChildOutput
        do {
            result = try ChildProcess.run(
                executable.path, [], environment: environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
                timeout: settings.timeout, limit: 16 << 20)
        } catch {
            return (nil, [Diagnostic(file: report.path, error.description)])
        }
        let reading = PlanRecordReader.read(result.standardOutput, cellCount: program.cells.count, truncated: result.truncated)
        var problems = reading.problems.map { problem -> Diagnostic in
            let placed = program.diagnostic(at: problem.place, problem.message)
            return problem.parameter.map { placeParameterProblem(placed, name: $0, overrides: settings.overrides) } ?? placed
        }
        problems += reading.unreadable.map { Diagnostic(file: report.path, $0) }
        if result.termination == .exited(0) { return (reading.outputs, problems) }
        return (nil, problems + [PlanRunFailure.diagnostic(
            result, program: program, lastCell: reading.lastCell, timeout: settings.timeout)])
    }
}
