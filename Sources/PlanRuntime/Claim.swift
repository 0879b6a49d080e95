import PlanKit
internal import PlanRecord

/// Sets a paper's number beside the one the study computes: a claim card under the block, with both values, their
/// ratio (computed / paper) and a verdict — it holds when |ratio − 1| ≤ `tolerance` — and a line in the page's
/// claims summary. `planbook check --strict` fails on a claim that does not hold.
public func claim(
    _ label: String, paper: Double, computed: Double, tolerance: Double = 0.10,
    file: String = #filePath, line: Int = #line
) {
    sendClaim(label, paper: InlineFormat.value(paper), computed: InlineFormat.value(computed), check: .withinTolerance,
              tolerance: tolerance, place: PlanRecord.Place(file: file, line: line))
}

/// A claim about a quantity; `paper` is in the quantity's base unit (seconds, bytes, FLOPs, items per second).
public func claim<Q: Quantity>(
    _ label: String, paper: Double, computed: Q, tolerance: Double = 0.10,
    file: String = #filePath, line: Int = #line
) {
    claim(label, paper: Q(paper), computed: computed, tolerance: tolerance, file: file, line: line)
}

/// A claim about a quantity, the paper's value given as a quantity of the same unit.
public func claim<Q: Quantity>(
    _ label: String, paper: Q, computed: Q, tolerance: Double = 0.10,
    file: String = #filePath, line: Int = #line
) {
    sendClaim(label, paper: InlineFormat.value(inUnit(of: computed, paper)), computed: InlineFormat.value(computed),
              check: .withinTolerance, tolerance: tolerance, place: PlanRecord.Place(file: file, line: line))
}

/// A claim checked against a physical floor: it can hold only if the paper's value is at least `bound` (a time per
/// token cannot beat the time to read the weights and KV cache). `paper` is in the quantity's base unit.
public func claim<Q: Quantity>(
    _ label: String, paper: Double, atLeast bound: Q, file: String = #filePath, line: Int = #line
) {
    sendBound(label, paper: Q(paper), bound: bound, check: .atLeast, place: PlanRecord.Place(file: file, line: line))
}

/// A claim checked against a physical ceiling: it can hold only if the paper's value is at most `bound` (a throughput
/// cannot beat peak compute). `paper` is in the quantity's base unit.
public func claim<Q: Quantity>(
    _ label: String, paper: Double, atMost bound: Q, file: String = #filePath, line: Int = #line
) {
    sendBound(label, paper: Q(paper), bound: bound, check: .atMost, place: PlanRecord.Place(file: file, line: line))
}

/// `claim(_:paper:atLeast:)` with the paper's value given as a quantity.
public func claim<Q: Quantity>(_ label: String, paper: Q, atLeast bound: Q, file: String = #filePath, line: Int = #line) {
    claim(label, paper: paper.value, atLeast: bound, file: file, line: line)
}

/// `claim(_:paper:atMost:)` with the paper's value given as a quantity.
public func claim<Q: Quantity>(_ label: String, paper: Q, atMost bound: Q, file: String = #filePath, line: Int = #line) {
    claim(label, paper: paper.value, atMost: bound, file: file, line: line)
}

/// `value` shown in the unit of `reference` (a paper's rate in the computed rate's tokens, FLOP or bytes).
private func inUnit<Q: Quantity>(of reference: Q, _ value: Q) -> Q {
    guard let rate = reference as? Rate, var shown = value as? Rate else { return value }
    shown.unit = rate.unit
    return shown as! Q
}

private func sendBound<Q: Quantity>(
    _ label: String, paper: Q, bound: Q, check: PlanRecord.Claim.Check, place: PlanRecord.Place
) {
    var computed = InlineFormat.value(bound)
    computed.text = (check == .atLeast ? "at least " : "at most ") + computed.text
    let holds = check == .atLeast ? paper.value >= bound.value : paper.value <= bound.value
    sendClaim(label, paper: InlineFormat.value(inUnit(of: bound, paper)), computed: computed, check: check,
              tolerance: 0, place: place, holds: holds)
}

private func sendClaim(
    _ label: String, paper: PlanRecord.Value, computed: PlanRecord.Value, check: PlanRecord.Claim.Check,
    tolerance: Double, place: PlanRecord.Place, holds verdict: Bool? = nil
) {
    let paperValue = paper.number?.value ?? .nan
    let computedValue = computed.number?.value ?? .nan
    let ratio = paperValue == 0 ? Double.infinity : computedValue / paperValue
    let ratioValue = ratio.isFinite
        ? PlanRecord.Value(SIFormat.significant(ratio) + "×", number: PlanRecord.Number(ratio, unit: "×"))
        : PlanRecord.Value("—")
    RecordChannel.send(.claim(cell: PlanbookCells.current, PlanRecord.Claim(
        label: label, paper: paper, computed: computed, ratio: ratioValue, check: check, tolerance: tolerance,
        holds: verdict ?? (abs(ratio - 1) <= tolerance), place: place)))
}
