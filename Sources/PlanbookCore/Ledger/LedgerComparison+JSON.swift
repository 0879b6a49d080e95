import Foundation

extension LedgerComparison {
    /// The comparison as JSON, for scripts: both builds' names, the tolerance, the counts, the flipped verdicts and
    /// page by page every number that differs (and with `all`, every number), each with its kind, key, section,
    /// place (and for a table cell its table, row and column apart), old and new value, unit, text and for a claim
    /// its verdict in the card's words, ratio and relative change.
    public func json(all: Bool = false) -> Data {
        struct Value: Encodable {
            var value: Double
            var unit: String
            var text: String
            var holds: Bool?
            var verdict: String?
        }
        struct Number: Encodable {
            var status: String
            var kind: String
            var key: String
            var section: String
            var occurrence: Int
            var place: String
            var table: String?
            var row: String?
            var column: String?
            var anchor: String
            var old: Value?
            var new: Value?
            var ratio: Double?
            var relativeChange: Double?
            var verdictFlipped: Bool
        }
        struct Page: Encodable {
            var page: String
            var title: String
            var numbers: [Number]
        }
        struct Counts: Encodable {
            var changed: Int
            var appeared: Int
            var disappeared: Int
            var unchanged: Int
            var flipped: Int
        }
        struct Report: Encodable {
            var from: String
            var to: String
            var tolerance: Double
            var counts: Counts
            var flipped: [Number]
            var pages: [Page]
        }
        func value(_ entry: LedgerEntry?) -> Value? {
            entry.map {
                Value(value: $0.number.value, unit: $0.number.unit, text: $0.text, holds: $0.holds, verdict: $0.verdict)
            }
        }
        func number(_ change: Change) -> Number {
            let entry = change.entry
            return Number(
                status: change.status.rawValue, kind: entry.kind.rawValue, key: entry.key, section: entry.section,
                occurrence: entry.occurrence, place: entry.place, table: entry.table, row: entry.row,
                column: entry.column, anchor: entry.anchor, old: value(change.old),
                new: value(change.new), ratio: change.ratio, relativeChange: change.relativeChange,
                verdictFlipped: change.flipped)
        }
        func count(_ status: Change.Status) -> Int { changes.count { $0.status == status } }
        let report = Report(
            from: oldName, to: newName, tolerance: tolerance,
            counts: Counts(
                changed: count(.changed), appeared: count(.appeared), disappeared: count(.disappeared),
                unchanged: count(.unchanged), flipped: flips.count),
            flipped: flips.map(number),
            pages: pages.compactMap { page in
                let numbers = page.changes.filter { all || $0.status != .unchanged || $0.flipped }.map(number)
                return numbers.isEmpty ? nil : Page(page: page.slug, title: page.title, numbers: numbers)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return ((try? encoder.encode(report)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }
}
