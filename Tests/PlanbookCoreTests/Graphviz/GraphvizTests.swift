import Testing
@testable import PlanbookCore

/// DOT to SVG through the real libgvc.
@Suite struct GraphvizTests {
    @Test func rendersNodesAndClusters() throws {
        let svg = try Graphviz.svg(fromDOT: twoClusterDOT)
        #expect(svg.contains("<svg"))
        // Four nodes (a0 a1 b0 b1), two clusters, two edges.
        #expect(svg.count(of: "class=\"node\"") == 4)
        #expect(svg.count(of: "class=\"cluster\"") == 2)
        #expect(svg.count(of: "class=\"edge\"") == 2)
        #expect(svg.contains("<title>cluster_gpu0</title>"))
        #expect(svg.contains(">GPU 1</text>"))
    }

    @Test func otherEnginesLayOut() throws {
        let svg = try Graphviz.svg(fromDOT: "graph { a -- b -- c -- a }", engine: "neato")
        #expect(svg.count(of: "class=\"node\"") == 3)
    }

    @Test func syntaxErrorsCarryGraphvizMessageAndLine() {
        // The error is on DOT line 3 ("a -> ;").
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.svg(fromDOT: "digraph {\n  a -> b;\n  a -> ;\n}\n")
        }
        #expect(error?.line == 3)
        #expect(error?.message.contains("syntax error") == true)
    }

    @Test func unknownEngineIsRefusedWithTheChoices() {
        let error = #expect(throws: GraphvizError.self) { try Graphviz.svg(fromDOT: "digraph { a }", engine: "sprawl") }
        #expect(error?.message.contains("unknown layout engine 'sprawl'") == true)
        #expect(error?.message.contains("neato") == true)
    }

    @Test func aLayoutPastItsBoundIsStopped() {
        // A complete graph on 400 nodes takes neato far longer than 10 ms.
        let names = (0..<400).map { "n\($0)" }
        let edges = names.indices.flatMap { i in names.indices.filter { $0 > i }.prefix(40).map { "\(names[i]) -- \(names[$0]);" } }
        let dot = "graph { " + edges.joined(separator: " ") + " }"
        let error = #expect(throws: GraphvizError.self) { try Graphviz.svg(fromDOT: dot, engine: "neato", timeout: .milliseconds(10)) }
        #expect(error?.message.contains("did not finish") == true)
    }

    @Test func theSameGraphGivesTheSameBytesEveryTime() throws {
        // libgvc carries layout state between calls in one process; each render runs in a fresh child, so
        // repeated and interleaved renders must not differ.
        let first = try Graphviz.svg(fromDOT: twoClusterDOT)
        _ = try Graphviz.svg(fromDOT: "digraph { x -> y -> z; subgraph cluster_q { q } }")
        for _ in 0..<3 {
            #expect(try Graphviz.svg(fromDOT: twoClusterDOT) == first)
        }
    }

    @Test func theLayoutDoesNotDependOnTheParentsHeap() throws {
        // cgraph's default ids are string addresses, and clusters are ordered by id; Planbook numbers names in order
        // of appearance instead. Renders forked from differently filled heaps must agree byte for byte.
        let dot = "digraph { subgraph cluster_s1 { label=\"Stage 1\"; b0; b1; } subgraph cluster_s0 { label=\"Stage 0\"; a0; a1; } "
            + "subgraph cluster_z { z; } a0 -> b0; a1 -> b1; b1 -> z; }"
        let first = try Graphviz.svg(fromDOT: dot)
        var ballast: [String] = []
        for round in 1...4 {
            ballast += (0..<(round * 997)).map { "ballast \($0) \(String(repeating: "x", count: $0 % 61))" }
            ballast.removeFirst(ballast.count / 3)
            #expect(try Graphviz.svg(fromDOT: dot) == first)
        }
        #expect(!ballast.isEmpty)
    }

    @Test func concurrentRendersAgree() throws {
        let first = try Graphviz.svg(fromDOT: twoClusterDOT)
        let results = Array(repeating: twoClusterDOT, count: 8).concurrentMap { try? Graphviz.svg(fromDOT: $0) }
        #expect(results.allSatisfy { $0 == first })
    }
}

extension String {
    func count(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
