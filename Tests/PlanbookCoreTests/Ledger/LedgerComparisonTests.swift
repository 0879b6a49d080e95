import Foundation
import PlanRecord
import Testing

@testable import PlanbookCore

/// Matching two ledgers number by number, at the precision shown, and what the comparison says.
@Suite struct LedgerComparisonTests {
    private func entry(
        _ key: String, _ value: Double, _ text: String, kind: LedgerEntry.Kind = .inline, section: String = "Memory",
        page: String = "index", unit: String = "s", holds: Bool? = nil, verdict: String? = nil
    ) -> LedgerEntry {
        var entry = LedgerEntry(
            page: page, kind: kind, key: key, section: section, number: PlanRecord.Number(value, unit: unit),
            text: text, holds: holds)
        entry.verdict = verdict
        return entry
    }

    private func compare(_ old: [LedgerEntry], _ new: [LedgerEntry], tolerance: Double = 0) -> LedgerComparison {
        LedgerComparison(
            old: Ledger(entries: old.countingOccurrences()), new: Ledger(entries: new.countingOccurrences()),
            oldName: "old", newName: "new", tolerance: tolerance)
    }

    @Test func numbersAreComparedAtThePrecisionShown() {
        // 10.61 ms and 10.64 ms both show "10.6 ms": no change. 10.66 ms shows "10.7 ms": a change.
        #expect(compare([entry("tpot", 0.01061, "10.6 ms")], [entry("tpot", 0.01064, "10.6 ms")]).isEmpty)
        #expect(!compare([entry("tpot", 0.01061, "10.6 ms")], [entry("tpot", 0.01066, "10.7 ms")]).isEmpty)
        // The same value shown otherwise ("1.00 ms" and "1,000 µs"-style text) is no change: 3 digits each, equal.
        #expect(compare([entry("t", 0.001, "1.00 ms")], [entry("t", 0.0010004, "1.00 ms")]).isEmpty)
        // A unit that changed is a change even at one value.
        #expect(!compare([entry("t", 1, "1")], [entry("t", 1, "1 s", unit: "")]).isEmpty)
    }

    @Test func significantDigitsAreReadFromTheText() {
        #expect(ShownPrecision.significantDigits(in: "10.6 ms") == 3)
        #expect(ShownPrecision.significantDigits(in: "450,000") == 6)
        #expect(ShownPrecision.significantDigits(in: "0.0123") == 3)
        #expect(ShownPrecision.significantDigits(in: "at least 8.18 ms") == 3)
        #expect(ShownPrecision.significantDigits(in: "1.20×") == 3)
        #expect(ShownPrecision.significantDigits(in: "—") == nil)
        #expect(ShownPrecision.rounded(0.010649, digits: 3) == 0.0106)
        #expect(ShownPrecision.rounded(123_456, digits: 2) == 120_000)
    }

    @Test func aToleranceHidesSmallerChanges() {
        // 10.0 → 10.4 is +4 %: a change at 1 %, none at 5 %.
        let old = [entry("t", 10, "10.0")]
        let new = [entry("t", 10.4, "10.4")]
        #expect(compare(old, new, tolerance: 0.01).differences.count == 1)
        #expect(compare(old, new, tolerance: 0.05).isEmpty)
        let change = compare(old, new).differences[0]
        #expect(abs((change.ratio ?? 0) - 1.04) < 1e-12)
        #expect(ChangeFormat.ratio(change) == "1.04×")
        #expect(ChangeFormat.relative(change) == "+4.00 %")
    }

    @Test func aRenamedSectionStillMatchesItsInlineValues() {
        let old = [
            entry("model.layers", 16, "16", section: "The model"), entry("batch", 128, "128", section: "The model"),
        ]
        let new = [entry("model.layers", 16, "16", section: "Model"), entry("batch", 256, "256", section: "Model")]
        let comparison = compare(old, new)
        #expect(comparison.changes.map(\.status) == [.unchanged, .changed])
        // A table cell's identity has no section: it moves with its table.
        let table = compare(
            [entry("Memory / KV / GB", 1, "1", kind: .tableCell, section: "A")],
            [entry("Memory / KV / GB", 1, "1", kind: .tableCell, section: "B")])
        #expect(table.changes.map(\.status) == [.unchanged])
    }

    @Test func theSameExpressionTwiceInASectionIsTwoNumbers() {
        let old = [entry("batch", 128, "128"), entry("batch", 128, "128")]
        let new = [entry("batch", 128, "128"), entry("batch", 128, "128"), entry("batch", 128, "128")]
        let comparison = compare(old, new)
        #expect(comparison.changes.map(\.status) == [.unchanged, .unchanged, .appeared])
        #expect(comparison.changes.map { $0.entry.occurrence } == [1, 2, 3])
    }

