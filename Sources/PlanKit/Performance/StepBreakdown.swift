/// Where the time of one step of a phase goes on the busiest GPU: per operator, per layer and in total.
///
/// Guarantees: `total.total` is the step time (TTFT in prefill, TPOT in decode); `perLayer` is one layer over
/// the whole step (every micro-batch), and `operators` are one layer and one micro-batch.
public struct StepBreakdown: Hashable, Codable, Sendable, CustomStringConvertible {
    public var phase: Phase
    /// Each operator of one layer for one micro-batch on one GPU.
    public var operators: [OperatorTime]
    /// Collective time of one layer for one micro-batch, before any overlap.
    public var layerCommunication: Seconds
    /// Stage-to-stage transfer time for one micro-batch (zero without pipeline parallelism).
    public var boundaryCommunication: Seconds
    /// Time of the slowest stage for one micro-batch.
    public var stageTime: Seconds
    /// Pipeline stages.
    public var stages: Int
    /// Micro-batches per step.
    public var microBatches: Int
    /// One layer over the step on one GPU (no bubble).
    public var perLayer: TimeBreakdown
    /// The whole step on the busiest GPU.
    public var total: TimeBreakdown
    /// One MoE layer of one micro-batch after overlap: compute, memory and the communication left exposed.
    public var layer: TimeBreakdown
    /// Each operator of one dense layer for one micro-batch (empty without dense layers).
    public var denseOperators: [OperatorTime]
    /// How communication overlapped computation.
    public var overlap: Overlap
    /// Communication in flight during one MoE layer of one micro-batch: `layerCommunication`, or both halves'
    /// under two-batch overlap.
    public var layerCommunicationInFlight: Seconds
    /// The deployment this step is of.
    public var plan: DisplayPlan?

    /// The operator `op`, if the layer has it.
    public subscript(_ op: LayerOperator) -> OperatorTime? { operators.first { $0.op == op } }
    /// FLOPs of one layer for one micro-batch on one GPU.
    public var layerFLOPs: FLOPs { operators.map(\.flops).sum() }
    /// HBM bytes of one layer for one micro-batch on one GPU.
    public var layerBytes: Bytes { operators.map(\.bytes).sum() }

    /// Column titles of `rows`.
    public var header: [String] { ["operator", "FLOPs", "HBM bytes", "compute", "memory", "time", "bound"] }

    /// "Time of one decode step, by operator".
    public var title: String? { "Time of one \(phase) step, by operator" }

    /// One row per operator (one layer, one micro-batch), then communication, the layer over the step and the step.
    public var cells: [[DisplayCell]] {
        var rows = operators.map { op -> [DisplayCell] in
            [DisplayCell(op.op.rawValue), op.flops.cell, op.bytes.cell, op.roofline.compute.cell,
             op.roofline.memory.cell, op.time.cell, DisplayCell(op.bound.rawValue)]
        }
        rows.append(["collectives", "", "", "", "", layerCommunication.cell, "communication"])
        rows.append(["layer (whole step)", "", "", perLayer.compute.cell, perLayer.memory.cell, perLayer.total.cell, ""])
        rows.append(["step", "", "", total.compute.cell, total.memory.cell, total.total.cell,
                     DisplayCell(total.bubble, text: "bubble \(total.bubble)")])
        return rows
    }

    public var description: String { "\(phase) step: \(total)" }

    /// The figures, without the plan (which a download names once, at the top).
    enum CodingKeys: String, CodingKey {
        case phase, operators, layerCommunication, boundaryCommunication, stageTime, stages, microBatches, perLayer
        case total, layer, denseOperators, overlap, layerCommunicationInFlight
    }
}
