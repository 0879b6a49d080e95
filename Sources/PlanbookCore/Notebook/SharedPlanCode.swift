/// A Swift file beside the reports (`Reports/study.swift`), compiled into the plan program of every report: the place
/// for what several pages share — the model, the assumptions as parameters, helper functions — so that no page
/// holds a copy.
///
/// PlanKit, PlanCharts and PlanRuntime are imported for it. Its declarations are globals of each program; a global `let` is evaluated on first use, so it may read
/// parameters with `param(…)`. Errors in it are reported at its own path, line and column.
public struct SharedPlanCode: Sendable, Equatable {
    /// The file as the user names it, e.g. `Reports/study.swift`.
    public var path: String
    /// Its Swift source.
    public var source: String

    public init(path: String, source: String) {
        self.path = path
        self.source = source
    }

    /// The file name it gets in the program's folder: `shared-N.swift`.
    static func fileName(_ index: Int) -> String { "shared-\(index).swift" }

    /// The source as compiled: with PlanKit and PlanRuntime imported, under a `#sourceLocation` naming the user's
    /// path.
    var compiledSource: String {
        "import PlanKit\nimport PlanCharts\nimport PlanRuntime\n#sourceLocation(file: \"\(path)\", line: 1)\n\(source)"
            + "\(source.hasSuffix("\n") ? "" : "\n")#sourceLocation()\n"
    }
}
