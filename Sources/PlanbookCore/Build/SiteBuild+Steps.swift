import Foundation
import Synchronization

/// The steps of `SiteBuild.run()`, one method each, in the order the build takes them, and the orderings it uses.
extension SiteBuild {
    /// Writes the one-file study to `path` (atomically; an existing file is replaced only if Planbook wrote it).
    func writeBundle(pages: [RenderedPage], template: PageTemplate, to path: String) throws(BuildFailure) {
        guard template.hasBundleTemplate else {
            throw BuildFailure([Diagnostic(
                file: "\(options.templates)/bundle.mustache", "missing bundle template; create it to use planbook bundle")])
        }
        let stylesheet = template.assets.first { $0.name == "style.css" }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        let html = StudyBundle.html(pages: pages, template: template, stylesheet: stylesheet)
        let url = options.url(path)
        if let existing = try? String(contentsOf: url, encoding: .utf8),
            !existing.contains("<meta name=\"generator\" content=\"Planbook"), !options.force {
            throw BuildFailure([Diagnostic(
                file: path, "this file exists and Planbook did not write it; choose another name or pass --force")])
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: url, options: .atomic)
        } catch {
            throw BuildFailure([Diagnostic(file: path, "could not write the bundle: \(error.localizedDescription)")])
        }
    }

    /// Reads every `*.md` file of the reports folder, sorted by name.
    func loadReports() -> ([Report], [Diagnostic]) {
        let folder = options.url(options.reports)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return ([], [Diagnostic(file: options.reports, "no reports folder here; create it or pass --reports DIR")])
        }
        let markdown = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        if markdown.isEmpty {
            return ([], [Diagnostic(file: options.reports, "no .md reports in this folder; add one, e.g. index.md")])
        }
        var reports: [Report] = []
        var problems: [Diagnostic] = []
        for name in markdown {
            let path = "\(options.reports)/\(name)"
            if let refusal = outsideRefusal(folder.appendingPathComponent(name), path: path) {
                problems.append(refusal)
                continue
            }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                problems.append(Diagnostic(file: path, "the file name holds a control character (a line break, say); rename it"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                problems.append(Diagnostic(file: path, "could not read the file"))
                continue
            }
            do {
                reports.append(try Report.parse(bytes: [UInt8](data), path: path, slug: String(name.dropLast(3))))
            } catch {
                problems += error.diagnostics
            }
        }
        return (reports, problems)
    }

    /// An error when `file` is a symbolic link to a file outside the study (its folder, or the reports folder):
    /// `Reports/notes.md → /etc/passwd` would publish that file. `--allow-outside-links` allows it.
    func outsideRefusal(_ file: URL, path: String) -> Diagnostic? {
        guard !options.allowOutsideLinks,
            (try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) != nil
        else { return nil }
        let real = file.resolvingSymlinksInPath().path
        let study = [options.workingDirectory, options.url(options.reports)].map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        guard !study.contains(where: { real.hasPrefix($0 + "/") }) else { return nil }
        return Diagnostic(
            file: path, "this is a link to \(real), outside the study, so Planbook does not publish it; copy the file "
                + "into the study, or pass --allow-outside-links")
    }

    /// Compiles the shared Swift files into the library every plan program links (once, or from the cache), when
    /// some report has plan blocks.
    func buildSharedLibrary(_ shared: [SharedPlanCode], needed: Bool) -> (SharedLibrary?, [Diagnostic]) {
        guard needed, !shared.isEmpty, let toolchain = try? PlanToolchain.located() else { return (nil, []) }
        options.progress.report("Compiling the shared plan code (\(shared.map(\.path).joined(separator: ", ")))")
        switch SharedLibrary.build(
            shared, toolchain: toolchain, cache: options.planCache, useCache: options.useCache) {
        case .success(let library): return (library, [])
        case .failure(let failure): return (nil, failure.diagnostics)
        }
    }

    /// Reads every `*.swift` file of the reports folder, sorted by name: code shared by all plan programs.
    func loadSharedCode() -> ([SharedPlanCode], [Diagnostic]) {
        let folder = options.url(options.reports)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix(".") }.sorted()
        var shared: [SharedPlanCode] = []
        var problems: [Diagnostic] = []
        for name in names {
            let path = "\(options.reports)/\(name)"
            if let refusal = outsideRefusal(folder.appendingPathComponent(name), path: path) {
                problems.append(refusal)
                continue
            }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                let text = String(data: data, encoding: .utf8)
            else {
                problems.append(Diagnostic(file: path, "could not read the file as UTF-8 text"))
                continue
            }
            shared.append(SharedPlanCode(path: path, source: text))
        }
        return (shared, problems)
    }

    /// Runs the plan blocks of every report, reports in parallel (a report without blocks starts nothing).
    func runNotebooks(
        _ outlines: [PageRenderer.Outline], shared: [SharedPlanCode], library: SharedLibrary?
    ) -> [Notebook.Result] {
        var configured = Notebook.Settings(
            cache: options.planCache, useCache: options.useCache, timeout: options.timeout,
            sharedLibrary: library)
        configured.overrides = Set(options.parameters.map(\.name))
        configured.memoryLimit = options.memoryLimit
        let settings = configured
        let overrides = options.parameters
        let progress = options.progress
        let total = outlines.filter { !$0.cells.isEmpty }.count
        let counter = Mutex(0)
        return outlines.concurrentMap { outline in
            if !outline.cells.isEmpty {
                let position = counter.withLock { value -> Int in
                    value += 1
                    return value
                }
                progress.report("[\(position)/\(total)] Running the plan blocks of \(outline.report.path)")
            }
            var parameters = outline.report.frontMatter.params
            for override in overrides {
                parameters.removeAll { $0.name == override.name }
                parameters.append(override)
            }
            return Notebook(report: outline.report, cells: outline.cells, shared: shared)
                .run(parameters: parameters, settings: settings)
        }
    }

    /// Lays out every figure of every page in parallel (or takes its drawing from the cache, by the hash of its DOT,
    /// engine, Graphviz version and pinned font); SVGs and problems per page, in figure order.
    func drawFigures(_ pages: [(path: String, figures: [DotFigure])]) -> ([[String]], [[Diagnostic]]) {
        let jobs = pages.flatMap { page in page.figures.map { (page.path, $0) } }
        guard !jobs.isEmpty else { return (pages.map { _ in [] }, pages.map { _ in [] }) }
        let font: PinnedFont
        switch PinnedFont.pinned {
        case .success(let pinned): font = pinned
        case .failure(let problem):
            // Nothing is drawn without the pinned font: say so once, at the first figure, rather than at each.
            let first = pages.firstIndex { !$0.figures.isEmpty }
            return (pages.map { _ in [] }, pages.indices.map { index in
                index == first ? [pages[index].figures[0].diagnostic(for: problem, file: pages[index].path)] : []
            })
        }
        let cache = options.planCache
        let useCache = options.useCache
        let graphvizVersion = Graphviz.version
        let layoutTimeout = options.layoutTimeout
        let layoutMemoryLimit = options.layoutMemoryLimit
        let allowScripts = options.allowScripts
        let results = jobs.concurrentMap { path, figure -> Result<String, Diagnostic> in
            if let refusal = figure.sizeRefusal(file: path) { return .failure(refusal) }
            var hash = ContentHash()
            [figure.dot, figure.engine, graphvizVersion, "\(Graphviz.rendererRevision)", font.identity]
                .forEach { hash.add($0) }
            let key = hash.hex
            // The cache holds only drawings that passed the sanitizer (see below): a hit needs no second check.
            if useCache, let svg = cache.svg(key) { return .success(svg) }
            let result = Result { () throws(GraphvizError) in
                try Graphviz.svg(
                    fromDOT: figure.dot, engine: figure.engine, timeout: layoutTimeout, memoryLimit: layoutMemoryLimit)
            }
                .mapError { figure.diagnostic(for: $0, file: path) }
            return result.flatMap { svg in
                let checked = figure.checked(svg, file: path, allowScripts: false)
                if case .success = checked { cache.storeSVG(svg, key: key) }
                return allowScripts ? .success(svg) : checked
            }
        }
        var svgs: [[String]] = []
        var problems: [[Diagnostic]] = []
        var cursor = 0
        for page in pages {
            var pageSVGs: [String] = []
            var pageProblems: [Diagnostic] = []
            for _ in page.figures {
                switch results[cursor] {
                case .success(let svg): pageSVGs.append(svg)
                case .failure(let problem): pageProblems.append(problem)
                }
                cursor += 1
            }
            svgs.append(pageSVGs)
            problems.append(pageProblems)
        }
        return (svgs, problems)
    }

    /// What drew the figures, for the provenance: "Graphviz 2.42.2, with text measured in DejaVu Sans 2.37".
    static var drawingTools: String {
        let font = (try? PinnedFont.pinned.get()).map { ", with text measured in \($0.description)" } ?? ""
        return "Graphviz \(Graphviz.version)\(font)"
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Problems file by file, top to bottom (a stable sort, so problems at one place keep their order), each once
    /// (shared code and `--param` problems would otherwise repeat for every report).
    static func sorted(_ problems: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return problems.enumerated().sorted { a, b in
            (a.element.file, a.element.line, a.element.column, a.offset) < (b.element.file, b.element.line, b.element.column, b.offset)
        }.map(\.element).filter { seen.insert($0).inserted }
    }

    /// A warning for each `--param` that no report reads (a misspelt name would otherwise change nothing, silently).
    func unreadParameters(outlines: [PageRenderer.Outline], notebooks: [Notebook.Result]) -> [Diagnostic] {
        guard !options.parameters.isEmpty, notebooks.allSatisfy({ $0.outputs != nil }) else { return [] }
        var read = Set(notebooks.flatMap { $0.outputs?.parameters.map(\.name) ?? [] })
        for outline in outlines { read.formUnion(outline.report.frontMatter.params.map(\.name)) }
        return options.parameters.filter { !read.contains($0.name) }.map { parameter in
            Diagnostic(
                file: "--param \(parameter.name)", severity: .warning,
                "no report reads the parameter `\(parameter.name)`, so it changes nothing; the parameters read are "
                    + (read.isEmpty ? "none" : read.sorted().map { "`\($0)`" }.joined(separator: ", ")))
        }
    }

    /// `index` first, then by front-matter `order` (pages without one last), then by file name.
    static func navigationOrder(_ a: RenderedPage, _ b: RenderedPage) -> Bool { navigationOrder(a.report, b.report) }

    static func navigationOrder(_ a: Report, _ b: Report) -> Bool {
        func key(_ report: Report) -> (Int, Int, String) {
            (report.slug == "index" ? 0 : 1, report.frontMatter.order ?? Int.max, report.slug)
        }
        return key(a) < key(b)
    }
}
