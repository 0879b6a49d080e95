import Foundation

/// `planbook build`: the whole pipeline from `Reports/*.md` to a published `site/`, as a list of named steps.
///
/// load reports → outline pages → draw figures → render pages → apply template → publish. Every problem of every
/// report is collected, and listed file by file and line by line, before the build stops; nothing is written unless every step succeeded, and then the site
/// is swapped in at once (see `SitePublisher`).
public struct SiteBuild: Sendable {
    /// What a successful build produced.
    public struct Summary: Sendable, Equatable {
        /// Pages written, in navigation order (their file names).
        public var pages: [String]
        /// Figures laid out by Graphviz.
        public var figures: Int
        /// The site folder, resolved.
        public var output: URL
    }

    public let options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    /// Runs every step; throws every problem found.
    public func run() throws(BuildFailure) -> Summary {
        var problems: [Diagnostic] = []
        let template: PageTemplate?
        do {
            template = try PageTemplate(directory: options.url(options.templates), displayPath: options.templates)
        } catch {
            template = nil
            problems += error.diagnostics
        }
        let (reports, loadProblems) = loadReports()
        problems += loadProblems
        let slugs = Set(reports.map(\.slug))
        let outlines = reports.map { PageRenderer.outline($0, slugs: slugs) }
        let (svgs, figureProblems) = drawFigures(outlines)
        for (outline, pageFigureProblems) in zip(outlines, figureProblems) {
            problems += outline.report.problems + outline.problems + pageFigureProblems
        }
        guard problems.isEmpty, let template else { throw BuildFailure(Self.sorted(problems)) }

        let pages = zip(outlines, svgs).map { PageRenderer.render($0, svgs: $1) }
            .sorted(by: Self.navigationOrder)
        var files: [(path: String, contents: Data)] = []
        for position in pages.indices {
            let html = template.render(PageContext.make(for: position, of: pages))
            files.append((pages[position].report.outputName, Data(html.utf8)))
            files += pages[position].downloads.map { ($0.path, Data($0.contents.utf8)) }
        }
        files += template.assets.map { ("assets/\($0.name)", $0.contents) }
        try SitePublisher.publish(
            files, to: options.url(options.output), displayPath: options.output, force: options.force,
            protected: [options.workingDirectory, options.url(options.reports), options.url(options.templates)])
        return Summary(
            pages: pages.map(\.report.outputName), figures: outlines.reduce(0) { $0 + $1.figures.count },
            output: options.url(options.output).standardizedFileURL)
    }

    // MARK: - Steps

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

    /// Lays out every figure of every page in parallel; SVGs and problems per page, in figure order.
    func drawFigures(_ outlines: [PageRenderer.Outline]) -> ([[String]], [[Diagnostic]]) {
        let jobs = outlines.flatMap { outline in outline.figures.map { (outline.report.path, $0) } }
        let results = jobs.concurrentMap { path, figure -> Result<String, Diagnostic> in
            Result { () throws(GraphvizError) in try Graphviz.svg(fromDOT: figure.dot, engine: figure.engine) }
                .mapError { figure.diagnostic(for: $0, file: path) }
        }
        var svgs: [[String]] = []
        var problems: [[Diagnostic]] = []
        var cursor = 0
        for outline in outlines {
            var page: [String] = []
            var pageProblems: [Diagnostic] = []
            for _ in outline.figures {
                switch results[cursor] {
                case .success(let svg): page.append(svg)
                case .failure(let problem): pageProblems.append(problem)
                }
                cursor += 1
            }
            svgs.append(page)
            problems.append(pageProblems)
        }
        return (svgs, problems)
    }

    /// Problems file by file, top to bottom (a stable sort, so problems at one place keep their order).
    static func sorted(_ problems: [Diagnostic]) -> [Diagnostic] {
        problems.enumerated().sorted { a, b in
            (a.element.file, a.element.line, a.element.column, a.offset) < (b.element.file, b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }

    /// `index` first, then by front-matter `order` (pages without one last), then by file name.
    static func navigationOrder(_ a: RenderedPage, _ b: RenderedPage) -> Bool {
        func key(_ page: RenderedPage) -> (Int, Int, String) {
            (page.report.slug == "index" ? 0 : 1, page.report.frontMatter.order ?? Int.max, page.report.slug)
        }
        return key(a) < key(b)
    }
}
