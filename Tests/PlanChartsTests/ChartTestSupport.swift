import Testing
@testable import PlanCharts
import PlanKit

/// A tiny XML checker for the SVG charts draw: tags balance, no attribute repeats, every `&` starts an entity, and
/// `<title>` and `<desc>` come first inside `<svg>`.
enum SVGCheck {
    /// The problems found in `svg` (empty when it is well-formed).
    static func problems(_ svg: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        var firstChildren: [String] = []
        var rest = Substring(svg)
        if rest.hasPrefix("<?xml") {
            guard let end = rest.firstRange(of: "?>") else { return ["unterminated prolog"] }
            rest = rest[end.upperBound...]
        }
        while let open = rest.firstIndex(of: "<") {
            let text = rest[..<open]
            if let problem = entityProblem(text) { problems.append(problem) }
            guard let close = rest[open...].firstIndex(of: ">") else { return problems + ["unterminated tag"] }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                if stack.popLast() != name { problems.append("</\(name)> does not close the open element") }
                continue
            }
            let selfClosing = tag.hasSuffix("/")
            let body = selfClosing ? tag.dropLast() : tag
            let name = String(body.prefix { !$0.isWhitespace })
            if stack == ["svg"] && firstChildren.count < 2 { firstChildren.append(name) }
            problems += attributeProblems(body.dropFirst(name.count), in: name)
            if !selfClosing { stack.append(name) }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        if firstChildren != ["title", "desc"] { problems.append("first children are \(firstChildren)") }
        return problems
    }

    private static func entityProblem(_ text: Substring) -> String? {
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            let after = rest[amp...]
            guard ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains(where: { after.hasPrefix($0) }) else {
                return "bare & in \(text.prefix(40))"
            }
            rest = rest[rest.index(after: amp)...]
        }
        return nil
    }

    private static func attributeProblems(_ text: Substring, in element: String) -> [String] {
        var names: [String] = []
        var problems: [String] = []
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { break }
            guard let eq = rest.firstIndex(of: "=") else { problems.append("attribute without value in <\(element)>"); break }
            let name = String(rest[..<eq])
            rest = rest[rest.index(after: eq)...]
            guard rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") else {
                problems.append("unquoted \(name) in <\(element)>")
                break
            }
            if let problem = entityProblem(rest[rest.index(after: rest.startIndex)..<end]) { problems.append(problem) }
            if names.contains(name) { problems.append("\(name) twice in <\(element)>") }
            names.append(name)
            rest = rest[rest.index(after: end)...]
        }
        return problems
    }

    /// How many times `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int { text.ranges(of: needle).count }
}

/// The plans the charts are drawn for: the seed study's model (16 layers of 16 experts, hidden 4096) serving 128
/// sequences of 10,000 tokens in BF16 on two nodes of eight H100 SXM, as Large EP and as the TP=8 × PP=2 baseline.
enum ChartFixtures {
    static let model = MoEModel(layers: 16, expertsPerLayer: 16, hidden: 4096)
    static let workload = Workload(batch: 128, sequenceLength: 10_000)
    static let cluster = Cluster(gpu: .h100SXM, nodes: 2, gpusPerNode: 8)

    static func plan(_ parallelism: Parallelism) throws -> Deployment {
        try Deployment(model, workload, on: cluster, parallelism: parallelism)
    }
    static var largeEP: Deployment { get throws { try plan(.expert(16)) } }
    static var baseline: Deployment { get throws { try plan(Parallelism(tp: 8, pp: 2)) } }

    /// |actual − expected| ≤ relative × |expected|.
    static func close(_ actual: Double, _ expected: Double, _ relative: Double = 1e-9) -> Bool {
        abs(actual - expected) <= relative * abs(expected)
    }
}
