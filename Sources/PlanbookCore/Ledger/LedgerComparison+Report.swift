import Foundation
import PlanKit

extension LedgerComparison {
    /// The comparison for a terminal: flipped verdicts first and loud, then page by page the changed numbers (place,
    /// old → new, ratio, relative change), the ones that appeared and disappeared, and with `all` the unchanged ones;
    /// last a line of counts. `loud` may colour the flipped verdicts.
    public func text(all: Bool = false, loud: (String) -> String = { $0 }) -> String {
        var lines = [
            "Comparing \(oldName) → \(newName): numbers compared at the precision the pages show"
                + (tolerance > 0 ? ", changes under \(Self.percent(tolerance)) ignored" : "") + "."
        ]
        let flips = self.flips
        if !flips.isEmpty {
            lines += ["", loud("VERDICTS THAT FLIPPED (\(flips.count))")]
            for flip in flips {
                lines.append(
                    loud(
                        "  !! \(new.title(of: flip.entry.page)) · “\(ChangeFormat.claimLabel(flip.entry))”: "
                            + "\(ChangeFormat.verdict(flip.old)) → "
                            + "\(ChangeFormat.verdict(flip.new).uppercased()) "
                            + "(computed \(flip.old?.text ?? "—") → \(flip.new?.text ?? "—"))"))
            }
        }
        for page in pages {
            let listed = page.changes.filter { all || $0.status != .unchanged }
            guard !listed.isEmpty else { continue }
            lines += ["", "\(page.title) (\(page.slug))"]
            for status in [Change.Status.changed, .appeared, .disappeared, .unchanged] {
                let group = listed.filter { $0.status == status }
                guard !group.isEmpty else { continue }
                lines.append("  \(status.rawValue) (\(group.count))")
                for change in group {
                    lines.append("    \(ChangeFormat.place(change.entry))")
                    lines.append("        " + Self.values(change) + (change.flipped ? "   (verdict flipped)" : ""))
                }
            }
        }
        lines += ["", summaryLine]
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2 numbers changed, 1 appeared; 1 verdict flipped (212 unchanged)." — or "No number changed (…)".
    public var summaryLine: String {
        let unchanged = changes.count { $0.status == .unchanged }
        let counted = ChangeMarks.count(changes)
        return
            (counted == "no number changed"
            ? "No number changed" : counted.prefix(1).uppercased() + counted.dropFirst())
            + " (\(unchanged) unchanged)."
    }

    /// "21.0 GB → 84.0 GB   4.00×   +300 %", "new: 3.2 ms", "gone: 1.0 ms".
    static func values(_ change: Change) -> String {
        switch change.status {
        case .appeared: "new: \(change.entry.text)"
        case .disappeared: "gone: \(change.entry.text)"
        case .changed, .unchanged:
            "\(change.old?.text ?? "—") → \(change.new?.text ?? "—")   \(ChangeFormat.ratio(change))   "
                + ChangeFormat.relative(change)
        }
    }

    static func percent(_ share: Double) -> String { SIFormat.significant(share * 100) + " %" }

    // MARK: - Markdown

    /// The comparison as Markdown, to paste into a response to reviewers: a line of counts, a table of flipped
    /// verdicts, and a table per page of what changed, appeared and disappeared (and with `all`, what did not).
    public func markdown(all: Bool = false) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\n", with: " ")
        }
        func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |" }
        var lines = [
            "**\(cell(oldName)) → \(cell(newName))**: \(summaryLine) Numbers are compared at the precision "
                + "the pages show" + (tolerance > 0 ? "; changes under \(Self.percent(tolerance)) are ignored." : ".")
        ]
        let flips = self.flips
        if !flips.isEmpty {
            lines += [
                "", "#### Verdicts that flipped", "", row(["Claim", "Page", oldName, newName, "Computed"]),
                "|---|---|---|---|---|",
            ]
            lines += flips.map { flip in
                row([
                    ChangeFormat.claimLabel(flip.entry), new.title(of: flip.entry.page),
                    ChangeFormat.verdict(flip.old), "**\(ChangeFormat.verdict(flip.new))**",
                    "\(flip.old?.text ?? "—") → \(flip.new?.text ?? "—")",
                ])
            }
        }
        for page in pages {
            let listed = page.changes.filter { all || $0.status != .unchanged }
            guard !listed.isEmpty else { continue }
            lines += [
                "", "#### \(page.title)", "", row(["Where", oldName, newName, "Ratio", "Change"]),
                "|---|---:|---:|---:|---:|",
            ]
            for status in [Change.Status.changed, .appeared, .disappeared, .unchanged] {
                lines += listed.filter { $0.status == status }.map { change in
                    let where_ = ChangeFormat.place(change.entry) + (change.flipped ? " (verdict flipped)" : "")
                    switch status {
                    case .appeared: return row([where_, "—", change.entry.text, "—", "new"])
                    case .disappeared: return row([where_, change.entry.text, "—", "—", "gone"])
                    case .changed, .unchanged:
                        return row([
                            where_, change.old?.text ?? "—", change.new?.text ?? "—", ChangeFormat.ratio(change),
                            ChangeFormat.relative(change),
                        ])
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