    @Test func pagesListTheirChangesAppearedThenDisappeared() {
        let old = [entry("a", 1, "1"), entry("gone", 2, "2"), entry("x", 1, "1", page: "other")]
        let new = [entry("a", 3, "3"), entry("new", 4, "4"), entry("x", 1, "1", page: "other")]
        let comparison = compare(old, new)
        #expect(comparison.pages.map(\.slug) == ["index", "other"])
        #expect(comparison.pages[0].changes.map(\.status) == [.changed, .appeared, .disappeared])
        #expect(comparison.summaryLine == "1 number changed, 1 appeared, 1 disappeared (1 unchanged).")
    }

    @Test func aFlippedVerdictIsSaidOnceOnTheClaimsComputedValue() {
        let old = [
            entry("TPOT — computed", 0.0102, "10.2 ms", kind: .claim, holds: true),
            entry("TPOT — paper", 0.011, "11.0 ms", kind: .claim, holds: true),
        ]
        let new = [
            entry("TPOT — computed", 0.0128, "12.8 ms", kind: .claim, holds: false),
            entry("TPOT — paper", 0.011, "11.0 ms", kind: .claim, holds: false),
        ]
        let comparison = compare(old, new)
        #expect(comparison.flips.count == 1)
        #expect(comparison.flips.first?.entry.key == "TPOT — computed")
        let text = comparison.text()
        #expect(
            text.contains(
                "VERDICTS THAT FLIPPED (1)\n  !! index · “TPOT”: holds → DOES NOT HOLD (computed 10.2 ms → 12.8 ms)"))
        // Even when no number moved, a flipped verdict is a difference.
        let same = compare(
            [entry("c — computed", 1, "1", kind: .claim, holds: true)],
            [entry("c — computed", 1, "1", kind: .claim, holds: false)])
        #expect(same.differences.isEmpty && !same.isEmpty)
        // A verdict is compared in the card's words: from "not reproduced" to "cannot hold" (the paper's value now
        // beyond a physical bound) is a flip, though the claim held in neither build.
        let words = compare(
            [entry("c — computed", 1, "1", kind: .claim, holds: false, verdict: "not reproduced")],
            [entry("c — computed", 2, "2", kind: .claim, holds: false, verdict: "cannot hold")])
        #expect(words.flips.count == 1)
        #expect(words.text().contains("!! index · “c”: not reproduced → CANNOT HOLD (computed 1 → 2)"))
        let kept = compare(
            [entry("c — computed", 1, "1", kind: .claim, holds: false, verdict: "not reproduced")],
            [entry("c — computed", 2, "2", kind: .claim, holds: false, verdict: "not reproduced")])
        #expect(kept.flips.isEmpty)
    }

    @Test func markdownCellsEscapeTheirPipes() {
        let comparison = compare([entry("a | b", 1, "1")], [entry("a | b", 2, "2")])
        #expect(comparison.markdown().contains("| § Memory ·  | 1 | 2 | 2.00× | +100 % |"))
        let withPlace = compare(
            [
                LedgerEntry(
                    page: "index", kind: .inline, key: "a", section: "S", number: .init(1), text: "1",
                    place: "“x | y”")
            ],
            [
                LedgerEntry(
                    page: "index", kind: .inline, key: "a", section: "S", number: .init(2), text: "2",
                    place: "“x | y”")
            ])
        #expect(withPlace.markdown().contains("| § S · “x \\| y” | 1 | 2 |"))
    }

    @Test func theLedgerFileReadsBackAsWritten() throws {
        var entry = self.entry("tpot", 0.0102, "10.2 ms", holds: true)
        entry.place = "“Decode takes 10.2 ms.”"
        entry.anchor = "speed"
        entry.headline = "TPOT"
        let ledger = Ledger(
            pages: [.init(slug: "index", title: "T", file: "index.html")], scenario: "h200",
            parameters: [.init(name: "gpu", value: "h200")], entries: [entry])
        let read = try Ledger(json: ledger.json, path: "ledger.json")
        #expect(read == ledger)
        #expect(ledger.json == read.json)
        // Another format is refused with both named.
        let other = Data("{\"format\": \"planbook-ledger-9\", \"pages\": [], \"entries\": []}".utf8)
        #expect(throws: BuildFailure.self) { try Ledger(json: other, path: "x/ledger.json") }
        do {
            _ = try Ledger(json: other, path: "x/ledger.json")
        } catch {
            #expect(
                error.diagnostics.first?.message.contains(
                    "`planbook-ledger-9`, and this planbook reads `planbook-ledger-1`") == true)
        }
    }
}
