/// Numbers every page's figures and tables — "Figure 2.3" on the second page of a site of several — then lays out
/// every figure of every page in parallel with Graphviz, its text measured in the pinned font and its memory bounded,
/// or takes its drawing from this build's earlier layouts or the cache (by its DOT, engine, Graphviz version and
/// font). What is laid out is the figure's `LayoutTemplate` — its DOT with the text that cannot move the layout
/// (tooltips, a left-set graph label) taken out — so graphs that differ only there, across the study's scenarios and
/// from one parameter change to the next, share one layout; the text is written into each drawing. A fresh drawing is checked by
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
        var layouts: [String: String] = [:]
        for study in studies { layouts.merge(study.layouts) { kept, _ in kept } }
        let pool = studies[0].layoutPool
        var templates = jobs.concurrentMap { pool.template(of: $0.figure.dot, engine: $0.figure.engine) }
        var drawn = layOut(jobs.indices.map { ($0, templates[$0]) }, of: jobs, in: &studies, layouts: &layouts, font: font)
        // Where the bound on a label's width cannot tell, Graphviz measures the label alone (a layout of no nodes); a
        // graph narrower than its label is laid out again with the label's text in the DOT.
        let unsure = jobs.indices.filter { index in drawn[index].map { !templates[index].fits($0) } ?? false }
        let measured = Self.measure(
            unsure.compactMap { templates[$0].labelMeasurement }, pool: pool, font: font,
            options: studies[0].options)
        let labels = unsure.map { templates[$0].labelMeasurement.flatMap { measured[$0] } }
        let narrow = zip(unsure, labels).filter { index, label in
            !templates[index].fits(drawn[index]!, measured: label)
        }.map(\.0)
        for index in narrow {
            templates[index] = LayoutTemplate(dot: jobs[index].figure.dot, engine: jobs[index].figure.engine, keepingLabel: true)
        }
        let redrawn = layOut(narrow.map { ($0, templates[$0]) }, of: jobs, in: &studies, layouts: &layouts, font: font)
        for (index, svg) in zip(narrow, redrawn) { drawn[index] = svg }
        let filled = zip(templates, drawn).map { ($0, $1) }.concurrentMap { template, svg in svg.map(template.filled) }
        for (job, svg) in zip(jobs, filled) {
            if let svg { studies[job.study].pages[job.page].drawings[job.figure.name] = svg }
        }
        for number in studies.indices { studies[number].layouts = layouts }
        pool.forgetTemplates()
    }

    /// The drawings of the templates `requests` name (a job's index and its template), laid out once per distinct
    /// template in this build, taken from `layouts` or the cache where they were laid out before; nil for a job whose
    /// layout failed (its problem is the first needing study's). Returns one entry per request, in order.
    private static func layOut(
        _ requests: [(job: Int, template: LayoutTemplate)],
        of jobs: [(study: Int, page: Int, path: String, figure: DotFigure)], in studies: inout [Study],
        layouts: inout [String: String], font: PinnedFont
    ) -> [String?] {
        guard !requests.isEmpty else { return [] }
        let keys = requests.map { Self.key(of: $0.template.dot, engine: jobs[$0.job].figure.engine, font: font) }
        // Each distinct template not laid out yet in this build, once, for the first study that needs it.
        var pending: [(study: Int, path: String, figure: DotFigure, template: LayoutTemplate, key: String)] = []
        var queued: Set<String> = []
        for (request, key) in zip(requests, keys) where layouts[key] == nil && queued.insert(key).inserted {
            let job = jobs[request.job]
            pending.append((job.study, job.path, job.figure, request.template, key))
        }
        let options = studies[0].options
        let cache = options.planCache
        let pool = studies[0].layoutPool
        // Layouts the run step began (`LayoutPool`), then the cache, which holds only drawings that passed the
        // sanitizer (the pool stores only such): a hit needs no second check. The rest the pool lays out now.
        let ahead = pool.outcomes()
        let cached = pending.concurrentMap { item -> String? in
            ahead[item.key] == nil && options.useCache ? cache.svg(item.key) : nil
        }
        for number in studies.indices {
            let drawn = zip(pending, cached).filter { $0.0.study == number && $0.1 == nil }.count
            if drawn > 0 { studies[number].options.progress.report("Drawing \(drawn) figure(s) with Graphviz") }
        }
        for (item, svg) in zip(pending, cached) where svg == nil && item.figure.sizeRefusal(file: item.path) == nil {
            pool.begin(item.template, key: item.key, engine: item.figure.engine, options: options)
        }
        let outcomes = pool.outcomes()
        let results: [Result<String, Diagnostic>] = zip(pending, cached).map { item, svg in
            if let svg { return .success(svg) }
            guard let outcome = outcomes[item.key] else {
                return .failure(item.figure.sizeRefusal(file: item.path)!)
            }
            return outcome.svg.mapError { item.figure.diagnostic(for: $0, file: item.path) }.flatMap { svg in
                options.allowScripts ? .success(svg) : item.figure.checked(svg, removals: outcome.removals, file: item.path)
            }
        }
        for (item, result) in zip(pending, results) {
            switch result {
            case .success(let svg): layouts[item.key] = svg
            case .failure(let problem): studies[item.study].problems.append(problem)
            }
        }
        return keys.map { layouts[$0] }
    }

    /// Graphviz's drawings of graph labels alone (`LayoutTemplate.labelMeasurement`), by their DOT: each distinct one
    /// once, from the cache where it was drawn before (a label's text changes with the parameters less often than
    /// its graph is drawn), else laid out in `pool` — and stored, checked, as every drawing is.
    private static func measure(
        _ labels: [String], pool: LayoutPool, font: PinnedFont, options: BuildOptions
    ) -> [String: String] {
        let distinct = Array(Set(labels)).sorted()
        let keys = distinct.map { Self.key(of: $0, engine: "dot", font: font) }
        let cached = keys.concurrentMap { options.useCache ? options.planCache.svg($0) : nil }
        for (dot, (key, svg)) in zip(distinct, zip(keys, cached)) where svg == nil {
            pool.begin(LayoutTemplate(dot: dot, engine: "dot", keepingLabel: true), key: key, engine: "dot", options: options)
        }
        let outcomes = pool.outcomes()
        let drawings = zip(keys, cached).map { key, svg in
            svg ?? outcomes[key].flatMap { $0.removals == nil ? try? $0.svg.get() : nil }
        }
        return Dictionary(uniqueKeysWithValues: zip(distinct, drawings).compactMap { dot, svg in svg.map { (dot, $0) } })
    }

    /// Begins laying out, in `pool`, the figures of `page` (its program has just run) that are neither in the cache
    /// nor too large to lay out; the draw step takes the outcomes.
    static func begin(figuresOf page: StudyPage, in pool: LayoutPool, options: BuildOptions) {
        guard options.drawsFigures, let outputs = page.outputs, case .success(let font) = PinnedFont.pinned else { return }
        for figure in PageItems(page.outline, outputs: outputs, page: nil).figures
        where figure.sizeRefusal(file: page.report.path) == nil {
            let template = pool.template(of: figure.dot, engine: figure.engine)
            let key = Self.key(of: template.dot, engine: figure.engine, font: font)
            guard !(options.useCache && options.planCache.hasSVG(key)) else { continue }
            pool.begin(template, key: key, engine: figure.engine, options: options)
        }
    }

    /// The cache key of the drawing of `dot` (a template's) laid out by `engine`.
    private static func key(of dot: String, engine: String, font: PinnedFont) -> String {
        CacheKey.drawing(
            dot: dot, engine: engine, graphviz: Graphviz.version,
            rendererRevision: Graphviz.rendererRevision, font: font.identity).hex
    }

    var stopsOnError: Bool { false }

    /// What drew the figures, for the provenance: "Graphviz 2.42.2, with text measured in DejaVu Sans 2.37".
    static var drawingTools: String {
        let font = (try? PinnedFont.pinned.get()).map { ", with text measured in \($0.description)" } ?? ""
        return "Graphviz \(Graphviz.version)\(font)"
    }
}
