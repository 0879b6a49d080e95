/// One step of a phase laid out in time on every pipeline stage: which micro-batch does what, when, and where a
/// stage waits — the schedule `Deployment.stepBreakdown` times, as segments.
///
/// A micro-batch's pass through a stage takes w = layersPerStage × layer time, plus the send b to the next stage
/// for all but the last; micro-batch j reaches stage s at (s + j)(w + b). Prefill ends when the last micro-batch
/// leaves the last stage; decode repeats every step, so passes that run past the step's end wrap around to its
/// start (the steady state). Idle time is bubble. With overlapped communication each layer's collectives (both
/// halves' under two-batch overlap) run beneath it from its start, and only what the overlap leaves exposed is on
/// the main lane. Every layer is drawn as an MoE layer; dense layers, embedding and head are not drawn apart.
///
/// Guarantees: on every stage the main-lane segments follow one another without gaps and fill [0, step); every
/// duration is in seconds of the step, independent of how the schedule is drawn.
public struct StepSchedule: Hashable, Sendable {
    /// How finely a micro-batch's pass through a stage is cut into segments.
    public enum Granularity: Hashable, Sendable {
        /// Each run of operators with the same bound, then the layer's exposed communication.
        case operators
        /// Each layer's compute, memory and exposed communication.
        case layers
        /// Each pass's compute, memory and communication totals.
        case passes
    }

    /// The plan scheduled.
    public let deployment: Deployment
    /// Prefill or decode.
    public let phase: Phase
    /// The step time: TTFT in prefill, TPOT in decode.
    public let step: Seconds
    /// One layer of one micro-batch on the main lane: compute + memory + exposed communication.
    public let layerTime: Seconds

    private let breakdown: StepBreakdown
    private let compute: Double
    private let memory: Double
    private let communication: Double
    private let exposed: Double

    /// The schedule of `phase` on `deployment`.
    public init(_ deployment: Deployment, _ phase: Phase) {
        self.deployment = deployment
        self.phase = phase
        breakdown = deployment.stepBreakdown(phase)
        step = breakdown.total.total
        compute = breakdown.layer.compute.seconds
        memory = breakdown.layer.memory.seconds
        communication = breakdown.layerCommunicationInFlight.seconds
        exposed = breakdown.layer.communication.seconds
        layerTime = Seconds(compute + memory + exposed)
    }

    /// Every segment, stage by stage: the main lane in time order, then that stage's overlapped segments.
    public func segments(_ granularity: Granularity) -> [TimelineSegment] {
        let step = step.seconds
        guard step > 0, step.isFinite else { return [] }
        let d = deployment
        let layerTime = layerTime.seconds
        let overlap = d.assumptions.overlap != .none
        let layers = d.layout.layersPerStage
        let stages = d.parallelism.pp
        let micro = d.parallelism.microBatches
        let send = breakdown.boundaryCommunication.seconds
        let pass = Double(layers) * layerTime
        // what one pass of one micro-batch through a stage does, as (kind, duration, detail, offset if overlapped)
        var work: [(TimelineSegment.Kind, Double, String, Double?)] = []
        for layer in 0..<layers {
            let layerStart = Double(layer) * layerTime
            switch granularity {
            case .passes:
                break
            case .layers:
                work.append((.compute, compute, "layer \(layer)", nil))
                work.append((.memory, memory, "layer \(layer)", nil))
                work.append((.communication, exposed, "layer \(layer) collectives", nil))
            case .operators:
                // under two-batch overlap the operators run once per half: stretch the micro-batch's runs to the
                // halves' compute and memory time
                let listed = breakdown.operators.map(\.time.seconds).reduce(0, +)
                let stretch = d.assumptions.overlap == .twoBatch && listed > 0 ? (compute + memory) / listed : 1
                var run: (OperatorTime.Bound, Double, [String])?
                for op in breakdown.operators {
                    let time = op.time.seconds * stretch
                    if let current = run, current.0 == op.bound {
                        run = (current.0, current.1 + time, current.2 + [op.op.rawValue])
                    } else {
                        if let current = run {
                            work.append((Self.kind(current.0), current.1, Self.label(layer, current.2), nil))
                        }
                        run = (op.bound, time, [op.op.rawValue])
                    }
                }
                if let current = run { work.append((Self.kind(current.0), current.1, Self.label(layer, current.2), nil)) }
                work.append((.communication, exposed, "layer \(layer) collectives", nil))
            }
            if overlap && communication > 0 {
                work.append((.communication, communication, "layer \(layer) collectives (overlapped)", layerStart))
            }
        }
        if granularity == .passes {
            work.insert(contentsOf: [
                (.compute, compute * Double(layers), "layers", nil), (.memory, memory * Double(layers), "layers", nil),
                (.communication, exposed * Double(layers), "collectives", nil),
            ], at: 0)
        }
        var segments: [TimelineSegment] = []
        for stage in 0..<stages {
            var busy: [TimelineSegment] = []
            let sends = stage < stages - 1 && send > 0
            for j in 0..<micro {
                var t = Double(stage + j) * (pass + (stages > 1 ? send : 0))
                let passStart = t
                var pieces = work.filter { $0.1 > 0 }
                if sends { pieces.append((.communication, send, "send to stage \(stage + 1)", nil)) }
                for (kind, duration, detail, offset) in pieces {
                    let start = offset.map { passStart + $0 } ?? t
                    for (a, b) in Self.wrapped(start, duration, step: step, wraps: phase == .decode) {
                        busy.append(TimelineSegment(stage: stage, kind: kind, start: Seconds(a), duration: Seconds(b - a),
                                                    microBatch: j, detail: detail, overlapped: offset != nil))
                    }
                    if offset == nil { t += duration }
                }
            }
            let main = busy.filter { !$0.overlapped }.sorted { $0.start < $1.start }
            var cursor = 0.0
            for segment in main {
                if segment.start.seconds > cursor + step * 1e-12 {
                    segments.append(Self.bubble(stage, from: cursor, to: segment.start.seconds))
                }
                segments.append(segment)
                cursor = max(cursor, segment.end.seconds)
            }
            if cursor < step - step * 1e-12 { segments.append(Self.bubble(stage, from: cursor, to: step)) }
            segments += busy.filter(\.overlapped).sorted { $0.start < $1.start }
        }
        return segments
    }

    private static func kind(_ bound: OperatorTime.Bound) -> TimelineSegment.Kind { bound == .compute ? .compute : .memory }

    private static func label(_ layer: Int, _ ops: [String]) -> String {
        "layer \(layer): " + (ops.count > 1 ? "\(ops.first ?? "") – \(ops.last ?? "")" : ops.first ?? "")
    }

    private static func bubble(_ stage: Int, from: Double, to: Double) -> TimelineSegment {
        TimelineSegment(stage: stage, kind: .bubble, start: Seconds(from), duration: Seconds(to - from),
                        microBatch: nil, detail: "pipeline bubble")
    }

    /// [start, start + duration) as one or two intervals inside [0, step): wrapped around the end in decode.
    private static func wrapped(_ start: Double, _ duration: Double, step: Double, wraps: Bool) -> [(Double, Double)] {
        guard wraps else { return [(start, start + duration)] }
        var a = start - (start / step).rounded(.down) * step
        if step - a < step * 1e-12 { a = 0 }
        let b = a + duration
        if b <= step * (1 + 1e-12) { return [(a, min(b, step))] }
        return [(a, step), (0, b - step)]
    }
}
