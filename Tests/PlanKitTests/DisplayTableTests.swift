import Testing
@testable import PlanKit

/// PlanKit's tables as a page shows them: every number a typed cell (value, unit, text), a default caption, and the
/// plan each describes.
@Suite struct DisplayTableTests {
    typealias F = CoreFixtures

    /// Every table a deployment builds, by name.
    static func tables(_ d: Deployment) -> [(String, any TableDisplayable)] {
        let routing = RoutingSimulation(model: F.model, tokens: 64, distribution: .zipf(1.2), seed: 1)
        return [
            ("memory", d.memory), ("memory in prefill", d.memory(for: .prefill)), ("GPU 3", d.memoryFootprint(ofGPU: 3)),
            ("performance", d.performance), ("prefill breakdown", d.performance.prefill.breakdown),
            ("decode step", d.stepBreakdown(.decode)), ("prefill collectives", d.communication.prefill),
            ("decode collectives", d.communication(for: .decode)), ("dimensions", d.dimensions),
            ("decode floor", d.decodeMemoryFloor()), ("routing load", routing.load(on: d)),
            ("routing", routing), ("layer 0", routing.tokensPerExpert(layer: 0)),
            ("overflow", routing.overflow(capacityFactor: 1.25)),
        ]
    }

    @Test(arguments: ["largeEP", "baseline"])
    func everyNumberATableShowsKeepsItsValue(_ name: String) throws {
        let d = try name == "largeEP" ? F.largeEP : F.baseline
        for (table, value) in Self.tables(d) {
            #expect(!value.cells.isEmpty, "\(table)")
            for row in value.cells {
                #expect(row.count == value.header.count, "\(table)")
                // A cell that reads as a number (beyond the row's label, a layer or expert index) keeps it.
                for cell in row.dropFirst() where cell.text.first?.isNumber == true || cell.text.hasPrefix("[") {
                    #expect(cell.value != nil, "\(table): \(cell.text) is text only")
                }
            }
            #expect(value.rows == value.cells.map { $0.map(\.text) }, "\(table)")
            #expect(value.title?.isEmpty == false, "\(table) has no caption")
        }
    }

    @Test func memoryCellsKeepBytesAndShares() throws {
        let memory = try F.largeEP.memory
        let weights = memory.cells[5]
        // 6,444,548,096 B of weights (MemoryTests), 6,444,548,096 / 80e9 = 8.0557 % of capacity
        #expect(weights[0] == DisplayCell("weights"))
        #expect(weights[1] == DisplayCell(6_444_548_096, text: "6.44 GB", unit: "B"))
        #expect(weights[2].unit == "%" && weights[2].text == "8.06 %")
        #expect(F.close(weights[2].value ?? 0, 8.0556851200, 1e-9))
        #expect(memory.title == "Memory per GPU")
        #expect(try F.largeEP.memory(for: .decode).title == "Memory per GPU in decode")
        #expect(try F.largeEP.memoryFootprint(ofGPU: 3).title == "Memory of GPU 3")
    }

    @Test func performanceAndStepCellsKeepSeconds() throws {
        let d = try F.largeEP
        let performance = d.performance
        let decode = performance.cells[1]
        #expect(decode[1] == DisplayCell(performance.decode.tpot))
        #expect(decode[1].unit == "s" && decode[1].value == performance.decode.tpot.seconds)
        // decode tokens/s = batch / TPOT = 128 / TPOT
        #expect(decode[2].unit == "tokens/s" && F.close(decode[2].value ?? 0, 128 / performance.decode.tpot.seconds))
        let step = d.stepBreakdown(.prefill).cells.last ?? []
        #expect(step[0].text == "step" && step[5].value == d.performance.prefill.ttft.seconds)
        // the bubble keeps its number beside its words
        #expect(step[6].text.hasPrefix("bubble ") && step[6].unit == "s")
    }

