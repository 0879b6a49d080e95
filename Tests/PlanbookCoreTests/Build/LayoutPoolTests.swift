import Foundation
import Testing

@testable import PlanbookCore

/// Figures laid out while the other programs run: the run step begins them, the draw step takes them, and turns
/// them into the drawings and errors it would have made itself.
@Suite struct LayoutPoolTests {
    /// Two reports: one shows a graph from its plan block; the other's graph has a DOT syntax error on its line 2.
    static let reports = [
        "index.md": """
            # Index

            ```swift plan id=flow
            struct Flow: Displayable { var display: Display { .graph(dot: "digraph { a -> b -> c }", title: "Flow") } }
            show(Flow())
            ```
            """,
        "broken.md": """
            # Broken

            ```swift plan id=bad
            struct Bad: Displayable { var display: Display { .graph(dot: "digraph {\\n a -> ;\\n}", title: "Bad") } }
            show(Bad())
            ```
            """,
    ]

    @Test func theRunStepBeginsTheLayoutsAndTheDrawStepTakesThem() throws {
        let study = try TemporaryStudy(reports: Self.reports)
        defer { study.remove() }
        var built = Study(options: study.options)
        let upToRun = SiteBuild.steps.prefix(while: { !($0 is RunStep) }) + [RunStep() as any BuildStep]
        for step in upToRun { step.run(&built) }
        // Both graphs were laid out once the programs ran, before any draw step: one drawing, one Graphviz error.
        let outcomes = built.layoutPool.outcomes()
        #expect(outcomes.count == 2)
        #expect(outcomes.values.filter { (try? $0.svg.get())?.contains("<svg") == true }.count == 1)
        #expect(outcomes.values.contains { if case .failure(let error) = $0.svg { error.line == 2 } else { false } })
        // The draw step reports the error at the block: DOT line 2, counted from the block's code (line 4 of the
        // report), is report line 4 + 2 = 6. The other page has its drawing.
        DrawStep().run(&built)
        let problems = built.problems.map(\.description)
        #expect(problems.contains { $0.hasPrefix("Reports/broken.md:6:1: error: Graphviz: syntax error in line 2") }, "\(problems)")
        // The drawing is the one Graphviz makes of the graph, as the draw step would have made it.
        let index = try #require(built.pages.first { $0.report.slug == "index" })
        #expect(index.drawings["flow"] == (try Graphviz.svg(fromDOT: "digraph { a -> b -> c }")))
    }

    @Test func theTemplateFromThePoolIsTheOneMadeDirectly() {
        let pool = LayoutPool()
        let dot = "digraph { a [tooltip=\"[8, 7168]\"]; a -> b }"
        let template = pool.template(of: dot, engine: "dot")
        // The same template as made directly: the tooltip taken out, a marker in its place.
        #expect(template == LayoutTemplate(dot: dot, engine: "dot"))
        #expect(template.dot.contains("PB#") && !template.dot.contains("7168"))
        #expect(pool.template(of: dot, engine: "dot") == template)
        // Another engine is not templated (only dot keeps tooltips out of the geometry): its own template.
        #expect(pool.template(of: dot, engine: "neato") == LayoutTemplate(dot: dot, engine: "neato"))
        #expect(pool.template(of: dot, engine: "neato") != template)
    }
}
