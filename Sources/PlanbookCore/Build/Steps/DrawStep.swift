/// Numbers every page's figures and tables — "Figure 2.3" on the second page of a site of several — then lays out
/// every figure of every page in parallel with Graphviz, its text measured in the pinned font and its memory bounded,
/// or takes its drawing from this build's earlier layouts or the cache (by its DOT, engine, Graphviz version and
/// font), so equal DOT is laid out once — across the study's scenarios too. A fresh drawing is checked by
/// `SVGSanitizer` (a `dot` block's `URL=` can carry a `javascript:` link) and stored only when it passes, so a drawing
/// from the cache needs no second check. Without the pinned font nothing is drawn, and that is said once, at the
/// first figure. `planbook diff`, which compares numbers, draws nothing.
struct DrawStep: BuildStep {
    func run(_ study: inout Study) {
        // The study's scenario copies (`ScenarioStep`) are drawn with it.
        let copies = study.scenarioCopies.indices.filter { !study.scenarioCopies[$0].stopped }
        var studies = [study] + copies.map { study.scenarioCopies[$0].study }
        Self.draw(&studies)
        var drawn = studies.removeFirst()
        for (index, copy) in zip(copies, studies) { drawn.scenarioCopies[index].study = copy }
        study = drawn
    }

    /// Numbers and draws the figures of several studies at once — the copies of a study under its scenarios — so
    /// that all their layouts share the cores, and DOT equal in several of them is laid out once. A drawing is said
    /// to be made, and its problem reported, by the first study that needs it; every study's `layouts` gains every
    /// drawing made.
    static func draw(_ studies: inout [Study]) {
        var jobs: [(study: Int, page: Int, path: String, figure: DotFigure)] = []
        for number in studies.indices {
            let numbered = studies[number].pages.count > 1
            for index in studies[number].pages.indices {
                let page = studies[number].pages[index]
                studies[number].pages[index].items = PageItems(
                    page.outline, outputs: page.outputs, page: numbered ? index + 1 : nil)
                guard studies[number].options.drawsFigures else { continue }
                for figure in studies[number].pages[index].items?.figures ?? [] {
                    jobs.append((number, index, page.report.path, figure))
                }
            }
        }
        guard !jobs.isEmpty else { return }
        let font: PinnedFont
        switch PinnedFont.pinned {
        case .success(let pinned): font = pinned
        case .failure(let problem):
            for number in Set(jobs.map(\.study)) {
                let job = jobs.first { $0.study == number }!
                studies[number].problems.append(job.figure.diagnostic(for: problem, file: job.path))
            }
            return
        }
        let keys = jobs.map { Self.key(of: $0.figure, font: font) }
        var layouts: [String: String] = [:]
        for study in studies { layouts.merge(study.layouts) { kept, _ in kept } }
        // Each distinct DOT not laid out yet in this build, once, for the first study that needs it.
        var pending: [(study: Int, path: String, figure: DotFigure, key: String)] = []
        var queued: Set<String> = []
        for (job, key) in zip(jobs, keys) where layouts[key] == nil && queued.insert(key).inserted {
            pending.append((job.study, job.path, job.figure, key))
        }
        let options = studies[0].options
        let cache = options.planCache
        // The cache holds only drawings that passed the sanitizer (see `draw`): a hit needs no second check.
        let cached = pending.concurrentMap { options.useCache ? cache.svg($0.key) : nil }
        for number in studies.indices {
            let drawn = zip(pending, cached).filter { $0.0.study == number && $0.1 == nil }.count
            if drawn > 0 { studies[number].options.progress.report("Drawing \(drawn) figure(s) with Graphviz") }
        }
        let work: [(figure: DotFigure, key: String, path: String, svg: String?)] = zip(pending, cached).map {
            ($0.0.figure, $0.0.key, $0.0.path, $0.1)
        }
        let results: [Result<String, Diagnostic>] = work.concurrentMap { item in
            if let svg = item.svg { return .success(svg) }
            return Self.draw(item.figure, key: item.key, file: item.path, cache: cache, options: options)
        }
        var failed: Set<String> = []
        for (job, result) in zip(pending, results) {
            switch result {
            case .success(let svg): layouts[job.key] = svg
            case .failure(let problem):
                failed.insert(job.key)
                studies[job.study].problems.append(problem)
            }
        }
        for (job, key) in zip(jobs, keys) where !failed.contains(key) {
            studies[job.study].pages[job.page].drawings[job.figure.name] = layouts[key]
        }
        for number in studies.indices { studies[number].layouts = layouts }
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
