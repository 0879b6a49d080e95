import PlanKit

/// One prefill or decode step laid out in time, one row per pipeline stage (the GPUs of a stage work alike):
/// compute, memory-bound and communication segments for each micro-batch, the pipeline bubble where a stage waits,
/// and — when communication overlaps compute — the hidden collectives in a thin lane beneath their layer.
///
/// The times are those of `Deployment.stepBreakdown` (roofline per operator, collectives per layer and stage
/// boundary); each row's main lane fills the step exactly. `show(deployment.timeline(.decode))`.
public struct StepTimeline: Displayable, Hashable, Sendable {
    /// The plan drawn.
    public let deployment: Deployment
    /// Prefill or decode.
    public let phase: Phase
    /// How finely passes are cut into segments.
    public var detail: Detail
    /// The figure caption and the SVG's `<title>`.
    public var title: String

    public init(_ deployment: Deployment, phase: Phase, detail: Detail = .automatic, title: String? = nil) {
        self.deployment = deployment
        self.phase = phase
        self.detail = detail
        self.title = title ?? "One \(phase) step of \(deployment.parallelism): time on each pipeline stage"
    }

    /// The step time: TTFT in prefill, TPOT in decode.
    public var stepTime: Seconds { deployment.stepBreakdown(phase).total.total }

    /// Width of the time axis in pixels (the chart's width less its labels).
    static let plotWidth = ChartStyle.width - 96 - 16

    /// Every segment, stage by stage: the main lane in time order, then that stage's overlapped segments.
    public var segments: [TimelineSegment] {
        let schedule = StepSchedule(deployment, phase)
        return schedule.segments(detail.granularity(layerTime: schedule.layerTime, step: schedule.step,
                                                    plotWidth: Self.plotWidth))
    }

    /// One row per segment, times in seconds.
    public var data: DisplayTable {
        DisplayTable(
            header: ["stage", "micro-batch", "what", "kind", "lane", "start (s)", "end (s)", "duration (s)"],
            cells: segments.map {
                [DisplayCell("\($0.stage)"), DisplayCell($0.microBatch.map(String.init) ?? ""), DisplayCell($0.detail),
                 DisplayCell($0.kind.rawValue), DisplayCell($0.overlapped ? "overlapped" : "main"),
                 ChartNumber.cell($0.start.seconds, unit: "s"), ChartNumber.cell($0.end.seconds, unit: "s"),
                 ChartNumber.cell($0.duration.seconds, unit: "s")]
            })
    }

    /// The deployment drawn.
    public var plan: DisplayPlan? { DisplayPlan(deployment) }

    public var display: Display { Display.chart(svg: svg, title: title, data: data).described(by: plan) }

    /// The chart as a standalone SVG document.
    public var svg: String {
        let segments = segments
        let stages = deployment.parallelism.pp
        let overlap = segments.contains(where: \.overlapped)
        let step = stepTime.seconds
        let axis = ScaledAxis(Axis.seconds("Time in the step").with(domain: 0...max(step, 1e-12)), values: [],
                              targetTicks: 7)
        var items: [ChartLegend.Item] = [
            .init(label: "compute-bound", swatch: .box(fill: ChartPalette.compute)),
            .init(label: "memory-bound", swatch: .box(fill: ChartPalette.memory)),
            .init(label: "communication", swatch: .box(fill: ChartPalette.communication)),
        ]
        if overlap { items.append(.init(label: "communication, overlapped", swatch: .box(fill: "url(#hidden)"))) }
        items.append(.init(label: "pipeline bubble", swatch: .box(fill: "url(#bubble)", stroke: "currentColor")))
        let bar = 22.0
        let lane = overlap ? 9.0 : 0
        let rowHeight = bar + lane + (overlap ? 16 : 14)
        let rowLabels = (0..<stages).map { "GPUs " + GPUList.text(deployment.placement.gpus(inStage: $0)) }
        let frame = ChartFrame(plotHeight: rowHeight * Double(stages), legend: ChartLegend(items),
                               yLabelWidth: max(60, ChartFrame.labelWidth(rowLabels)), yTitle: false)
        var w = SVGWriter()
        frame.drawLegend(into: &w)
        frame.drawXAxis(axis, into: &w)
        func x(_ t: Seconds) -> Double { frame.x(min(1, max(0, t.seconds / step))) }
        for stage in 0..<stages {
            let top = frame.top + Double(stage) * rowHeight + 7
            w.text(frame.left - 8, top + 10, "Stage \(stage)", anchor: "end", extra: ["font-weight": "600"])
            w.text(frame.left - 8, top + 24, rowLabels[stage], anchor: "end", size: 11,
                   extra: ["fill-opacity": SVGWriter.n(ChartStyle.mutedOpacity)])
            w.open("g", ["class": "stage"])
            for s in Self.merged(segments.filter { $0.stage == stage }) {
                let x0 = x(s.start)
                let x1 = x(s.end)
                let fill: String
                switch s.kind {
                case .compute: fill = ChartPalette.compute
                case .memory: fill = ChartPalette.memory
                case .communication: fill = s.overlapped ? "url(#hidden)" : ChartPalette.communication
                case .bubble: fill = "url(#bubble)"
                }
                w.rect(x0, s.overlapped ? top + bar + 2 : top, x1 - x0, s.overlapped ? lane - 2 : bar, fill: fill)
            }
            // where one micro-batch's pass ends and the next begins: a gap and, when there is room, its number
            if deployment.parallelism.microBatches > 1 {
                for pass in Self.passes(segments.filter { $0.stage == stage && !$0.overlapped }) {
                    let x0 = x(pass.start)
                    let x1 = x(pass.end)
                    if pass.start.seconds > 0 {
                        w.line(x0, top, x0, top + bar, opacity: 0.9, width: 1.5, color: "#ffffff")
                    }
                    if x1 - x0 >= 34 {
                        w.text((x0 + x1) / 2, top + 15, "mb \(pass.microBatch)", anchor: "middle", size: 11, extra: [
                            "fill": "#000000", "stroke": "#ffffff", "stroke-width": "2.5", "stroke-opacity": "0.85",
                            "style": "paint-order:stroke", "stroke-linejoin": "round",
                        ])
                    }
                }
            }
            w.close("g")
        }
        frame.drawAxisLines(into: &w, leftLine: false)
        if segments.isEmpty { frame.drawNoData(into: &w) }
        let defs = "<pattern id=\"bubble\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"currentColor\" fill-opacity=\"0.06\"/>"
            + "<rect width=\"1.5\" height=\"6\" fill=\"currentColor\" fill-opacity=\"0.35\"/></pattern>\n"
            + "<pattern id=\"hidden\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" "
            + "patternTransform=\"rotate(-45)\"><rect width=\"4\" height=\"4\" fill=\"\(ChartPalette.communication)\" "
            + "fill-opacity=\"0.45\"/><rect width=\"2\" height=\"4\" fill=\"\(ChartPalette.communication)\"/></pattern>\n"
        return SVGWriter.document(width: frame.width, height: frame.height, title: title,
                                  desc: description(segments), defs: defs, body: w.markup)
    }

