import Foundation
import Synchronization

/// Graphviz layouts begun before the draw step needs them: the run step hands each report's figures to the pool as
/// soon as its program has run, so a large graph is laid out while the other programs (and the scenarios' copies)
/// still run, instead of after them all. The draw step then takes the pool's outcomes (`outcomes()`, which waits for
/// the layouts still going) in place of laying those templates out itself; it alone turns them into drawings and
/// problems, in its own order, so what a build says does not depend on which layout finished first.
///
/// One pool serves a build: the study and its scenario copies share it, and a template is laid out once. A layout
/// that passes the SVG check is stored in the cache, as the draw step stores its own.
public final class LayoutPool: Sendable {
    /// What laying out one template gave: the drawing, or Graphviz's error; and what the SVG check would remove
    /// from the drawing (`SVGSanitizer.summary`), nil when nothing.
    struct Outcome: Sendable {
        var svg: Result<String, GraphvizError>
        var removals: String?
    }

    private let outcomesByKey = Mutex<[String: Outcome]>([:])
    private let started = Mutex<Set<String>>([])
    private let group = DispatchGroup()
    private let queue = DispatchQueue(label: "planbook.layouts", attributes: .concurrent)
    /// As many layouts at once as there are cores.
    private let slots = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))

    public init() {}

    /// Begins laying out `template` (under the cache key `key`) unless the pool has begun it already.
    func begin(_ template: LayoutTemplate, key: String, engine: String, options: BuildOptions) {
        guard started.withLock({ $0.insert(key).inserted }) else { return }
        group.enter()
        queue.async { [self] in
            slots.wait()
            defer { slots.signal() }
            let svg = Result { () throws(GraphvizError) in
                try Graphviz.svg(
                    fromDOT: template.dot, engine: engine, timeout: options.layoutTimeout,
                    memoryLimit: options.layoutMemoryLimit)
            }
            let removals = (try? svg.get()).flatMap { SVGSanitizer.summary(SVGSanitizer.removals(in: $0)) }
            if case .success(let drawing) = svg, removals == nil { options.planCache.storeSVG(drawing, key: key) }
            outcomesByKey.withLock { $0[key] = Outcome(svg: svg, removals: removals) }
            group.leave()
        }
    }

    /// The outcome of every layout begun, once all have finished.
    func outcomes() -> [String: Outcome] {
        group.wait()
        return outcomesByKey.withLock { $0 }
    }
}
