/// Numbers every page's figures and tables, then lays out every figure of every page in parallel with Graphviz, or
/// takes its drawing from the cache (by the hash of its DOT, engine and Graphviz version).
struct DrawStep: BuildStep {
    func run(_ study: inout Study) {
        for index in study.pages.indices {
            study.pages[index].items = PageItems(study.pages[index].outline, outputs: study.pages[index].outputs)
        }
        let jobs = study.pages.indices.flatMap { index in
            (study.pages[index].items?.figures ?? []).map { (index, study.pages[index].report.path, $0) }
        }
        let options = study.options
        if !jobs.isEmpty { options.progress.report("Drawing \(jobs.count) figure(s) with Graphviz") }
        let cache = PlanCache(root: options.url(options.cache))
        let results = jobs.concurrentMap { _, path, figure in
            Self.draw(figure, file: path, cache: cache, useCache: options.useCache, timeout: options.layoutTimeout)
        }
        for ((index, _, figure), result) in zip(jobs, results) {
            switch result {
            case .success(let svg): study.pages[index].drawings[figure.name] = svg
            case .failure(let problem): study.problems.append(problem)
            }
        }
    }

    var stopsOnError: Bool { false }

    private static func draw(
        _ figure: DotFigure, file: String, cache: PlanCache, useCache: Bool, timeout: Duration
    ) -> Result<String, Diagnostic> {
        if let refusal = figure.sizeRefusal(file: file) { return .failure(refusal) }
        let key = CacheKey.drawing(
            dot: figure.dot, engine: figure.engine, graphviz: Graphviz.version,
            rendererRevision: Graphviz.rendererRevision).hex
        if useCache, let svg = cache.svg(key) { return .success(svg) }
        let result = Result { () throws(GraphvizError) in
            try Graphviz.svg(fromDOT: figure.dot, engine: figure.engine, timeout: timeout)
        }.mapError { figure.diagnostic(for: $0, file: file) }
        if case .success(let svg) = result { cache.storeSVG(svg, key: key) }
        return result
    }
}
