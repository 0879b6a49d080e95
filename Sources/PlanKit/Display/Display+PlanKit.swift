// How PlanKit's figures show themselves under a plan block.

extension DimensionTable: TableDisplayable {}
extension CommunicationPlan: TableDisplayable {}
extension MemoryFootprint: TableDisplayable {}
extension PerformanceEstimate: TableDisplayable {}
extension StepBreakdown: TableDisplayable {}
extension ExpertTokenCounts: TableDisplayable {}
extension RoutingLoad: TableDisplayable {}
extension RoutingOverflow: TableDisplayable {}
extension RoutingSimulation: TableDisplayable {}

extension CommunicationReport: Displayable {
    /// The prefill and the decode collectives, each as a table.
    public var display: Display {
        Display.group([.table(prefill.table), .table(decode.table)]).described(by: plan)
    }
}

extension DeploymentGraph: Displayable {
    /// The graph, for Graphviz.
    public var display: Display { Display.graph(dot: dot, title: title).described(by: plan) }
}

extension Placement: Displayable {
    /// A layer × expert grid: each cell lists the GPUs holding (a shard of) that expert.
    public var display: Display {
        let header = ["layer"] + (0..<model.expertsPerLayer).map { "E\($0)" }
        let rows = (0..<model.layers).map { layer in
            ["\(layer)"] + (0..<model.expertsPerLayer).map { expert in
                GPUList.text(gpus(layer: layer, expert: expert))
            }
        }
        return Display.table(DisplayTable(header: header, rows: rows, title: "GPUs holding each expert"))
            .described(by: plan)
    }
}

/// Short text for a set of GPU indices: "3", "0–7", "0, 8".
package enum GPUList {
    package static func text(_ gpus: [Int]) -> String {
        guard let first = gpus.first, let last = gpus.last else { return "" }
        if gpus.count > 2, gpus == Array(first...last) { return "\(first)–\(last)" }
        return gpus.map(String.init).joined(separator: ", ")
    }
}
