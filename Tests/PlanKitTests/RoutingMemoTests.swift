import Foundation
import Synchronization
import Testing

@testable import PlanKit

/// A simulation recalled from a `RoutingMemo` is the one that would be drawn; what the memo holds is checked, and an
/// entry that is not well formed is drawn again.
@Suite("Routing memo")
struct RoutingMemoTests {
    /// A memo in a dictionary, counting what it is asked and told.
    final class DictionaryMemo: Sendable {
        let entries = Mutex<[String: String]>([:])
        let recalls = Mutex(0)
        let remembered = Mutex(0)

        var memo: RoutingMemo {
            RoutingMemo(
                recall: { key in
                    self.recalls.withLock { $0 += 1 }
                    return self.entries.withLock { $0[key] }
                },
                remember: { value, key in
                    self.remembered.withLock { $0 += 1 }
                    self.entries.withLock { $0[key] = value }
                })
        }
    }

    /// 4 layers of 8 experts, top-2: with 12,500 tokens or more a simulation makes the 100,000 picks (4 × 12,500 × 2)
    /// that are worth remembering.
    let model = MoEModel(layers: 4, expertsPerLayer: 8, hidden: 128, topK: 2)

    @Test func aRecalledSimulationIsTheOneDrawn() throws {
        let store = DictionaryMemo()
        let drawn = RoutingSimulation(model: model, tokens: 20_000, distribution: .zipf(1.2), seed: 7, memo: nil)
        let first = RoutingSimulation(model: model, tokens: 20_000, distribution: .zipf(1.2), seed: 7, memo: store.memo)
        // The first is drawn and remembered: one entry, under the key that names every input.
        let key = try #require(RoutingMemo.key(
            layers: 4, experts: 8, topK: 2, tokens: 20_000, distribution: .zipf(1.2), seed: 7))
        #expect(store.entries.withLock { Array($0.keys) } == [key])
        #expect(store.remembered.withLock { $0 } == 1)
        // The second is recalled — asked for, and not drawn and remembered again — and holds the same counts and
        // rankings as a draw.
        let second = RoutingSimulation(model: model, tokens: 20_000, distribution: .zipf(1.2), seed: 7, memo: store.memo)
        #expect(store.recalls.withLock { $0 } == 2)
        #expect(store.remembered.withLock { $0 } == 1)
        #expect(first == drawn)
        #expect(second == drawn)
        // Each layer's counts add up to 20,000 tokens × 2 picks.
        #expect(second.expertCounts.allSatisfy { $0.reduce(0, +) == 40_000 })
    }

    @Test func aSmallSimulationIsDrawnNotRemembered() {
        // 4 layers × 12,499 tokens × 2 picks = 99,992 picks, under the 100,000 worth remembering; 12,500 make 100,000.
        let store = DictionaryMemo()
        _ = RoutingSimulation(model: model, tokens: 12_499, distribution: .uniform, seed: 1, memo: store.memo)
        #expect(store.recalls.withLock { $0 } == 0 && store.entries.withLock { $0.isEmpty })
        _ = RoutingSimulation(model: model, tokens: 12_500, distribution: .uniform, seed: 1, memo: store.memo)
        #expect(store.entries.withLock { $0.count } == 1)
        #expect(!RoutingMemo.remembers(layers: 4, tokens: 12_499, picks: 2))
        #expect(RoutingMemo.remembers(layers: 4, tokens: 12_500, picks: 2))
        // So many that the count overflows: certainly worth it. None at all: nothing to remember.
        #expect(RoutingMemo.remembers(layers: 2, tokens: .max, picks: 2))
        #expect(!RoutingMemo.remembers(layers: 0, tokens: 1_000_000, picks: 2))
    }

    @Test func everyInputOfTheDrawIsInTheKey() {
        func key(_ layers: Int = 4, _ experts: Int = 8, _ topK: Int = 2, _ tokens: Int = 500,
                 _ distribution: RoutingDistribution = .zipf(1.2), _ seed: UInt64 = 7) -> String? {
            RoutingMemo.key(
                layers: layers, experts: experts, topK: topK, tokens: tokens, distribution: distribution, seed: seed)
        }
        let keys = [
            key(), key(5), key(4, 9), key(4, 8, 3), key(4, 8, 2, 501), key(4, 8, 2, 500, .zipf(1.2.nextUp)),
            key(4, 8, 2, 500, .uniform), key(4, 8, 2, 500, .zipf(1.2), 8),
        ]
        #expect(Set(keys.compactMap { $0 }).count == 8)
        // Given counts are not drawn, so they are never remembered.
        #expect(key(4, 8, 2, 500, .counts([1, 2])) == nil)
    }

    @Test func aDamagedEntryIsDrawnAgain() throws {
        let drawn = RoutingSimulation(model: model, tokens: 15_000, distribution: .uniform, seed: 3, memo: nil)
        let key = try #require(RoutingMemo.key(
            layers: 4, experts: 8, topK: 2, tokens: 15_000, distribution: .uniform, seed: 3))
        let good = RoutingMemo.text(counts: drawn.expertCounts, rankings: drawn.rankings)
        var lines = good.split(separator: "\n").map(String.init)
        // One count moved from one expert to another still adds up: a well-formed entry is trusted as it is.
        var moved = drawn.expertCounts
        moved[0][0] += 1
        moved[0][1] -= 1
        lines[0] = lines[0] + " 1"
        let damaged = [
            "",  // empty
            good.replacingFirst("\n", with: " "),  // a line short
            lines.joined(separator: "\n"),  // a row of nine counts
            good.replacingFirst(" ", with: " 1"),  // counts no longer add up to 30,000
            RoutingMemo.text(counts: drawn.expertCounts, rankings: [[0, 0, 1, 2, 3, 4, 5, 6]] + drawn.rankings.dropFirst()),
            RoutingMemo.text(counts: drawn.expertCounts.map { $0.map { -$0 } }, rankings: drawn.rankings),
            good + "\n",
        ]
        for text in damaged {
            let store = DictionaryMemo()
            store.entries.withLock { $0[key] = text }
            let simulation = RoutingSimulation(model: model, tokens: 15_000, distribution: .uniform, seed: 3, memo: store.memo)
            #expect(simulation == drawn)
            // It is drawn again and the entry replaced with the counts drawn.
            #expect(store.entries.withLock { $0[key] } == good)
        }
        let store = DictionaryMemo()
        store.entries.withLock { $0[key] = RoutingMemo.text(counts: moved, rankings: drawn.rankings) }
        let recalled = RoutingSimulation(model: model, tokens: 15_000, distribution: .uniform, seed: 3, memo: store.memo)
        #expect(recalled.expertCounts == moved)
    }
}

extension String {
    /// This text with its first `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
