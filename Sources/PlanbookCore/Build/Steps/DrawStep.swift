/// Numbers every page's figures and tables — "Figure 2.3" on the second page of a site of several — then lays out
/// every figure of every page in parallel with Graphviz, its text measured in the pinned font and its memory bounded,
/// or takes its drawing from the cache (by its DOT, engine, Graphviz version and font). A fresh drawing is checked by
/// `SVGSanitizer` (a `dot` block's `URL=` can carry a `javascript:` link) and stored only when it passes, so a drawing
/// from the cache needs no second check. Without the pinned font nothing is drawn, and that is said once, at the
/// first figure.
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
        guard let (_, path, first) = jobs.first else { return }
        let font: PinnedFont
        switch PinnedFont.pinned {
        case .success(let pinned): font = pinned
        case .failure(let problem):
            study.problems.append(first.diagnostic(for: problem, file: path))
            return
        }
        let options = study.options
        options.progress.report("Drawing \(jobs.count) figure(s) with Graphviz")
        let cache = options.planCache
        let results = jobs.concurrentMap { _, path, figure in
            Self.draw(figure, file: path, font: font, cache: cache, options: options)
        }
        for ((index, _, figure), result) in zip(jobs, results) {
            switch result {
            case .success(let svg): study.pages[index].drawings[figure.name] = svg
            case .failure(let problem): study.problems.append(problem)
            }
        }
    }

    var stopsOnError: Bool { false }

    /// What drew the figures, for the provenance: "Graphviz 2.42.2, with text measured in DejaVu Sans 2.37".
    static var drawingTools: String {
        let font = (try? PinnedFont.pinned.get()).map { ", with text measured in \($0.description)" } ?? ""
        return "Graphviz \(Graphviz.version)\(font)"
    }

    private static func draw(
        _ figure: DotFigure, file: String, font: PinnedFont, cache: PlanCache, options: BuildOptions
    ) -> Result<String, Diagnostic> {
        if let refusal = figure.sizeRefusal(file: file) { return .failure(refusal) }
        let key = CacheKey.drawing(
            dot: figure.dot, engine: figure.engine, graphviz: Graphviz.version,
            rendererRevision: Graphviz.rendererRevision, font: font.identity).hex
        // The cache holds only drawings that passed the sanitizer (see below): a hit needs no second check.
        if options.useCache, let svg = cache.svg(key) { return .success(svg) }
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
