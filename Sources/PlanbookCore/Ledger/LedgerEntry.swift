import PlanRecord

/// One computed number of the site, as the ledger lists it: where it stands, what identifies it across builds, its
/// value and unit, and the text the page shows.
///
/// Identity (`identity`) is what `planbook diff` matches two builds by, chosen to survive prose edits and blocks added
/// elsewhere: an inline value is its expression in its section, a table cell its table (the block's `id=` when it has
/// one, else the caption) with the row's label and the column's header, a chart point the same for the chart's data,
/// a claim its label. `occurrence` tells apart numbers that would otherwise share an identity (the same expression
/// twice in a section), counted in page order.
public struct LedgerEntry: Sendable, Equatable, Codable {
    /// Where on a page a number stands.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case inline
        case tableCell = "table cell"
        case chartPoint = "chart point"
        case claim, headline
    }

    /// The page's slug.
    public var page: String
    public var kind: Kind
    /// What identifies the number on its page across builds: an inline expression's source, a table's id or caption
    /// with the row label and column header, a claim's label and which of its values, a headline's label.
    public var key: String
    /// The text of the section heading it stands under ("" before the first heading).
    public var section: String
    public var number: PlanRecord.Number
    /// The text the page shows.
    public var text: String
    /// Which of the numbers sharing page, kind, key (and, for inline values, section) this is, from 1 in page order.
    public var occurrence = 1
    /// Where it is, for a reader: the sentence of an inline value, "Table 2 “Memory per GPU”, row …, column …".
    public var place = ""
    /// For a table cell or chart point: what identifies its table on the page (`tableKey`), its row (`rowLabels`)
    /// and its column's header; `key` is the three joined by " / ".
    public var table: String?
    public var row: String?
    public var column: String?
    /// The plan the table or chart describes, if one.
    public var plan: PlanRecord.Plan?
    /// The id on the page to link to (a table's, a figure's, a block's), or "" for the page itself.
    public var anchor = ""
    /// A claim's verdict (on each of its values), nil for other numbers.
    public var holds: Bool?
    /// A claim's verdict in words, as its card says it (`ClaimVerdict`: "holds", "possible", "not reproduced", …),
    /// nil for other numbers.
    public var verdict: String?
    /// The label of a headline number (each claim's computed value, and what the author marked), shown as a row of
    /// the scenario matrix; nil for other numbers.
    public var headline: String?
    /// Where the number came from in this build's outputs, for marks on its page (not stored in `ledger.json`).
    var origin: Origin?

    /// Where a number came from in a page's cells.
    struct Origin: Sendable, Equatable, Hashable {
        /// The cell's index.
        var cell: Int
        /// The output's position among the cell's outputs (nil for an inline value).
        var output: Int?
        /// A table's or chart's row and column.
        var row: Int?
        var column: Int?
    }

    public init(
        page: String, kind: Kind, key: String, section: String, number: PlanRecord.Number, text: String,
        occurrence: Int = 1, place: String = "", anchor: String = "", holds: Bool? = nil, headline: String? = nil
    ) {
        self.page = page
        self.kind = kind
        self.key = key
        self.section = section
        self.number = number
        self.text = text
        self.occurrence = occurrence
        self.place = place
        self.anchor = anchor
        self.holds = holds
        self.headline = headline
    }

    /// The number's identity on its page: kind, key, the section for inline values, and the occurrence.
    public var identity: Identity {
        Identity(page: page, kind: kind, section: kind == .inline ? section : "", key: key, occurrence: occurrence)
    }

    /// What `planbook diff` matches numbers of two builds by.
    public struct Identity: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var page: String
        public var kind: Kind
        /// The section, for inline values only ("" for the rest, which their table, chart or label identifies).
        public var section: String
        public var key: String
        public var occurrence: Int

        public var description: String {
            [page, kind.rawValue, section, key, "\(occurrence)"].joined(separator: " · ")
        }

        public static func < (a: Identity, b: Identity) -> Bool {
            (a.page, a.kind.rawValue, a.section, a.key, a.occurrence) < (
                b.page, b.kind.rawValue, b.section, b.key, b.occurrence
            )
        }
    }

    private enum CodingKeys: String, CodingKey {
        case page, kind, key, section, value, unit, text, occurrence, place, table, row, column, plan, anchor, holds
        case verdict, headline
    }

    public init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        page = try fields.decode(String.self, forKey: .page)
        kind = try fields.decode(Kind.self, forKey: .kind)
        key = try fields.decode(String.self, forKey: .key)
        section = try fields.decodeIfPresent(String.self, forKey: .section) ?? ""
        number = PlanRecord.Number(
            try fields.decode(Double.self, forKey: .value),
            unit: try fields.decodeIfPresent(String.self, forKey: .unit) ?? "")
        text = try fields.decode(String.self, forKey: .text)
        occurrence = try fields.decodeIfPresent(Int.self, forKey: .occurrence) ?? 1
        place = try fields.decodeIfPresent(String.self, forKey: .place) ?? ""
        table = try fields.decodeIfPresent(String.self, forKey: .table)
        row = try fields.decodeIfPresent(String.self, forKey: .row)
        column = try fields.decodeIfPresent(String.self, forKey: .column)
        plan = try fields.decodeIfPresent(PlanRecord.Plan.self, forKey: .plan)
        anchor = try fields.decodeIfPresent(String.self, forKey: .anchor) ?? ""
        holds = try fields.decodeIfPresent(Bool.self, forKey: .holds)
        verdict = try fields.decodeIfPresent(String.self, forKey: .verdict)
        headline = try fields.decodeIfPresent(String.self, forKey: .headline)
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(page, forKey: .page)
        try fields.encode(kind, forKey: .kind)
        try fields.encode(key, forKey: .key)
        try fields.encode(section, forKey: .section)
        try fields.encode(number.value, forKey: .value)
        try fields.encode(number.unit, forKey: .unit)
        try fields.encode(text, forKey: .text)
        try fields.encode(occurrence, forKey: .occurrence)
        try fields.encode(place, forKey: .place)
        try fields.encodeIfPresent(table, forKey: .table)
        try fields.encodeIfPresent(row, forKey: .row)
        try fields.encodeIfPresent(column, forKey: .column)
        try fields.encodeIfPresent(plan, forKey: .plan)
        try fields.encode(anchor, forKey: .anchor)
        try fields.encodeIfPresent(holds, forKey: .holds)
        try fields.encodeIfPresent(verdict, forKey: .verdict)
        try fields.encodeIfPresent(headline, forKey: .headline)
    }

    /// Equal in everything the ledger stores (not `origin`, which only this build knows).
    public static func == (a: LedgerEntry, b: LedgerEntry) -> Bool {
        a.identity == b.identity && a.number == b.number && a.text == b.text && a.place == b.place
            && a.table == b.table && a.row == b.row && a.column == b.column && a.plan == b.plan
            && a.anchor == b.anchor && a.holds == b.holds && a.verdict == b.verdict && a.headline == b.headline
    }
}

extension [LedgerEntry] {
    /// The entries with their occurrences counted: each one's position, from 1 in page order, among the entries
    /// of its page with its kind, key and (for inline values) section.
    func countingOccurrences() -> [LedgerEntry] {
        var seen: [LedgerEntry.Identity: Int] = [:]
        return map { entry in
            var counted = entry
            counted.occurrence = 1
            let count = (seen[counted.identity] ?? 0) + 1
            seen[counted.identity] = count
            counted.occurrence = count
            return counted
        }
    }
}
