import Foundation

/// Where a build reads and writes, and how careful it must be with the output folder.
public struct BuildOptions: Sendable {
    /// The folder of `*.md` reports, as the user named it (default `Reports`).
    public var reports: String
    /// The folder of templates and assets that override the built-in look (default `Templates`).
    public var templates: String
    /// Whether the templates folder must exist (the user named it); otherwise a study without one gets the built-in
    /// look.
    public var templatesRequired = false
    /// The site folder to publish into (default `site`).
    public var output: String
    /// Write into an output folder that holds files Planbook did not write (they are kept).
    public var force: Bool
    /// Folder that relative paths are resolved against (the current folder by default).
    public var workingDirectory: URL
    /// `--param name=value` overrides, applied to every report, in the order given.
    public var parameters: [(name: String, value: ParameterValue)] = []
    /// How long a report's plan program may run.
    public var timeout: Duration = .seconds(60)
    /// Whether to reuse compiled programs and stored outputs (`--no-cache` turns it off).
    public var useCache = true
    /// The cache folder (default `.planbook/cache`).
    public var cache = ".planbook/cache"
    /// The Swift compiler's module cache: `$PLANBOOK_MODULE_CACHE` (`make test` shares one among all its test
    /// studies), else `planbook/module-cache` in the user's cache folder (`$XDG_CACHE_HOME`, else `~/.cache`). It
    /// holds only the compiler's own prebuilt modules, the same for every study, so it is kept apart from the study's
    /// cache: deleting `.planbook/` or `planbook clean` does not cost the next build a fresh one (about 1.3 s). Nil
    /// (a `module-cache` folder in the study's cache) when there is no user cache folder.
    public var moduleCache: String? = BuildOptions.defaultModuleCache

    /// `$PLANBOOK_MODULE_CACHE`, else the user's cache folder's `planbook/module-cache`, else nil.
    static var defaultModuleCache: String? {
        let environment = ProcessInfo.processInfo.environment
        if let shared = environment["PLANBOOK_MODULE_CACHE"], !shared.isEmpty { return shared }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/planbook/module-cache" }
        if let home = environment["HOME"], home.hasPrefix("/"), home != "/" {
            return home + "/.cache/planbook/module-cache"
        }
        return nil
    }
    /// Whether to write the site (`planbook check` runs everything and writes nothing).
    public var publish = true
    /// Whether each page must work alone: stylesheet inlined, downloads embedded as `data:` links, no other file.
    public var selfContained = false
    /// When set, write the whole study as this one HTML file instead of publishing the site (`planbook bundle`).
    public var bundle: String?
    /// Drawings of more SVG bytes than this are linked files (lazy-loaded, on a page of their own) instead of inline
    /// (`--inline-limit KB`); self-contained pages and the bundle embed every drawing.
    public var inlineLimit = FigureEmbedding.defaultInlineLimit
    /// How long Graphviz may lay out one graph before it is stopped.
    public var layoutTimeout: Duration = .seconds(60)
    /// Most bytes of address space a report's plan program may use (`--memory-limit`).
    public var memoryLimit: UInt64 = BuildOptions.defaultMemoryLimit
    /// Most memory Graphviz may take for one layout.
    public var layoutMemoryLimit: UInt64 = Graphviz.defaultMemoryLimit

    /// The default memory limit of a plan program: a quarter of the machine's physical memory, so that the reports
    /// that run at once cannot take it all.
    public static let defaultMemoryLimit: UInt64 = max(1 << 30, ProcessInfo.processInfo.physicalMemory / 4)
    /// Whether a report may be a symbolic link to a file outside the study (`--allow-outside-links`).
    public var allowOutsideLinks = false
    /// Whether raw HTML may carry script (`--allow-scripts`); by default script is an error, as pages promise none.
    public var allowScripts = false
    /// Whether plan programs mark each top-level statement, so that failures are reported at their statement (on by
    /// default; `make bench` turns it off to measure what it costs).
    public var statementMarkers = true
    /// Where progress lines go (nowhere by default).
    public var progress = BuildProgress.silent
    /// The build to mark changes against (`build --compare-to REV`): every number that differs from it is marked on
    /// its page, and a "What changed since REV" page lists them. Nil: no marks.
    public var compareTo: ComparisonBase?
    /// Whether to build the study's scenarios (on by default; `planbook diff` builds only the study itself).
    public var buildsScenarios = true
    /// Whether to lay out drawings (on by default; `planbook diff`, which compares numbers, needs none).
    public var drawsFigures = true

    public init(
        reports: String = "Reports", templates: String = "Templates", output: String = "site", force: Bool = false,
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        self.reports = reports
        self.templates = templates
        self.output = output
        self.force = force
        self.workingDirectory = workingDirectory
    }

    /// The cache these options name.
    public var planCache: PlanCache { PlanCache(root: url(cache), moduleCache: moduleCache.map(url)) }

    /// `path` resolved against the working folder (`~` expanded).
    public func url(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : workingDirectory.appendingPathComponent(expanded)
    }
}

/// The build `--compare-to` names: its ledger, what to call it ("v1.0", "HEAD~2 (3f2a1bc)"), and the tolerance under
/// which a change is none.
public struct ComparisonBase: Sendable {
    public var name: String
    public var ledger: Ledger
    public var tolerance: Double

    public init(name: String, ledger: Ledger, tolerance: Double = 0) {
        self.name = name
        self.ledger = ledger
        self.tolerance = tolerance
    }
}
