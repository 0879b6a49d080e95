import Foundation

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
        /// Most bytes of address space the program (and what it starts) may use; nil for no limit.
        public var memoryLimit: UInt64? = BuildOptions.defaultMemoryLimit

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
        var programHash = ContentHash()
        programHash.add(program.source)
        programHash.add(library?.key ?? "")
        for file in program.shared {
            programHash.add(file.path)
            programHash.add(file.source)
        }
        programHash.add(toolchain.fingerprint)
        let programKey = programHash.hex
        let arguments = parameters.sorted { $0.name < $1.name }.map { "\($0.name)=\($0.value.typeName):\($0.value)" }
        var runHash = ContentHash()
        runHash.add(programKey)
        arguments.forEach { runHash.add($0) }
        let runKey = runHash.hex

        if settings.useCache, let outputs = settings.cache.run(runKey) {
            return Result(outputs: outputs, problems: [], compiled: false, ran: false,
                          explanation: "reused: program, toolchain and parameters unchanged")
        }
        var compiled = false
        let executable: URL
        if settings.useCache, let cached = settings.cache.program(programKey) {
            executable = cached
        } else {
            switch compile(program, key: programKey, toolchain: toolchain, cache: settings.cache, library: library) {
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
        let run = execute(executable, arguments: arguments, program: program, settings: settings)
        if run.problems.isEmpty, let outputs = run.outputs {
            settings.cache.storeRun(outputs, key: runKey)
        }
        let problems = run.problems.map { placeParameterProblem($0, overrides: settings.overrides) }
        return Result(outputs: run.outputs, problems: problems, compiled: compiled, ran: true, explanation: explanation)
    }

    /// A parameter of the wrong type is the value's fault, not the `param(…)` call's: place the problem where the
    /// value was given — the front matter line of this report, or `--param` — and say where it was read.
    func placeParameterProblem(_ problem: Diagnostic, overrides: Set<String>) -> Diagnostic {
        guard problem.message.hasPrefix("parameter `"), let close = problem.message.dropFirst(11).firstIndex(of: "`") else {
            return problem
        }
        let name = String(problem.message.dropFirst(11)[..<close])
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
        _ program: PlanProgram, key: String, toolchain: PlanToolchain, cache: PlanCache, library: SharedLibrary?
    ) -> Swift.Result<URL, BuildFailure> {
        let staging: URL
        do {
            staging = try cache.stagingFolder()
            try Data(program.source.utf8).write(to: staging.appendingPathComponent("main.swift"))
            for (index, file) in program.shared.enumerated() {
                try Data(file.compiledSource.utf8).write(to: staging.appendingPathComponent(SharedPlanCode.fileName(index)))
            }
        } catch {
            return .failure(BuildFailure([Diagnostic(file: report.path, "could not write to the cache: \(error)")]))
        }
        let libraries = toolchain.libraryDirectory.path
        // MemberImportVisibility: a member of a module the code does not import (Foundation's String methods, say)
        // is a compile error naming the module, not a link error later.
        var arguments: [String] = [
            "-swift-version", "5", "-enable-upcoming-feature", "MemberImportVisibility", "-diagnostic-style", "llvm",
            "-module-cache-path", cache.moduleCache.path,
            "-I", toolchain.moduleDirectory.path, "-L", libraries, "-lPlanKit", "-lm",
            "-Xlinker", "-rpath", "-Xlinker", libraries,
        ]
        if let library {
            let folder = library.folder.path
            arguments += ["-I", folder, "-L", folder, "-l\(SharedLibrary.moduleName)", "-Xlinker", "-rpath", "-Xlinker", folder]
        }
        arguments.append(staging.appendingPathComponent("main.swift").path)
        arguments += program.shared.indices.map { staging.appendingPathComponent(SharedPlanCode.fileName($0)).path }
        arguments += ["-o", staging.appendingPathComponent("program").path]
        let result: ChildOutput
        do {
            result = try ChildProcess.run(toolchain.compiler, arguments, timeout: .seconds(300))
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailure([Diagnostic(file: report.path, error.description)]))
        }
        guard result.termination == .exited(0) else {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailure(CompilerDiagnostics.errors(in: result.errorText, program: program)))
        }
        return .success(cache.commitProgram(staging, key: key))
    }

    private func execute(
        _ executable: URL, arguments: [String], program: PlanProgram, settings: Settings
    ) -> (outputs: NotebookOutputs?, problems: [Diagnostic]) {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let result: ChildOutput
        do {
            result = try ChildProcess.run(
                executable.path, arguments, environment: environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
                timeout: settings.timeout, limit: 16 << 20, memoryLimit: settings.memoryLimit)
        } catch {
            return (nil, [Diagnostic(file: report.path, error.description)])
        }
        let (outputs, problems, lastCell) = PlanRecordReader.read(
            result.standardOutput, program: program, truncated: result.truncated)
        if result.termination == .exited(0) { return (outputs, problems) }
        return (nil, problems + [PlanRunFailure.diagnostic(
            result, program: program, lastCell: lastCell, timeout: settings.timeout, memoryLimit: settings.memoryLimit)])
    }
}
