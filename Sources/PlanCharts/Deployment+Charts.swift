import PlanKit

extension Deployment {
    /// Which GPU holds each expert of each layer, as a heatmap.
    public var placementHeatmap: PlacementHeatmap { PlacementHeatmap(placement) }

    /// One step of `phase` laid out in time, one row per pipeline stage.
    public func timeline(_ phase: Phase) -> StepTimeline { StepTimeline(self, phase: phase) }

    /// Memory of every GPU — weights, KV cache, activations — stacked against its capacity.
    public var memoryChart: GroupedBarChart {
        let footprints = (0..<cluster.gpuCount).map { memoryFootprint(ofGPU: $0) }
        var chart = GroupedBarChart(
            "Memory per GPU: \(parallelism)", category: "GPU", value: .bytes("Memory per GPU"),
            categories: footprints.map { "\($0.gpu)" },
            series: [
                BarSeries("weights", values: footprints.map(\.weightsPerGPU)),
                BarSeries("KV cache", values: footprints.map(\.kvCachePerGPU)),
                BarSeries("activations", values: footprints.map(\.activationsPerGPU)),
            ],
            layout: .stacked, references: [ReferenceLine("capacity", at: Bytes(cluster.gpu.memoryCapacity))])
        chart.plan = DisplayPlan(self)
        return chart
    }
}

extension ParetoChart {
    /// Decode throughput per GPU against decode speed per user (1 / TPOT) for labelled plans, the front highlighted:
    /// the trade-off between serving many users cheaply and serving each one fast.
    public static func decode(_ plans: [(String, Deployment)], title: String = "Decode: throughput per GPU against speed per user")
        -> ParetoChart {
        ParetoChart(
            title, x: Axis("Speed per user", unit: "tokens/s", includesZero: false),
            y: Axis("Throughput per GPU", unit: "tokens/s", includesZero: false),
            points: plans.map { label, d in
                let decode = d.performance.decode
                return ParetoPoint(label, x: 1 / decode.tpot.seconds,
                                   y: decode.tokensPerSecond.perSecond / Double(d.cluster.gpuCount))
            })
    }
}
