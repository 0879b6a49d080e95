import Foundation
import Synchronization

/// Graphviz layouts begun before the draw step needs them: the run step hands each report's figures to the pool as
/// soon as its program has run, so a large graph is laid out while the other programs (and the scenarios' copies)
/// still run, instead of after them all. The draw step then takes the pool's outcomes (`outcomes()`, which waits for
/// the layouts still going) in place of laying those templates out itself; it alone turns them into drawings and
/// problems, in its own order, so what a build says does not depend on which layout finished first.
///
/// The draw step lays out what is left through the same pool (the templates no one began, the labels it must
/// measure), so every layout of a build is made, checked and stored in one place.
///
/// One pool serves a build: the study and its scenario copies share it, and a template is laid out once. As many
/// layouts run at once as there are cores, each in a worker that takes the next waiting layout until none is left. A
/// layout that passes the SVG check is stored in the cache, as the draw step stores its own. A build that stops
/// before drawing cancels the layouts not yet begun (`cancel()`).
final class LayoutPool: Sendable {
    /// What laying out one template gave: the drawing, or Graphviz's error; and what the SVG check would remove
    /// from the drawing (`SVGSanitizer.summary`), nil when nothing.
    struct Outcome: Sendable {
        var svg: Result<String, GraphvizError>
        var removals: String?
    }

    private struct Job: Sendable {
        var key: String
        var template: LayoutTemplate
        var engine: String
        var options: BuildOptions
    }

    /// What a template is made from, compared by its bytes (a template is made of bytes) and hashed by a digest of
    /// them taken once, outside the pool's lock: a `String` hashes its text normalised, scalar by scalar, which for a
    /// DAG's megabytes costs as much as the scan it spares, and a dictionary hashes its keys again as it grows.
    private struct TemplateSource: Hashable {
        var dot: String
        var engine: String
        var digest: Int

        init(dot: String, engine: String) {
            self.dot = dot
            self.engine = engine
            var hasher = Hasher()
            var bytes = dot
            bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(engine)
            digest = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        static func == (a: Self, b: Self) -> Bool {
            guard a.digest == b.digest, a.engine == b.engine, a.dot.utf8.count == b.dot.utf8.count else { return false }
            var (first, second) = (a.dot, b.dot)
            return first.withUTF8 { one in
                second.withUTF8 { other in one.count == 0 || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0 }
            }
        }
    }

    private struct State {
        /// The templates made in this build, by their DOT (the run step makes a figure's, the draw step takes it).
        var templates: [TemplateSource: LayoutTemplate] = [:]
        var outcomes: [String: Outcome] = [:]
        var begun: Set<String> = []
        var waiting: [Job] = []
        var workers = 0
    }

    private let state = Mutex(State())
    private let group = DispatchGroup()
    private let workerLimit = max(1, ProcessInfo.processInfo.activeProcessorCount)

    init() {}

    /// The layout template of `dot` laid out by `engine` (`LayoutTemplate(dot:engine:)`), made once per build: a scan of
    /// the DOT (about 10 ms for the 1.45 MB Large EP DAG) that the run step and the draw step, and scenario copies
    /// whose graphs are the same, would otherwise each make again.
    func template(of dot: String, engine: String) -> LayoutTemplate {
        let source = TemplateSource(dot: dot, engine: engine)
        if let made = state.withLock({ $0.templates[source] }) { return made }
        let template = LayoutTemplate(dot: dot, engine: engine)
        state.withLock { $0.templates[source] = template }
        return template
    }

    /// Lets go of the templates made so far (the draw step has filled every drawing; the DAGs' run to megabytes).
    func forgetTemplates() { state.withLock { $0.templates = [:] } }

    /// Begins laying out `template` (under the cache key `key`) unless the pool has begun it already.
    func begin(_ template: LayoutTemplate, key: String, engine: String, options: BuildOptions) {
        let startsWorker = state.withLock { state -> Bool in
            guard state.begun.insert(key).inserted else { return false }
            group.enter()
            state.waiting.append(Job(key: key, template: template, engine: engine, options: options))
            guard state.workers < workerLimit else { return false }
            state.workers += 1
            return true
        }
        if startsWorker { DispatchQueue.global().async { [self] in work() } }
    }

    /// Lays out waiting jobs until there are none.
    private func work() {
        while let job = state.withLock({ state -> Job? in
            guard !state.waiting.isEmpty else {
                state.workers -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }) {
            let svg = Result { () throws(GraphvizError) in
                try Graphviz.svg(
                    fromDOT: job.template.dot, engine: job.engine, timeout: job.options.layoutTimeout,
                    memoryLimit: job.options.layoutMemoryLimit)
            }
            let removals = (try? svg.get()).flatMap { SVGSanitizer.summary(SVGSanitizer.removals(in: $0)) }
            if case .success(let drawing) = svg, removals == nil { job.options.planCache.storeSVG(drawing, key: job.key) }
            state.withLock { $0.outcomes[job.key] = Outcome(svg: svg, removals: removals) }
            group.leave()
        }
    }

    /// The outcome of every layout begun, once all have finished.
    func outcomes() -> [String: Outcome] {
        group.wait()
        return state.withLock { $0.outcomes }
    }

    /// Drops the layouts not yet begun (those running finish within their time bound).
    func cancel() {
        let dropped = state.withLock { state -> Int in
            let count = state.waiting.count
            state.waiting.removeAll()
            return count
        }
        for _ in 0..<dropped { group.leave() }
    }
}
