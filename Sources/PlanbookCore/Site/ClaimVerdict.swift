import PlanKit
import PlanRecord

/// How a claim came out, in the words a page uses: a short verdict — "holds", "possible", "not reproduced",
/// "cannot hold", "does not hold" — and a sentence of why that says in which direction the computed value lies and
/// on which side of its physical bound the paper's value falls.
///
/// "computed 644k tokens/s — 1.43× the paper's 450k tokens/s: not reproduced, though the paper's figure is below the
/// compute ceiling of 1.10M tokens/s". A claim whose paper value is on the wrong side of its bound cannot hold,
/// whatever the estimate.
public struct ClaimVerdict: Sendable, Equatable {
    /// The verdict, from best to worst.
    public enum Outcome: String, Sendable, Equatable {
        /// The computed value is within tolerance of the paper's (or a claim in words is true).
        case holds
        /// The paper's value is on its side of a physical bound (nothing more was claimed).
        case possible
        /// The computed value is outside the tolerance, though the paper's value is physically possible.
        case notReproduced = "not reproduced"
        /// A claim in words that the study finds false.
        case doesNotHold = "does not hold"
        /// The paper's value is on the wrong side of a physical bound: no implementation can reach it.
        case cannotHold = "cannot hold"

        /// The CSS class suffix: `verdict-not-reproduced`.
        public var cssClass: String { "verdict-" + rawValue.replacingOccurrences(of: " ", with: "-") }
    }

    public let outcome: Outcome
    /// The why, with both values: for claim cards.
    public let sentence: String
    /// The why without the values, which the findings panel shows beside it: "4.71× the paper's; no
    /// implementation can beat the memory floor of 8.18 ms".
    public let reason: String

    public init(_ claim: PlanRecord.Claim) {
        let bound = claim.bound
        switch claim.check {
        case .statement:
            outcome = claim.holds ? .holds : .doesNotHold
            sentence = claim.holds
                ? "the study finds \(claim.computed.text), as the paper says"
                : "the paper says \(claim.paper.text); the study finds \(claim.computed.text)"
            reason = claim.holds ? "as the paper says" : "the study finds otherwise"
        case .atLeast, .atMost:
            outcome = claim.holds ? .possible : .cannotHold
            reason = Self.boundOnly(claim, bound: bound)
            sentence = "the paper's \(claim.paper.text) is " + reason
        case .withinTolerance:
            let within = claim.ratio.number.map { abs($0.value - 1) <= claim.tolerance } ?? false
            outcome = bound.map { !$0.holds } == true ? .cannotHold : (within ? .holds : .notReproduced)
            var tail = ""
            if let bound, !bound.holds {
                tail = "; no implementation can \(bound.kind == .floor ? "beat" : "exceed") \(bound.name) "
                    + "of \(bound.value.text)"
            } else {
                tail = within ? ": reproduced" : ": not reproduced"
                if let bound {
                    tail += (within ? ", and " : ", though ") + Self.side(bound) + " \(bound.name) of \(bound.value.text)"
                }
            }
            reason = Self.comparison(claim, within: within, values: false) + tail
            sentence = "computed \(claim.computed.text) — " + Self.comparison(claim, within: within, values: true) + tail
        }
    }

    /// "1.43× the paper's 450k tokens/s", "37× below the paper's 450k tokens/s", "12 % above the paper's 8.3 ms",
    /// "3 % below the paper's 8.3 ms, within ±10 %".
    /// With `values`, the paper's value is named ("the paper's 450 k tokens/s"), else only "the paper's".
    private static func comparison(_ claim: PlanRecord.Claim, within: Bool, values: Bool) -> String {
        let paper = values ? "the paper's \(claim.paper.text)" : "the paper's"
        guard let ratio = claim.ratio.number?.value, ratio.isFinite, ratio > 0 else { return "against \(paper)" }
        let tolerance = "±\(percent(claim.tolerance)) %"
        if ratio == 1 { return "equal to \(paper), within \(tolerance)" }
        let side = "\(distance(max(ratio, 1 / ratio))) \(ratio > 1 ? "above" : "below") \(paper)"
        if within { return "\(side), within \(tolerance)" }
        return ratio >= 1.25 ? "\(times(ratio)) \(paper)" : side
    }

    /// "3.72× below the memory floor of 8.18 ms, which no implementation can beat", "24 % below the compute ceiling
    /// of 158k tokens/s: physically possible" (of the paper's value).
    private static func boundOnly(_ claim: PlanRecord.Claim, bound: PlanRecord.Claim.Bound?) -> String {
        let name = bound?.name ?? (claim.check == .atLeast ? "the floor" : "the ceiling")
        let value = bound?.value.text ?? claim.computed.text
        // computed / paper: above 1, the bound is above the paper's value.
        let ratio = claim.ratio.number?.value ?? .nan
        let side = ratio.isFinite && ratio != 1 ? (ratio > 1 ? "below" : "above") : "at"
        let distance = ratio.isFinite && ratio > 0 && ratio != 1 ? Self.distance(max(ratio, 1 / ratio)) + " " : ""
        let text = "\(distance)\(side) \(name) of \(value)"
        if claim.holds { return text + ": physically possible" }
        return text + ", which no implementation can " + (claim.check == .atLeast ? "beat" : "exceed")
    }

    /// How far apart two values are whose ratio is `ratio` ≥ 1: "12 %" or "3.72×".
    private static func distance(_ ratio: Double) -> String {
        ratio < 1.25 ? "\(percent(ratio - 1)) %" : times(ratio)
    }

    /// Which side of `bound` the paper's value is on: "below the ceiling", "above the floor", and the other way
    /// round when it does not hold.
    private static func side(_ bound: PlanRecord.Claim.Bound) -> String {
        switch (bound.kind, bound.holds) {
        case (.floor, true), (.ceiling, false): "above"
        case (.floor, false), (.ceiling, true): "below"
        }
    }

    /// "3.72×".
    private static func times(_ value: Double) -> String { SIFormat.significant(value) + "×" }

    /// A share as whole percent: 0.43 → "43".
    private static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) }
}
