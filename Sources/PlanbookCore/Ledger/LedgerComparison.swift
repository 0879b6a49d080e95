/// Two builds' ledgers compared number by number: what changed (old → new, with the ratio and the relative change),
/// what stayed, what appeared and what disappeared, page by page — and every claim whose verdict flipped.
///
/// Numbers are matched by identity (`LedgerEntry.identity`). An inline value that no longer matches — its section was
/// renamed, or it moved to another section — is then matched by its expression alone, in page order, so a renamed
/// heading changes nothing. Two numbers are the same when the page shows them the same (`ShownPrecision`), and a
/// change smaller than `tolerance` (a share: 0.01 is 1 %) counts as none.
public struct LedgerComparison: Sendable {
    /// One number of either build, and what became of it.
    public struct Change: Sendable {
        public enum Status: String, Sendable, Codable { case changed, unchanged, appeared, disappeared }

        public var status: Status
        /// The number in the old build (nil when it appeared).
        public var old: LedgerEntry?
        /// The number in the new build (nil when it disappeared).
        public var new: LedgerEntry?

        /// The number as it stands now, or as it stood when it disappeared.
        public var entry: LedgerEntry { new ?? old! }

        /// new / old, when both exist and old is not 0.
        public var ratio: Double? {
            guard let old, let new, old.number.value != 0 else { return nil }
            return new.number.value / old.number.value
        }

        /// new / old − 1.
        public var relativeChange: Double? { ratio.map { $0 - 1 } }

        /// Whether this is a claim's computed value whose verdict is not what it was (said once per claim, on its
        /// computed value): in the card's words, so that "not reproduced" → "cannot hold" is a flip although the
        /// claim held in neither (whether it holds, where either ledger predates the words).
        public var flipped: Bool {
            guard let old, let new, let was = old.holds, let now = new.holds, new.key.hasSuffix(" — computed") else {
                return false
            }
            if let before = old.verdict, let after = new.verdict { return before != after }
            return was != now
        }
    }

    /// The two ledgers, and how they are named ("HEAD", "the working tree", "site/").
    public var old: Ledger
    public var new: Ledger
    public var oldName: String
    public var newName: String
    /// Changes below this share are none.
    public var tolerance: Double
    /// Every number of both builds: page by page (the new build's pages in order, then pages only the old one had),
    /// within a page in page order, numbers that disappeared after the rest.
    public private(set) var changes: [Change] = []

    public init(old: Ledger, new: Ledger, oldName: String, newName: String, tolerance: Double = 0) {
        self.old = old
        self.new = new
        self.oldName = oldName
        self.newName = newName
        self.tolerance = tolerance
        changes = match()
        for change in changes {
            guard let new = change.new, let origin = new.origin else { continue }
            changesByOrigin[OriginKey(page: new.page, origin: origin)] = change
        }
    }

    /// Changed, appeared and disappeared numbers (not the unchanged ones).
    public var differences: [Change] { changes.filter { $0.status != .unchanged } }

    /// Each claim whose verdict flipped, once (by its computed value), in page order.
    public var flips: [Change] { changes.filter(\.flipped) }

    /// Whether anything differs (a flipped verdict always comes with a changed number or none: it differs too).
    public var isEmpty: Bool { differences.isEmpty && flips.isEmpty }

    /// The pages, in order, with their changes.
    public var pages: [(slug: String, title: String, changes: [Change])] {
        var order: [String] = new.pages.map(\.slug)
        for page in old.pages.map(\.slug) + changes.map(\.entry.page) where !order.contains(page) { order.append(page) }
        let grouped = Dictionary(grouping: changes, by: \.entry.page)
        return order.compactMap { slug in
            guard let changes = grouped[slug] else { return nil }
            let title = new.pages.contains { $0.slug == slug } ? new.title(of: slug) : old.title(of: slug)
            return (slug, title, changes)
        }
    }

    /// The change of the number `origin` of page `page` in the new build, for its mark.
    func change(page: String, origin: LedgerEntry.Origin) -> Change? {
        changesByOrigin[OriginKey(page: page, origin: origin)]
    }

    private struct OriginKey: Hashable {
        var page: String
        var origin: LedgerEntry.Origin
    }

    private var changesByOrigin: [OriginKey: Change] = [:]

    // MARK: - Matching

    private func match() -> [Change] {
        var unmatchedOld = Dictionary(
            old.entries.enumerated().map { ($1.identity, $0) }, uniquingKeysWith: { first, _ in first })
        var partner: [Int: Int] = [:]
        for (index, entry) in new.entries.enumerated() {
            if let oldIndex = unmatchedOld.removeValue(forKey: entry.identity) { partner[index] = oldIndex }
        }
        // Inline values left over, by page and expression: a section renamed, or a sentence moved to another one.
        struct Loose: Hashable {
            var page: String
            var key: String
        }
        var looseOld: [Loose: [Int]] = [:]
        for (oldIndex, entry) in old.entries.enumerated()
        where entry.kind == .inline
            && unmatchedOld[entry.identity] == oldIndex
        {
            looseOld[Loose(page: entry.page, key: entry.key), default: []].append(oldIndex)
        }
        for (index, entry) in new.entries.enumerated() where entry.kind == .inline && partner[index] == nil {
            let loose = Loose(page: entry.page, key: entry.key)
            guard var candidates = looseOld[loose], !candidates.isEmpty else { continue }
            let oldIndex = candidates.removeFirst()
            looseOld[loose] = candidates
            unmatchedOld.removeValue(forKey: old.entries[oldIndex].identity)
            partner[index] = oldIndex
        }
        var byPage: [String: [Change]] = [:]
        var pageOrder: [String] = []
        func add(_ change: Change) {
            let page = change.entry.page
            if byPage[page] == nil { pageOrder.append(page) }
            byPage[page, default: []].append(change)
        }
        for (index, entry) in new.entries.enumerated() {
            guard let oldIndex = partner[index] else {
                add(Change(status: .appeared, old: nil, new: entry))
                continue
            }
            let was = old.entries[oldIndex]
            add(Change(status: same(was, entry) ? .unchanged : .changed, old: was, new: entry))
        }
        let gone = Set(unmatchedOld.values)
        for (oldIndex, entry) in old.entries.enumerated() where gone.contains(oldIndex) {
            add(Change(status: .disappeared, old: entry, new: nil))
        }
        return pageOrder.flatMap { page in
            let changes = byPage[page] ?? []
            return changes.filter { $0.status != .disappeared } + changes.filter { $0.status == .disappeared }
        }
    }

    /// The same at the precision shown, or within the tolerance.
    private func same(_ old: LedgerEntry, _ new: LedgerEntry) -> Bool {
        if ShownPrecision.same(old, new) { return true }
        guard tolerance > 0, old.number.unit == new.number.unit, old.number.value != 0 else { return false }
        return abs(new.number.value / old.number.value - 1) < tolerance
    }
}
