import PlanKit

/// Sets a paper's number beside the one the study computes: a claim card under the block, with both values, their
/// ratio (computed / paper) and a verdict — it holds when |ratio − 1| ≤ `tolerance` — and a line in the page's
/// claims summary. `planbook check --strict` fails on a claim that does not hold.
public func claim(
    _ label: String, paper: Double, computed: Double, tolerance: Double = 0.10,
    file: String = #filePath, line: Int = #line
) {
    sendClaim(label, paper: paper, computed: computed, paperText: InlineFormat.text(paper),
              computedText: InlineFormat.text(computed), tolerance: tolerance, file: file, line: line)
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
    var paperValue = paper
    if let rate = computed as? Rate, var paperRate = paper as? Rate {
        paperRate.unit = rate.unit
        paperValue = paperRate as! Q
    }
    sendClaim(label, paper: paper.value, computed: computed.value, paperText: paperValue.description,
              computedText: computed.description, tolerance: tolerance, file: file, line: line)
}

/// A claim checked against a physical floor: it can hold only if the paper's value is at least `bound` (a time per
/// token cannot beat the time to read the weights and KV cache). `paper` is in the quantity's base unit.
public func claim<Q: Quantity>(
    _ label: String, paper: Double, atLeast bound: Q, file: String = #filePath, line: Int = #line
) {
    sendClaim(label, paper: paper, computed: bound.value, paperText: Q(paper).description,
              computedText: "at least \(bound.description)", tolerance: 0, file: file, line: line,
              holds: paper >= bound.value)
}

/// A claim checked against a physical ceiling: it can hold only if the paper's value is at most `bound` (a throughput
/// cannot beat peak compute). `paper` is in the quantity's base unit.
public func claim<Q: Quantity>(
    _ label: String, paper: Double, atMost bound: Q, file: String = #filePath, line: Int = #line
) {
    var paperValue = Q(paper)
    if let rate = bound as? Rate, var paperRate = paperValue as? Rate {
        paperRate.unit = rate.unit
        paperValue = paperRate as! Q
    }
    sendClaim(label, paper: paper, computed: bound.value, paperText: paperValue.description,
              computedText: "at most \(bound.description)", tolerance: 0, file: file, line: line,
              holds: paper <= bound.value)
}

/// `claim(_:paper:atLeast:)` with the paper's value given as a quantity.
public func claim<Q: Quantity>(_ label: String, paper: Q, atLeast bound: Q, file: String = #filePath, line: Int = #line) {
    claim(label, paper: paper.value, atLeast: bound, file: file, line: line)
}

/// `claim(_:paper:atMost:)` with the paper's value given as a quantity.
public func claim<Q: Quantity>(_ label: String, paper: Q, atMost bound: Q, file: String = #filePath, line: Int = #line) {
    claim(label, paper: paper.value, atMost: bound, file: file, line: line)
}

private func sendClaim(
    _ label: String, paper: Double, computed: Double, paperText: String, computedText: String, tolerance: Double,
    file: String, line: Int, holds verdict: Bool? = nil
) {
    let ratio = paper == 0 ? Double.infinity : computed / paper
    let holds = verdict ?? (abs(ratio - 1) <= tolerance)
    RecordChannel.send([
        ("t", .string("claim")), ("cell", .integer(PlanbookCells.current)), ("file", .string(file)),
        ("line", .integer(line)), ("label", .string(label)), ("paper", .string(paperText)),
        ("computed", .string(computedText)), ("paperValue", .number(paper)), ("computedValue", .number(computed)),
        ("ratio", .number(ratio)), ("tolerance", .number(tolerance)), ("holds", .bool(holds)),
    ])
}
