import PlanKit

/// How a change reads, the same in the terminal, in Markdown and on the "What changed" page: its ratio ("0.962×"),
/// its relative change ("−3.8 %"), and where the number stands ("§ Memory · Table 2 “Memory per GPU”, row …").
enum ChangeFormat {
    /// new / old with three significant digits, "—" without one.
    static func ratio(_ change: LedgerComparison.Change) -> String { change.ratio.map(ratio) ?? "—" }

    /// A ratio as shown ("1.25×").
    static func ratio(_ value: Double) -> String { SIFormat.significant(value) + "×" }

    /// The relative change in percent, signed ("+300 %", "−3.85 %"), "—" without one.
    static func relative(_ change: LedgerComparison.Change) -> String { change.relativeChange.map(relative) ?? "—" }

    /// A relative change (0.25) as shown ("+25.0 %").
    static func relative(_ value: Double) -> String {
        (value < 0 ? "−" : value > 0 ? "+" : "±") + SIFormat.significant(abs(value) * 100) + " %"
    }

    /// Where the number stands on its page: its section, then the sentence, table cell, chart point or claim.
    static func place(_ entry: LedgerEntry) -> String {
        entry.section.isEmpty ? entry.place : "§ \(entry.section) · \(entry.place)"
    }

    /// A claim's verdict in words.
    static func verdict(_ holds: Bool?) -> String {
        switch holds {
        case true?: "holds"
        case false?: "does not hold"
        case nil: "—"
        }
    }

    /// A claim's verdict as its card says it ("holds", "not reproduced", "cannot hold", …; a ledger written before
    /// verdicts were kept says only whether it holds), "—" for no claim.
    static func verdict(_ entry: LedgerEntry?) -> String { entry?.verdict ?? verdict(entry?.holds) }

    /// A flipped claim's label (its key without " — computed").
    static func claimLabel(_ entry: LedgerEntry) -> String {
        entry.key.hasSuffix(" — computed") ? String(entry.key.dropLast(" — computed".count)) : entry.key
    }
}
