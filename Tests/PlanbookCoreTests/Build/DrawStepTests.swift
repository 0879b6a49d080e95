import Foundation
import Testing

@testable import PlanbookCore

/// The draw step's use of layout templates in a build: a label the width bound cannot place is measured by Graphviz
/// once and kept, and a graph narrower than its label is drawn with the label in, as Graphviz draws it.
@Suite struct DrawStepTests {
    @Test func aLabelGraphvizMeasuredIsKeptAndANarrowGraphIsDrawnWithItsLabel() throws {
        // A chain of 500 nodes, one node wide (about 60 pt), under a left-set label "Batch 128 · shapes": its bound,
        // 18 characters × DejaVu's widest glyph (over 1.8 em) × 1.1 × 14 pt, is far wider than the chain, so Graphviz
        // measures the label alone; the label is wider than the chain too, so the graph is drawn with its label in.
        let report = #"""
            # Chain

            ```swift plan id=chain
            struct Chain: Displayable {
                var display: Display {
                    let links = (0..<500).map { "  n\($0) -> n\($0 + 1)" }.joined(separator: "\n")
                    return .graph(dot: "digraph { graph [label=\"Batch 128 · shapes\\l\", labeljust=\"l\"]\n\(links)\n}", title: "Chain")
                }
            }
            show(Chain())
            ```
            """#
        let study = try TemporaryStudy(reports: ["index.md": report])
        defer { study.remove() }
        _ = try study.build()
        let links = (0..<500).map { "  n\($0) -> n\($0 + 1)" }.joined(separator: "\n")
        let dot = "digraph { graph [label=\"Batch 128 · shapes\\l\", labeljust=\"l\"]\n\(links)\n}"
        let template = LayoutTemplate(dot: dot, engine: "dot")
        let measurement = try #require(template.labelMeasurement)
        let font = try PinnedFont.pinned.get()
        let key = CacheKey.drawing(
            dot: measurement, engine: "dot", graphviz: Graphviz.version, rendererRevision: Graphviz.rendererRevision,
            font: font.identity)
        #expect(study.options.planCache.hasSVG(key.hex))
        #expect(try study.read("site/index/chain.svg") == (try Graphviz.svg(fromDOT: dot)))
    }
}
