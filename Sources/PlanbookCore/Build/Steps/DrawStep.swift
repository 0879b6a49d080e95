/// Numbers every page's figures and tables — "Figure 2.3" on the second page of a site of several — then lays out
/// every figure of every page in parallel with Graphviz, its text measured in the pinned font and its memory bounded,
/// or takes its drawing from this build's earlier layouts or the cache (by its DOT, engine, Graphviz version and
/// font), so equal DOT is laid out once — across the study's scenarios too. A fresh drawing is checked by
/// `SVGSanitizer` (a `dot` block's `URL=` can carry a `javascript:` link) and stored only when it passes, so a drawing
/// from the cache needs no second check. Without the pinned font nothing is drawn, and that is said once, at the
/// first figure. `planbook diff`, which compares numbers, draws nothing.
struct DrawStep: BuildStep {
    func run(_ study: inout Study) {
        let numbered = study.pages.count > 1
        for index in study.pages.indices {
            study.pages[index].items = PageItems(
                study.pages[index].outline, outputs: study.pages[index].outputs, page: numbered ? index + 1 : nil)
        }
        let jobs = study.pages.indices.flatMap { index in
            (study.pages[index].items?.figures ?? []).map { (index, study.pages[index].report.path, $0) }
        }
        guard let (_, path, first) = jobs.first, study.options.drawsFigures else { return }
        let font: PinnedFont
        switch PinnedFont.pinned {
        case .success(let pinned): font = pinned
        case .failure(let problem):
            study.problems.append(first.diagnostic(for: problem, file: path))
            return
        }
        let options = study.options
        let keys = jobs.map { Self.key(of: $0.2, font: font) }
        // Each distinct DOT not laid out yet in this build, once.
        var pending: [(path: String, figure: DotFigure, key: String)] = []
        var queued: Set<String> = []
        for (job, key) in zip(jobs, keys) where study.layouts[key] == nil && queued.insert(key).inserted {
            pending.append((job.1, job.2, key))
        }
        let cache = options.planCache
        // The cache holds only drawings that passed the sanitizer (see `draw`): a hit needs no second check.
        let cached = pending.concurrentMap { options.useCache ? cache.svg($0.key) : nil }
        let drawn = cached.filter { $0 == nil }.count
        if drawn > 0 { options.progress.report("Drawing \(drawn) figure(s) with Graphviz") }
        let results = zip(pending, cached).map { ($0.0, $0.1, $0.2, $1) }.concurrentMap { path, figure, key, svg in
            svg.map { .success($0) } ?? Self.draw(figure, key: key, file: path, cache: cache, options: options)
        }
        var failed: Set<String> = []
        for (job, result) in zip(pending, results) {
            switch result {
            case .success(let svg): study.layouts[job.key] = svg
            case .failure(let problem):
                failed.insert(job.key)
                study.problems.append(problem)
            }
        }
        for ((index, _, figure), key) in zip(jobs, keys) where !failed.contains(key) {
            study.pages[index].drawings[figure.name] = study.layouts[key]
        }
    }

    /// The cache key of `figure`'s drawing.
    private static func key(of figure: DotFigure, font: PinnedFont) -> String {
        CacheKey.drawing(
            dot: figure.dot, engine: figure.engine, graphviz: Graphviz.version,
            rendererRevision: Graphviz.rendererRevision, font: font.identity).hex
    }

    var stopsOnError: Bool { false }

    /// What drew the figures, for the provenance: "Graphviz 2.42.2, with text measured in DejaVu Sans 2.37".
    static var drawingTools: String {
        let font = (try? PinnedFont.pinned.get()).map { ", with text measured in \($0.description)" } ?? ""
        return "Graphviz \(Graphviz.version)\(font)"
    }

    private static func draw(
        _ figure: DotFigure, key: String, file: String, cache: PlanCache, options: BuildOptions
    ) -> Result<String, Diagnostic> {
        if let refusal = figure.sizeRefusal(file: file) { return .failure(refusal) }
        let result = Result { () throws(GraphvizError) in
            try Graphviz.svg(
                fromDOT: figure.dot, engine: figure.engine, timeout: options.layoutTimeout,
                memoryLimit: options.layoutMemoryLimit)
        }.mapError { figure.diagnostic(for: $0, file: file) }
        return result.flatMap { svg in
            let checked = figure.checked(svg, file: file, allowScripts: false)
            if case .success = checked { cache.storeSVG(svg, key: key) }
            return options.allowScripts ? .success(svg) : checked
        }
    }
}
