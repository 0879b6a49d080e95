import PlanKit
internal import PlanRecord

/// A plan's figures as JSON: keys sorted and indented, so the same plan always gives the same text.
enum PlanJSON {
    static func text(_ figures: PlanFigures) -> String {
        JSONWriter(sortedKeys: true, pretty: true).text(figures) + "\n"
    }
}
