import Testing
@testable import PlanKit

@Suite("Two-batch overlap")
struct OverlapTests {
    typealias F = CoreFixtures

    @Test func twoBatchLayerTimeByHand() {
        // attention side 3, expert side 1, dispatch 2, combine 2 (per half):
        // max(3, 2) + max(1, 2) + max(1, 2) + max(3, 2) = 3 + 2 + 2 + 3 = 10
        #expect(twoBatchLayerTime(attention: 3, experts: 1, dispatch: 2, combine: 2) == 10)
        // without overlap the halves take 2 × (3 + 1) + 2 × (2 + 2) = 16; the bound max(8, 8) = 8 is not reached
        // because the expert side is too short to hide the all-to-alls
        // with compute slowed 1.25× beside an SM-driven kernel: 3.75 + 2 + 2 + 3.75 = 11.5
        #expect(twoBatchLayerTime(attention: 3, experts: 1, dispatch: 2, combine: 2, slowdown: 1.25) == 11.5)
        // no communication: both halves' compute, 2 × (3 + 1) = 8
        #expect(twoBatchLayerTime(attention: 3, experts: 1, dispatch: 0, combine: 0, slowdown: 1.25) == 8)
        // communication-bound: 2 × (2 + 2) = 8 with compute 0.5 + 0.5 per half
        #expect(twoBatchLayerTime(attention: 0.5, experts: 0.5, dispatch: 2, combine: 2) == 8)
    }

    @Test func twoBatchOverlapIsBoundedByFullOverlap() throws {
        // DeepSeek-V3's decode layout (EP144, 88 sequences per GPU): the all-to-alls are a third of the layer, so
        // hiding them behind the other half's compute pays for reading the weights twice
        var a = Assumptions.default
        func tpot(_ overlap: Overlap) throws -> Double {
            a.overlap = overlap
            let d = try Deployment(.deepSeekV3, Workload(batch: 88 * 144, sequenceLength: 4_989, precisions: .deepSeekV3),
                                   on: Cluster(gpu: .h800, nodes: 18, gpusPerNode: 8),
                                   parallelism: Parallelism(ep: 144, redundantExperts: 32), serving: .decode,
                                   assumptions: a)
            return d.performance.decode.tpot.seconds
        }
        let none = try tpot(.none)
        let two = try tpot(.twoBatch)
        let full = try tpot(.full)
        #expect(full < two && two < none)
        // with little to hide (the seed model's decode on EP = 16) the second weight read makes it slower than none
        var b = F.handWorked
        b.overlap = .twoBatch
        let seed = try Deployment(F.model, F.workload, on: F.cluster, parallelism: .expert(16), assumptions: b)
        #expect(seed.performance.decode.tpot > (try F.largeEP).performance.decode.tpot)
    }

    @Test func theTimelineShowsWhatIsHidden() throws {
        var a = F.handWorked
        a.overlap = .twoBatch
        let d = try Deployment(F.model, F.workload, on: F.cluster, parallelism: .expert(16), assumptions: a)
        let schedule = StepSchedule(d, .decode)
        let segments = schedule.segments(.layers)
        let hidden = segments.filter(\.overlapped).map(\.duration).sum()
        // both halves' collectives run beneath the layers: 16 layers × the halves' in-flight communication
        let breakdown = d.stepBreakdown(.decode)
        #expect(F.close(hidden.seconds, 16 * breakdown.layerCommunicationInFlight.seconds, 1e-9))
        #expect(F.close(schedule.layerTime.seconds, breakdown.layer.total.seconds, 1e-12))
        // one stage, one micro-batch: operator by operator the main lane fills the step, with no bubble
        for granularity in [StepSchedule.Granularity.operators, .layers, .passes] {
            let main = schedule.segments(granularity).filter { !$0.overlapped }
            #expect(!main.contains { $0.kind == .bubble }, "\(granularity)")
            #expect(F.close(main.map(\.duration).sum().seconds, schedule.step.seconds, 1e-9), "\(granularity)")
        }
    }
}
