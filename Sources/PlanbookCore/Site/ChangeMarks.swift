import Foundation
import PlanKit

/// The marks `build --compare-to REV` puts on one page: every number that differs from REV's, with REV's value beside
/// it in the text ("10.2 ms (was 10.6 ms)"), a number that is new marked "new", a claim whose verdict flipped said so
/// in its card, and each chart with changed points noted under it. Each mark has an id, which the "What changed since
/// REV" page links to. Without `--compare-to` there are no marks, and no markup for them.
struct ChangeMarks: Sendable {
    /// One mark: its id on the page and what it marks.
    struct Mark: Sendable {
        var id: String
        var change: LedgerComparison.Change

        /// The text beside the new value: "was 10.6 ms", or "new".
        var note: String { change.old.map { "was \($0.text)" } ?? "new" }

        /// `shown` (already escaped HTML) inside the mark, with its note.
        func html(_ shown: String, scope: LinkScope) -> String {
            let kind = change.old == nil ? "pb-changed pb-appeared" : "pb-changed"
            return
                "<mark class=\"\(kind)\" id=\"\(scope.id(id))\">\(shown)<span class=\"pb-was\"> (\(HTML.escape(note)))"
                + "</span></mark>"
        }
    }

    /// The name of the build compared with ("HEAD", "v1.0 (3f2a1bc)").
    let base: String
    /// The page's slug.
    let page: String
    private let comparison: LedgerComparison
    private let marks: [LedgerEntry.Origin: Mark]

    /// The marks of page `page` under `comparison`.
    init(_ comparison: LedgerComparison, page: String) {
        self.comparison = comparison
        self.page = page
        base = comparison.oldName
        var marks: [LedgerEntry.Origin: Mark] = [:]
        var count = 0
        for change in comparison.changes where change.entry.page == page {
            // A flipped verdict is marked on the claim's computed value (its card says so), even when it did not move.
            guard let new = change.new, let origin = new.origin,
                change.status != .unchanged || change.flipped
            else { continue }
            if new.kind == .chartPoint {
                marks[origin] = Mark(id: Self.chartNoteID(new.anchor), change: change)
            } else {
                count += 1
                marks[origin] = Mark(id: "changed-\(count)", change: change)
            }
        }
        self.marks = marks
    }

    /// The id of the note under the chart `anchor` (`fig-sweep`) listing its changed points.
    static func chartNoteID(_ anchor: String) -> String { "changes-\(anchor)" }

    /// The mark on the number `origin`, if it differs.
    func mark(_ origin: LedgerEntry.Origin) -> Mark? { marks[origin] }

    /// The mark on an inline value.
    func inline(cell: Int) -> Mark? { marks[LedgerEntry.Origin(cell: cell)] }

    /// The marks on a table's (or a chart's) cells, by row and column, for output `output` of cell `cell`.
    func cells(cell: Int, output: Int) -> [[Int]: Mark] {
        var result: [[Int]: Mark] = [:]
        for (origin, mark) in marks where origin.cell == cell && origin.output == output {
            if let row = origin.row, let column = origin.column { result[[row, column]] = mark }
        }
        return result
    }

    /// The id on the page of `change`'s mark (the anchor its number stands at when it has none: it disappeared, or is
    /// a headline no page shows).
    func anchor(of change: LedgerComparison.Change) -> String {
        if let origin = change.new?.origin, let mark = marks[origin] { return mark.id }
        return change.entry.anchor
    }

    /// What changed on the page, counted: "3 numbers changed, 1 appeared; 1 verdict flipped".
    var summary: String {
        let changes = comparison.changes.filter { $0.entry.page == page }
        return Self.count(changes)
    }

    /// "3 numbers changed, 1 appeared, 2 disappeared; 1 verdict flipped", or "no number changed".
    static func count(_ changes: [LedgerComparison.Change]) -> String {
        func count(_ status: LedgerComparison.Change.Status) -> Int { changes.count { $0.status == status } }
        let changed = count(.changed)
        var parts: [String] = []
        if changed > 0 { parts.append("\(changed) number\(changed == 1 ? "" : "s") changed") }
        if count(.appeared) > 0 { parts.append("\(count(.appeared)) appeared") }
        if count(.disappeared) > 0 { parts.append("\(count(.disappeared)) disappeared") }
        var text = parts.isEmpty ? "no number changed" : parts.joined(separator: ", ")
        let flips = changes.count(where: \.flipped)
        if flips > 0 { text += "; \(flips) verdict\(flips == 1 ? "" : "s") flipped" }
        return text
    }
}

/// The note at the top of every page of a `--compare-to` build: what changed on it since REV, and a link to the
/// "What changed since REV" page.
struct ChangeBannerPart: MarkdownPart {
    var marks: ChangeMarks
    /// The generated page that lists every change.
    var changesPage: String

    func html(_ renderer: MarkdownHTML) -> String {
        "<div class=\"pb-compare-banner\" role=\"note\"><p><strong>Compared with \(HTML.escape(marks.base)):</strong> "
            + "on this page, \(HTML.escape(marks.summary)). Each marked number shows its value in "
            + "\(HTML.escape(marks.base)) beside it. "
            + "<a href=\"\(MarkdownHTML.escapeURL(renderer.scope.page(changesPage, nil)))\">"
            + "What changed since \(HTML.escape(marks.base))</a></p></div>\n"
    }
}

/// The note under a chart whose points changed since REV: each changed point, its new and old value.
enum ChartChangeNote {
    /// How many points the note names before it refers to the "What changed" page.
    static let shown = 6

    static func html(_ marks: [LedgerComparison.Change], id: String, base: String, scope: LinkScope) -> String {
        guard !marks.isEmpty else { return "" }
        let listed = marks.prefix(shown).map { change in
            let point =
                change.entry.place.split(separator: ",", maxSplits: 1).dropFirst().first.map {
                    $0.trimmingCharacters(in: .whitespaces)
                } ?? change.entry.key
            let was = change.old.map { "was \($0.text)" } ?? "new"
            return "\(HTML.escape(point)): \(HTML.escape(change.entry.text)) (\(HTML.escape(was)))"
        }
        let more = marks.count > shown ? "; and \(marks.count - shown) more, listed on the “What changed” page" : ""
        return
            "<p class=\"pb-changed-note\" id=\"\(scope.id(id))\"><strong>Changed since \(HTML.escape(base)):</strong> "
            + listed.joined(separator: "; ") + more + ".</p>\n"
    }
}
