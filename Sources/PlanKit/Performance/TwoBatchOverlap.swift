/// How a layer's computation and its expert all-to-alls share time.
///
/// - `none`: communication adds to compute (layer = compute + communication).
/// - `twoBatch`: the micro-batch is split in two halves that alternate, as DeepSeek-V3 serves (open-infra-index,
///   202502OpenSourceWeek day 6; deepseek-ai/profile-data): while one half computes, the other's dispatch or
///   combine is in flight. With a = one half's attention side (norms, projections, attention, router, shared
///   experts), e = its expert side (routed experts, combine, residual), d and c = one half's dispatch and combine,
///   the compute stream runs a₀ a₁ e₀ e₁ and each all-to-all hides under the next compute slot:
///   layer = max(a, d) + max(e, d) + max(e, c) + max(a, c). It is never below max(2a + 2e, 2d + 2c) — the larger
///   of compute and communication across both halves — and each half re-reads the weights. While a normal
///   (SM-driven) kernel runs, compute has only (1 − `Assumptions.normalKernelSMShare`) of the SMs.
/// - `full`: communication hides wholly behind compute (layer = max of the two): an ideal bound.
public enum Overlap: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case none
    case twoBatch = "two-batch"
    case full

    public var description: String { rawValue }
}

/// One layer's time under two-batch overlap, from one half's attention side `a`, expert side `e`, dispatch `d` and
/// combine `c` (seconds): max(a, d) + max(e, d) + max(e, c) + max(a, c). `slowdown` ≥ 1 stretches a compute slot
/// while an all-to-all that occupies SMs runs beside it.
func twoBatchLayerTime(attention a: Double, experts e: Double, dispatch d: Double, combine c: Double,
                       slowdown: Double = 1) -> Double {
    func slot(_ compute: Double, _ communication: Double) -> Double {
        max(communication > 0 ? compute * slowdown : compute, communication)
    }
    return slot(a, d) + slot(e, d) + slot(e, c) + slot(a, c)
}