    private func description(_ segments: [TimelineSegment]) -> String {
        let b = deployment.stepBreakdown(phase)
        let name = phase == .prefill ? "time to first token" : "time per output token"
        var text = "Timeline of one \(phase) step of \(deployment.parallelism) (\(name) \(b.total.total)), one row per "
            + "pipeline stage, \(ChartNumber.count(deployment.parallelism.microBatches, "micro-batch").replacing("batchs", with: "batches")). "
        for stage in 0..<deployment.parallelism.pp {
            var totals: [String] = []
            for kind in TimelineSegment.Kind.allCases {
                let t = segments.filter { $0.stage == stage && !$0.overlapped && $0.kind == kind }.map(\.duration).sum()
                totals.append("\(kind.rawValue) \(t)")
            }
            text += "Stage \(stage): " + totals.joined(separator: ", ") + ". "
        }
        text += deployment.assumptions.overlapCommunication
            ? "Communication overlaps compute: collectives run beneath their layer, and only the part longer than "
                + "its operators adds to the step."
            : "Communication does not overlap compute: it adds to the step."
        return text
    }
}

extension StepTimeline {
    /// How finely a micro-batch's pass through a stage is cut into segments.
    public enum Detail: Hashable, Sendable {
        /// Operators when a layer is wide enough to show them, else layers, else whole passes.
        case automatic
        /// Each run of operators with the same bound, then the layer's exposed communication.
        case operators
        /// Each layer's compute, memory and exposed communication.
        case layers
        /// Each pass's compute, memory and communication totals.
        case passes

        /// The schedule's granularity for this detail: `.automatic` shows operators when one layer is at least
        /// 40 px wide on a plot `plotWidth` px wide, layers when it is at least 5 px, else whole passes.
        func granularity(layerTime: Seconds, step: Seconds, plotWidth: Double) -> StepSchedule.Granularity {
            switch self {
            case .operators: return .operators
            case .layers: return .layers
            case .passes: return .passes
            case .automatic:
                let layerPixels = plotWidth * layerTime.seconds / step.seconds
                return layerPixels >= 40 ? .operators : layerPixels >= 5 ? .layers : .passes
            }
        }
    }

    /// Neighbouring segments of one kind, lane and micro-batch joined, so that the drawing has no seams.
    static func merged(_ segments: [TimelineSegment]) -> [TimelineSegment] {
        var out: [TimelineSegment] = []
        for s in segments {
            if let last = out.last, last.kind == s.kind, last.overlapped == s.overlapped,
               last.microBatch == s.microBatch, abs(last.end.seconds - s.start.seconds) <= 1e-15 + 1e-9 * s.end.seconds {
                out[out.count - 1].duration = s.end - last.start
            } else {
                out.append(s)
            }
        }
        return out
    }

    /// Each micro-batch's stretches of the main lane: (micro-batch, start, end), split where a pass wraps.
    static func passes(_ main: [TimelineSegment]) -> [(microBatch: Int, start: Seconds, end: Seconds)] {
        var out: [(microBatch: Int, start: Seconds, end: Seconds)] = []
        for s in main {
            guard let mb = s.microBatch else { continue }
            if let last = out.last, last.microBatch == mb, abs(last.end.seconds - s.start.seconds) <= 1e-9 * s.end.seconds {
                out[out.count - 1].end = s.end
            } else {
                out.append((mb, s.start, s.end))
            }
        }
        return out
    }
}

extension Axis {
    /// This axis with a fixed domain.
    func with(domain: ClosedRange<Double>) -> Axis {
        var axis = self
        axis.domain = domain
        return axis
    }
}
