import PlanKit
internal import Foundation

/// A plan's figures as JSON: keys sorted and indented, so the same plan always gives the same text.
enum PlanJSON {
    static func text(_ figures: PlanFigures) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(figures) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
