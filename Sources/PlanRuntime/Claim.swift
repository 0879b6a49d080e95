import PlanKit
internal import PlanRecord

/// Sets a paper's number beside the one the study computes: a claim card under the block, with both values, their
/// ratio (computed / paper) and a verdict — it holds when |ratio − 1| ≤ `tolerance` — and a line in the findings
/// panel at the top of the page. `planbook check --strict` fails on a claim that does not hold.
public func claim(
    _ label: String, paper: Double, computed: Double, tolerance: Double = 0.10,
    file: String = #filePath, line: Int = #line
) {
    sendClaim(label, paper: InlineFormat.value(paper), computed: InlineFormat.value(computed), check: .withinTolerance,
              tolerance: tolerance, place: PlanRecord.Place(file: file, line: line))
}

/// A claim about a quantity; `paper` is in the quantity's base unit (seconds, bytes, FLOPs, items per second).
/// With `bound`, the paper's value is also held against a physical floor or ceiling, and the verdict says both:
/// "computed 644k tokens/s — 1.43× the paper's 450k: not reproduced, though below the compute ceiling".
public func claim<Q: Quantity>(
    _ label: String, paper: Double, computed: Q, tolerance: Double = 0.10, bound: ClaimBound<Q>? = nil,
    file: String = #filePath, line: Int = #line
) {
    claim(label, paper: Q(paper), computed: computed, tolerance: tolerance, bound: bound, file: file, line: line)
}

/// A claim about a quantity, the paper's value given as a quantity of the same unit (see above for `bound`).
public func claim<Q: Quantity>(
    _ label: String, paper: Q, computed: Q, tolerance: Double = 0.10, bound: ClaimBound<Q>? = nil,
    file: String = #filePath, line: Int = #line
) {
    let shown = inUnit(of: computed, paper)
    sendClaim(label, paper: InlineFormat.value(shown), computed: InlineFormat.value(computed),
              check: .withinTolerance, tolerance: tolerance, place: PlanRecord.Place(file: file, line: line),
              bound: bound.map { $0.record(paper: paper, shownAs: computed) })
}

/// A claim checked against a physical floor: it can hold only if the paper's value is at least `bound` (a time per
/// token cannot beat the time to read the weights and KV cache). `paper` is in the quantity's base unit; `name`
/// says what the bound is in the verdict ("the memory floor").
public func claim<Q: Quantity>(
    _ label: String, paper: Double, atLeast bound: Q, bound name: String = "the floor",
    file: String = #filePath, line: Int = #line
) {
    sendBound(label, paper: Q(paper), bound: .floor(name, bound), place: PlanRecord.Place(file: file, line: line))
}

/// A claim checked against a physical ceiling: it can hold only if the paper's value is at most `bound` (a throughput
/// cannot beat peak compute). `paper` is in the quantity's base unit; `name` names the bound ("the compute ceiling").
public func claim<Q: Quantity>(
    _ label: String, paper: Double, atMost bound: Q, bound name: String = "the ceiling",
    file: String = #filePath, line: Int = #line
) {
    sendBound(label, paper: Q(paper), bound: .ceiling(name, bound), place: PlanRecord.Place(file: file, line: line))
}

/// `claim(_:paper:atLeast:)` with the paper's value given as a quantity.
public func claim<Q: Quantity>(
    _ label: String, paper: Q, atLeast bound: Q, bound name: String = "the floor",
    file: String = #filePath, line: Int = #line
) {
    claim(label, paper: paper.value, atLeast: bound, bound: name, file: file, line: line)
}

/// `claim(_:paper:atMost:)` with the paper's value given as a quantity.
public func claim<Q: Quantity>(
    _ label: String, paper: Q, atMost bound: Q, bound name: String = "the ceiling",
    file: String = #filePath, line: Int = #line
) {
    claim(label, paper: paper.value, atMost: bound, bound: name, file: file, line: line)
}

/// A claim in words — "expert e of every layer sits on GPU e" — with what the paper says, what the study finds,
/// and whether they agree.
public func claim(
    _ label: String, paper: String, computed: String, holds: Bool, file: String = #filePath, line: Int = #line
) {
    sendClaim(label, paper: PlanRecord.Value(paper), computed: PlanRecord.Value(computed), check: .statement,
              tolerance: 0, place: PlanRecord.Place(file: file, line: line), holds: holds)
}

/// A physical bound a claim's paper value is held against: a floor it cannot be below, or a ceiling it cannot be
/// above, with its name for the verdict ("the memory floor").
public struct ClaimBound<Q: Quantity> {
    let isFloor: Bool
    let name: String
    let value: Q

    /// The paper's value must be at least `value`.
    public static func floor(_ name: String, _ value: Q) -> ClaimBound { ClaimBound(isFloor: true, name: name, value: value) }
    /// The paper's value must be at most `value`.
    public static func ceiling(_ name: String, _ value: Q) -> ClaimBound {
        ClaimBound(isFloor: false, name: name, value: value)
    }

    /// Whether `paper` is on this bound's side.
    func holds(for paper: Q) -> Bool { isFloor ? paper.value >= value.value : paper.value <= value.value }

    /// The bound as a record, its value written in the unit of `reference`.
    func record(paper: Q, shownAs reference: Q) -> PlanRecord.Claim.Bound {
        PlanRecord.Claim.Bound(
            kind: isFloor ? .floor : .ceiling, name: name, value: InlineFormat.value(inUnit(of: reference, value)),
            holds: holds(for: paper))
    }
}

/// `value` shown in the unit of `reference` (a paper's rate in the computed rate's tokens, FLOP or bytes).
private func inUnit<Q: Quantity>(of reference: Q, _ value: Q) -> Q {
    guard let rate = reference as? Rate, var shown = value as? Rate else { return value }
    shown.unit = rate.unit
    return shown as! Q
}

private func sendBound<Q: Quantity>(_ label: String, paper: Q, bound: ClaimBound<Q>, place: PlanRecord.Place) {
    var computed = InlineFormat.value(bound.value)
    computed.text = (bound.isFloor ? "at least " : "at most ") + computed.text
    let record = bound.record(paper: paper, shownAs: bound.value)
    sendClaim(label, paper: InlineFormat.value(inUnit(of: bound.value, paper)), computed: computed,
              check: bound.isFloor ? .atLeast : .atMost, tolerance: 0, place: place, holds: record.holds, bound: record)
}

private func sendClaim(
    _ label: String, paper: PlanRecord.Value, computed: PlanRecord.Value, check: PlanRecord.Claim.Check,
    tolerance: Double, place: PlanRecord.Place, holds verdict: Bool? = nil, bound: PlanRecord.Claim.Bound? = nil
) {
    let paperValue = paper.number?.value ?? .nan
    let computedValue = computed.number?.value ?? .nan
    let ratio = paperValue == 0 ? Double.infinity : computedValue / paperValue
    let ratioValue = ratio.isFinite
        ? PlanRecord.Value(SIFormat.significant(ratio) + "×", number: PlanRecord.Number(ratio, unit: "×"))
        : PlanRecord.Value("—")
    let within = abs(ratio - 1) <= tolerance && (bound?.holds ?? true)
    RecordChannel.send(.claim(cell: PlanbookCells.current, PlanRecord.Claim(
        label: label, paper: paper, computed: computed, ratio: ratioValue, check: check, tolerance: tolerance,
        holds: verdict ?? within, place: place, bound: bound)))
}
