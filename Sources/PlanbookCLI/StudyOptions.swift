import ArgumentParser
import Foundation
import PlanbookCore

/// The options `build` and `check` share: where the study is, its parameters, and how plan blocks run.
struct StudyOptions: ParsableArguments {
    @Option(help: "Folder of Markdown reports.")
    var reports = "Reports"

    @Option(help: ArgumentHelp(
        "Folder of Mustache templates and assets that replace the built-in ones file by file (default: Templates, "
            + "when the study has it).", valueName: "dir"))
    var templates: String?

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("Override a report parameter (repeatable), e.g. --param batch=256.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Seconds a report's plan blocks may run before they are stopped.")
    var timeout: Int = 60

    @Option(help: ArgumentHelp(
        "Most memory a report's plan blocks may use, e.g. 8G or 512M (default: a quarter of this machine's memory).",
        valueName: "size"))
    var memoryLimit: String?

    @Flag(help: "Compile and run every report's plan blocks again, ignoring the cache.")
    var noCache = false

    @Flag(help: "Allow raw HTML with script (<script>, on…= handlers, javascript: links); pages promise none by default.")
    var allowScripts = false

    @Flag(help: "Build reports that are symbolic links to files outside the study (refused by default).")
    var allowOutsideLinks = false

    @Flag(help: "Say, per report, why its plan blocks were compiled, run or reused.")
    var explain = false

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every step, why each report was compiled, run or reused, and timings.")
    var verbose = false

    @Flag(help: "Print the result as JSON (pages, claims and their verdicts, problems, timings) for scripts.")
    var json = false

    /// The console these flags ask for.
    var console: Console {
        Console(verbosity: quiet ? .quiet : (verbose ? .verbose : .normal), json: json)
    }

    func validate() throws {
        for parameter in parameters where parsedParameter(parameter) == nil {
            throw ValidationError("--param takes name=value, like --param batch=256; got '\(parameter)'")
        }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if let memoryLimit, MemorySize.bytes(memoryLimit).map({ $0 < 64 << 20 }) ?? true {
            throw ValidationError("--memory-limit takes a size of at least 64M, like 8G or 512M; got '\(memoryLimit)'")
        }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// The build options these arguments describe.
    func buildOptions() -> BuildOptions {
        var options = BuildOptions(reports: reports, templates: templates ?? "Templates")
        options.templatesRequired = templates != nil
        options.parameters = parameters.compactMap(parsedParameter)
        options.timeout = .seconds(timeout)
        options.useCache = !noCache
        if let limit = memoryLimit.flatMap(MemorySize.bytes) { options.memoryLimit = limit }
        options.allowScripts = allowScripts
        options.allowOutsideLinks = allowOutsideLinks
        let console = self.console
        options.progress = BuildProgress { console.progress($0) }
        return options
    }

    private func parsedParameter(_ text: String) -> (name: String, value: ParameterValue)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), ParameterValue(parsing: String(text[text.index(after: equals)...])))
    }

    /// Prints the `--explain` lines of a build (also shown with `--verbose`), and its warnings.
    func printExplanations(_ summary: SiteBuild.Summary) {
        console.diagnostics(summary.warnings)
        guard explain || verbose, !json || verbose else { return }
        for (report, explanation) in summary.explanations { printToStandardError("\(report): \(explanation)") }
    }

    /// Reports a failed build: every diagnostic, then "error: WHAT failed with N problem(s); CONSEQUENCE" — or the
    /// JSON result with `--json`.
    func report(_ failure: BuildFailure, what: String, consequence: String = "") {
        if json { BuildReport(failure).print() }
        console.diagnostics(failure.diagnostics)
        printToStandardError(Console.coloured(
            "error: \(what) failed with \(failure.diagnostics.count) problem(s)" + (consequence.isEmpty ? "" : "; \(consequence)")))
    }
}
