import Testing
@testable import PlanCharts
import PlanKit

@Suite struct ChartDeploymentTests {
    typealias F = ChartFixtures

    @Test func largeEPHeatmapHasOneGPUPerCell() throws {
        let map = try F.largeEP.placementHeatmap
        #expect(map.cells.count == 256)
        let cell = map.cell(layer: 3, expert: 5)
        #expect(cell.gpus == [5] && cell.label == "5")
        // GPU 5 takes the sixth palette colour; GPU 13 (node 1) the same hue striped
        #expect(map.fill(ofGPU: 5) == ChartPalette.color(5))
        #expect(map.fill(ofGPU: 13) == "url(#gpu-v1-h5)")
        let svg = map.svg
        // 16 layers × one cell of GPU 5 each, its legend swatch, and the ground of GPU 13's striped pattern
        #expect(SVGCheck.count("fill=\"\(ChartPalette.color(5))\"", in: svg) == 16 + 1 + 1)
        #expect(svg.contains("<pattern id=\"gpu-v1-h5\""))
        #expect(SVGCheck.count(">5</text>", in: svg) == 16 + 1 + 1 + 1)  // cells, legend, expert and layer axes
        #expect(map.data.rows.count == 256 && map.data.rows[3 * 16 + 5] == ["3", "5", "0", "5"])
        #expect(svg.contains(">Node 0</text>") && svg.contains(">Node 1</text>"))
    }

    @Test func tensorParallelHeatmapShowsShardRanges() throws {
        let map = try F.baseline.placementHeatmap
        for cell in map.cells {
            #expect(cell.label == (cell.layer < 8 ? "0–7" : "8–15"))
        }
        let svg = map.svg
        #expect(SVGCheck.count(">0–7</text>", in: svg) == 8 * 16)
        // A cell is (560 − 49 − 62) / 16 = 28.1 px wide, 27.1 without its gap: room for "0–7" (1.9 em × 12 px + 4 =
        // 26.8 px) but not for "8–15" (2.22 em × 12 + 4 = 30.6 px), which each row's run of 16 cells shows once.
        #expect(SVGCheck.count(">8–15</text>", in: svg) == 8)
        // each cell is split into 8 stripes, one per shard: 256 cells × 8 rectangles, plus 16 legend swatches
        #expect(SVGCheck.count("<rect", in: svg) - SVGCheck.count("<rect width=", in: svg) == 256 * 8 + 16)
        #expect(svg.contains(">stage 1</text>"))
        #expect(map.svg.contains("each split into 8 tensor shards"))
    }

    /// Checks that each stage's main lane runs from 0 to the step time without gaps or overlaps.
    private func checkLanes(_ timeline: StepTimeline) {
        let step = timeline.stepTime.seconds
        for stage in 0..<timeline.deployment.parallelism.pp {
            let main = timeline.segments.filter { $0.stage == stage && !$0.overlapped }
            let sum = main.map(\.duration.seconds).reduce(0, +)
            #expect(F.close(sum, step, 1e-9), "stage \(stage): \(sum) vs \(step)")
            #expect(main.first?.start.seconds == 0)
            for (a, b) in zip(main, main.dropFirst()) {
                #expect(abs(a.end.seconds - b.start.seconds) <= 1e-12 * step)
            }
        }
    }

    @Test func timelineSegmentsFillTheStep() throws {
        var overlap = Assumptions.default
        overlap.overlapCommunication = true
        let pipelined = try Deployment(F.model, F.workload, on: F.cluster,
                                       parallelism: Parallelism(ep: 8, pp: 2, microBatches: 4), assumptions: overlap)
        for d in [try F.largeEP, try F.baseline, pipelined] {
            for phase in Phase.allCases {
                checkLanes(StepTimeline(d, phase: phase))
                for detail in [StepTimeline.Detail.operators, .layers, .passes] {
                    checkLanes(StepTimeline(d, phase: phase, detail: detail))
                }
            }
        }
        // with overlap the collectives also run beneath their layers
        #expect(pipelined.timeline(.decode).segments.contains { $0.overlapped && $0.kind == .communication })
    }

    @Test func busiestStageMatchesTheStepBreakdown() throws {
        // the first stage of TP=8 × PP=2 does the busiest GPU's work: its totals are StepBreakdown.total's
        let d = try F.baseline
        for phase in Phase.allCases {
            let total = d.stepBreakdown(phase).total
            let stage0 = d.timeline(phase).segments.filter { $0.stage == 0 && !$0.overlapped }
            func sum(_ kind: TimelineSegment.Kind) -> Double {
                stage0.filter { $0.kind == kind }.map(\.duration.seconds).reduce(0, +)
            }
            #expect(F.close(sum(.compute), total.compute.seconds, 1e-9))
            #expect(F.close(sum(.memory), total.memory.seconds, 1e-9))
            #expect(F.close(sum(.communication), total.communication.seconds, 1e-9))
            #expect(F.close(sum(.bubble), total.bubble.seconds, 1e-6))
        }
        // decode with one micro-batch: stage 1 waits while stage 0 works, so each has a bubble
        let decode = d.timeline(.decode)
        #expect(decode.segments.filter { $0.kind == .bubble }.map(\.stage) == [0, 1])
        #expect(decode.data.rows.count == decode.segments.count)
        #expect(decode.data.header.contains("duration (s)"))
        #expect(decode.svg.contains(">Stage 1</text>") && decode.svg.contains(">GPUs 8–15</text>"))
    }

    @Test func paretoOfPlansPutsPerUserSpeedOnX() throws {
        let chart = ParetoChart.decode([("EP=16", try F.largeEP), ("TP=8 × PP=2", try F.baseline)])
        let ep = try F.largeEP.performance.decode
        let point = try #require(chart.points.first)
        #expect(F.close(point.x, 1 / ep.tpot.seconds) && F.close(point.y, ep.tokensPerSecond.perSecond / 16))
        #expect(chart.data.header == ["plan", "Speed per user (tokens/s)", "Throughput per GPU (tokens/s)",
                                      "on Pareto front"])
    }
}
