import Foundation
import PlanRecord

/// The notebook engine's two actions on a report's plan program: compile it (into the cache), and run it — its
/// parameters in a file (`PlanInput`), its records read back into the cells' outputs, its failures placed at the
/// report's lines. The build's compile and run steps call these; caching decisions are theirs.
public enum Notebook {
    /// How a program runs.
    public struct Settings: Sendable {
        /// The cache, in `.planbook/cache/`.
        public var cache: PlanCache
        /// How long the program may run.
        public var timeout: Duration
        /// Names of the parameters given with `--param` (so a wrongly typed value is blamed on the command line).
        public var overrides: Set<String> = []
        /// Most bytes of address space the program (and what it starts) may use; nil for no limit.
        public var memoryLimit: UInt64? = BuildOptions.defaultMemoryLimit
        /// The folder where programs remember PlanKit's simulations between runs (`PlanCache.memoFolder`).
        public var memo: URL?
        /// Whether programs draw every simulation and replace what `memo` holds, recalling nothing (`--no-cache`).
        public var replacesMemo = false

        public init(cache: PlanCache, timeout: Duration = .seconds(60), overrides: Set<String> = []) {
            self.cache = cache
            self.timeout = timeout
            self.overrides = overrides
        }
    }

    /// A parameter of the wrong type is the value's fault, not the `param(…)` call's: place the problem where the
    /// value was given — the front matter line of this report, or `--param` — and say where it was read.
    static func placeParameterProblem(
        _ problem: Diagnostic, name: String, overrides: Set<String>, report: Report
    ) -> Diagnostic {
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

    /// Compiles `program` into the cache entry of `key`; the executable, or the compiler's errors at report lines.
    static func compile(
        _ program: PlanProgram, key: CacheKey, command: SwiftCompilerCommand, cache: PlanCache
    ) -> Swift.Result<URL, BuildFailure> {
        let report = program.reportPath
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
            return .failure(BuildFailure([Diagnostic(file: report, "could not write to the cache: \(error)")]))
        }
        let result: ChildOutput
        do {
            result = try command.run(
                sources: sources, outputs: ["-o", staging.appendingPathComponent("program").path],
                moduleCache: cache.moduleCache)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailure([Diagnostic(file: report, error.description)]))
        }
        guard result.termination == .exited(0) else {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailure(CompilerDiagnostics.errors(in: result.errorText, program: program)))
        }
        return .success(cache.commitProgram(staging, key: key.hex))
    }

    /// Runs the compiled `program` with `parameters`: its outputs when it ran to its end, and every problem it
    /// reported (and how it stopped, when it did not finish), placed in `report`.
    static func run(
        _ executable: URL, parameters: [(name: String, value: ParameterValue)], key: CacheKey, program: PlanProgram,
        report: Report, settings: Settings
    ) -> (outputs: NotebookOutputs?, problems: [Diagnostic]) {
        let input = PlanInput(parameters: parameters.map {
            PlanInput.Parameter(name: $0.name, type: $0.value.typeName, text: "\($0.value)")
        })
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
        environment[PlanInput.memoVariable] = settings.memo?.path
        environment[PlanInput.memoReplaceVariable] = settings.memo != nil && settings.replacesMemo ? "1" : nil
        let result: ChildOutput
        do {
            result = try ChildProcess.run(
                executable.path, [], environment: environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
                timeout: settings.timeout, limit: 16 << 20, memoryLimit: settings.memoryLimit)
        } catch {
            return (nil, [Diagnostic(file: report.path, error.description)])
        }
        let reading = PlanRecordReader.read(result.standardOutput, cellCount: program.cells.count, truncated: result.truncated)
        var problems = reading.problems.map { problem -> Diagnostic in
            let placed = program.diagnostic(at: problem.place, problem.message)
            return problem.parameter.map {
                placeParameterProblem(placed, name: $0, overrides: settings.overrides, report: report)
            } ?? placed
        }
        problems += reading.unreadable.map { Diagnostic(file: report.path, $0) }
        problems += reading.outputs.warnings.map { program.diagnostic(at: $0.place, severity: .warning, $0.message) }
        if result.termination == .exited(0) { return (reading.outputs, problems) }
        return (nil, problems + [PlanRunFailure.diagnostic(
            result, program: program, reading: reading, timeout: settings.timeout, memoryLimit: settings.memoryLimit)])
    }
}