    @Test func shapesKeepTheirElementCounts() throws {
        // Large EP's prefill: the attention norm's input x is [1,280,000 × 4,096] globally (128 sequences ×
        // 10,000 tokens) = 5,242,880,000 elements, and [80,000 × 4,096] = 327,680,000 on one GPU (tokens by EP)
        let input = try #require(try F.largeEP.dimensions.cells.first)
        #expect(input[2] == DisplayCell(5_242_880_000, text: "[1,280,000 × 4,096]", unit: "elements"))
        #expect(input[3] == DisplayCell("tokens by EP"))
        #expect(input[4] == DisplayCell(327_680_000, text: "[80,000 × 4,096]", unit: "elements"))
    }

    @Test func routingCellsKeepCountsSharesAndRatios() {
        // 4 experts, counts 10, 4, 2, 0: total 16, mean 4, max 10 → imbalance 10 / 4 = 2.50×; E0's share 62.5 %
        let model = MoEModel(layers: 1, expertsPerLayer: 4, hidden: 64, topK: 1)
        let routing = RoutingSimulation(model: model, tokens: 16, distribution: .counts([10, 4, 2, 0]))
        #expect(routing.tokensPerExpert(layer: 0).cells[0] == [DisplayCell("E0"), DisplayCell(10), .percent(0.625, decimals: 1)])
        #expect(routing.cells[0][4] == DisplayCell(2.5, text: "2.50×", unit: "×"))
        // capacity ⌈1.0 × 16 / 4⌉ = 4: 10 − 4 = 6 dropped
        #expect(routing.overflow(capacityFactor: 1).cells[0].map(\.value) == [nil, 4, 6, 16])
    }

    @Test func everyFigureOfADeploymentNamesItsPlan() throws {
        let d = try F.baseline
        for (table, value) in Self.tables(d).filter({ !["routing", "layer 0", "overflow"].contains($0.0) }) {
            #expect(value.plan?.deployment == d, "\(table)")
            #expect(value.plan?.name == "TP=8 × PP=2", "\(table)")
            guard case .describing(let plan, .table) = value.display else {
                Issue.record("\(table) does not describe its plan")
                continue
            }
            #expect(plan.name == "TP=8 × PP=2")
        }
        #expect(d.placement.plan?.deployment == d && d.dag(.collapsed).plan?.deployment == d)
        guard case .describing(let plan, .group(let both)) = d.communication.display else {
            Issue.record("the communication report does not describe its plan")
            return
        }
        #expect(plan.name == "TP=8 × PP=2" && both.count == 2)
        // A routing simulation is of the model, not of a plan.
        #expect(RoutingSimulation(model: F.model, tokens: 8, distribution: .uniform).plan == nil)
    }

    @Test func aPlanKnowsWhetherItFitsAndWhatTellsItApart() throws {
        // the baseline needs 98.8 GB of 80 GB (MemoryTests); Large EP 36.6 GB
        #expect(try !DisplayPlan(F.baseline).fits)
        #expect(try DisplayPlan(F.largeEP).fits)
        #expect(try DisplayPlan(F.largeEP).detail == "EP=16 at batch 128, 10,000 tokens, on 2 × 8 H100 SXM")
        // the stored placement describes no plan, so that a Deployment holds no copy of itself
        #expect(try F.largeEP.layout.plan == nil)
    }

    @Test func aFitCheckIsHeardOnlyForAFootprintOfAPlan() throws {
        // a plan no other test makes (batch 96), so that other tests' checks, heard too, are told apart
        let d = try Deployment(F.model, Workload(batch: 96, sequenceLength: 1_000, precision: .bf16), on: F.cluster,
                               parallelism: .expert(16))
        nonisolated(unsafe) var heard = 0
        DeploymentObserver.fitChecked = { if $0 == d { heard += 1 } }
        defer { DeploymentObserver.fitChecked = nil }
        _ = d.memory.fits
        _ = d.memory.description  // its own text does not count as a check
        _ = DisplayPlan(d).fits  // nor does the page asking whether to mark it
        var handMade = d.memory
        handMade.plan = nil
        _ = handMade.fits
        #expect(heard == 1)
    }
}
