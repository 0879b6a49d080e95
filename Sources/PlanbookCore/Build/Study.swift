import Foundation
import PlanRecord

/// The study as it goes through the build (mdBook's `Book`): every step of `SiteBuild` takes it and hands it on,
/// adding what it made — reports read, programs, outputs, drawings, pages, the ledger — and the problems it found.
public struct Study: Sendable {
    /// How the build was asked to run.
    public internal(set) var options: BuildOptions
    /// The reports, in navigation order, each with what the steps made of it.
    public var pages: [StudyPage] = []
    /// The study's shared Swift files (`Reports/*.swift`).
    public var shared: [SharedPlanCode] = []
    /// The templates, once read.
    public var template: PageTemplate?
    /// The toolchain, when some report has plan code.
    public var toolchain: PlanToolchain?
    /// The compiler's version line, for the provenance, when some report has plan code.
    public var compilerVersion: String?
    /// The compiled shared code, when there is some.
    public var sharedLibrary: SharedLibrary?
    /// Whether this build compiled the shared library (so that a scenario's copy does not again).
    var sharedLibraryCompiled = false
    /// Every numbered figure and table of the site, for `@fig-`/`@tbl-` references.
    public var references = CrossReferences()
    /// Every problem found so far, errors and warnings.
    public var problems: [Diagnostic] = []
    /// Every computed number of the site, with its place (made by the ledger step).
    public var ledger = Ledger()
    /// KaTeX's stylesheet and fonts, when some page has math.
    public var mathAssets: MathAssets?
    /// The scenario this study is built as (a copy made by the scenario step), nil for the study itself.
    public var scenario: Scenario?
    /// The study's copies under its scenarios, between the scenario step (which runs them) and the scenario pages
    /// step (which renders them and makes them `scenarioSites`); the draw step draws them with the study.
    var scenarioCopies: [ScenarioCopy] = []
    /// The study under each of its scenarios, once the scenario pages step built them.
    public var scenarioSites: [ScenarioSite] = []
    /// What changed since the build `--compare-to` names, once the compare step compared them.
    public var comparison: LedgerComparison?
    /// Pages Planbook makes beside the reports' (the scenario matrix, "What changed since …").
    public var generatedPages: [RenderedPage] = []
    /// The site folder as this build published it (`BuildStamp.listing`, taken under the publish lock), for its stamp.
    var publishedListing: [String]?
    /// Every layout made in this build — a `LayoutTemplate`'s drawing, markers not yet filled — by its cache key, so
    /// that the study's scenarios share the layouts of equal templates even without the cache.
    public var layouts: [String: String] = [:]
    /// Layouts begun as soon as a report's program has run (`LayoutPool`), shared with the study's scenario copies.
    var layoutPool = LayoutPool()

    public init(options: BuildOptions) { self.options = options }

    /// Whether some problem so far is an error (the build then stops before it writes anything).
    public var failed: Bool { problems.contains { $0.severity == .error } }

    /// Whether some report has plan blocks.
    public var hasPlanCode: Bool { pages.contains { !$0.outline.cells.isEmpty } }

    /// The parameters of `page`: its front matter's, with the `--param` overrides applied, then the scenario's; and
    /// the study's plans (`plans:` in `index.md`), which its charts colour by, under `PlanInput.plansEntry`.
    func parameters(of page: StudyPage) -> [(name: String, value: ParameterValue)] {
        var parameters = page.outline.report.frontMatter.params
        for override in overrides {
            parameters.removeAll { $0.name == override.name }
            parameters.append(override)
        }
        let plans = pages.first { $0.report.slug == "index" }?.report.frontMatter.plans ?? []
        if !plans.isEmpty { parameters.append((PlanInput.plansEntry, .string(plans.joined(separator: "\u{1F}")))) }
        return parameters
    }

    /// The parameters every report is given: `--param`, then the scenario's settings.
    var overrides: [(name: String, value: ParameterValue)] {
        options.parameters + (scenario?.settings.map { ($0.name, $0.value) } ?? [])
    }

    /// The same, as the ledger records them.
    var givenParameters: [Ledger.Parameter] {
        overrides.map { Ledger.Parameter(name: $0.name, value: $0.value.description) }
    }

    /// Whether this build publishes the study's scenarios (it declares some, and the build is neither a one-file
    /// bundle nor a `planbook diff`, which compares the study alone).
    var buildsScenarioCopies: Bool {
        options.buildsScenarios && options.bundle == nil && !declaredScenarios.isEmpty
    }

    /// The study's scenarios, as its index declares them.
    public var declaredScenarios: [Scenario] {
        pages.first { $0.report.slug == "index" }?.report.frontMatter.scenarios ?? []
    }
}

/// One report on its way to a page.
public struct StudyPage: Sendable {
    /// The report, its parsed Markdown, figures, cells and headings.
    public var outline: PageOutline
    /// Its cells' code as Swift syntax (statements, declarations, uses), read once by the check step.
    var syntax: [CellSyntax]?
    /// Its plan program, when it has plan blocks.
    public var program: PlanProgram?
    /// The keys of its compiled program and of its run.
    public var programKey: CacheKey?
    public var runKey: CacheKey?
    /// The compiled executable (absent when the run's outputs come from the cache).
    public var executable: URL?
    /// What its cells produced, when the program ran to its end (or came from the cache).
    public var outputs: NotebookOutputs?
    /// Whether its program was compiled, and run, in this build.
    public var compiled = false
    public var ran = false
    /// Why it was compiled, run or reused, for `--explain`.
    public var explanation = ""
    /// Its numbered figures and tables, and each cell's outputs with their numbers.
    public var items: PageItems?
    /// Its drawings, by figure name.
    public var drawings: [String: String] = [:]
    /// Its formulas as KaTeX rendered them, by their place among its formulas.
    public var math: [Int: String] = [:]
    /// The page, once rendered.
    public var rendered: RenderedPage?

    public init(outline: PageOutline) { self.outline = outline }

    public var report: Report { outline.report }
}
