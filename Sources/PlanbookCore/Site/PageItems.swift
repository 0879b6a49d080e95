import PlanRecord

/// The numbered things of a page — figures (`dot` blocks, graphs and charts from plan blocks) and tables from plan
/// blocks — in document order, with their anchors, numbers and captions; each plan cell's outputs with their numbers
/// and file names; its claims with their anchors (`claim-1`, …); and the figures Graphviz must draw.
///
/// Numbers are per page, prefixed by the page's place in the navigation when the site has several pages:
/// "Figure 2.3" is the third figure of the second page, so that a number names one figure on the whole site.
///
/// Names follow the block: a block with `id=mem` names its figures `mem`, `mem-2`, … (anchors `fig-mem`, …) and its
/// tables `tbl-mem`, `tbl-mem-2`, …; a block without an id is `plan-N`, N counting the page's plan blocks. Names never
/// clash with each other or with the page's `dot` figures. A block's `caption=` captions its first figure or table.
///
/// A table or figure of a plan names the plan in its default caption ("Memory per GPU — EP=8"), so that two plans
/// never give one caption: when another plan of the same name already has that caption on the page, the caption
/// names the plan in full ("… — EP=8 at batch 1024, 10,000 tokens, on 2 × 8 H100 SXM"), and failing that by its
/// number in the program ("(plan 3)").
public struct PageItems: Sendable {
    /// What kind of numbered item.
    public enum Kind: String, Sendable { case figure = "Figure", table = "Table" }

    /// One numbered figure or table.
    public struct Item: Sendable, Equatable {
        public var anchor: String
        public var kind: Kind
        public var number: Int
        public var caption: String
        /// The page's place in the navigation (from 1), when numbers carry it.
        public var page: Int?
        /// Whether its name comes from its block's `id=` (so it stays the same when blocks are added before it).
        public var hasGivenName = false
        /// The caption as the ledger knows it across builds: the caption, except that a default caption naming its
        /// plan in full (which changes with the plan's parameters) names it by its name and number instead
        /// ("Memory per GPU — EP=16 (plan 2)").
        public var lastingCaption = ""
        /// "Figure 3", or "Figure 2.3" on the second page of a site.
        public var label: String { "\(kind.rawValue) " + (page.map { "\($0)." } ?? "") + "\(number)" }
        /// The name part of a figure's anchor (`fig-mem-2` → `mem-2`), used for its files.
        public var name: String { String(anchor.drop { $0 != "-" }.dropFirst()) }
    }

    /// One output of a cell, with its number (figures and tables) or its file name (downloads).
    public struct PlacedOutput: Sendable {
        public var output: CellOutput
        public var item: Item?
        /// The file name (without extension) of a download.
        public var fileName: String?
        /// The anchor of a claim's card (`claim-2`).
        public var claimAnchor: String?
    }

    /// A claim of the page and the anchor of its card.
    public struct PlacedClaim: Sendable {
        public var anchor: String
        public var claim: PlanRecord.Claim
    }

    /// Every numbered item, in document order.
    public private(set) var items: [Item] = []
    /// The figures for Graphviz: `dot` blocks and plan-block graphs, in document order.
    public private(set) var figures: [DotFigure] = []
    /// The item of each `dot` block, by its node id.
    public private(set) var blockItems: [Int: Item] = [:]
    /// Each plan block's outputs, placed, by cell index.
    public private(set) var cellOutputs: [Int: [PlacedOutput]] = [:]
    /// The page's claims, in document order.
    public private(set) var claims: [PlacedClaim] = []

    private var taken: Set<String>
    /// Each default caption given so far, with the number of the plan it names.
    private var captionPlans: [String: Int] = [:]
    private var figureCount = 0
    private var tableCount = 0
    private let page: Int?

    /// The items of `outline` with its cells' `outputs`; `page` is its place in the navigation (from 1), given when
    /// numbers should carry it.
    public init(_ outline: PageOutline, outputs: NotebookOutputs?, page: Int? = nil) {
        self.page = page
        taken = Set(outline.figures.map(\.name))
        let cells = Dictionary(uniqueKeysWithValues: outline.cells.map { ($0.elementIndex, $0) })
        let dotFigures = Dictionary(uniqueKeysWithValues: outline.figures.map { ($0.elementIndex, $0) })
        var blockOrdinal = 0
        for node in (Array(cells.keys) + Array(dotFigures.keys)).sorted() {
            if let figure = dotFigures[node] {
                let item = number(.figure, anchor: figure.anchor, caption: figure.caption ?? "")
                blockItems[node] = item
                figures.append(figure)
            } else if let cell = cells[node], case .block(_, let id) = cell.kind {
                blockOrdinal += 1
                place(outputs?.cells[cell.index].outputs ?? [], of: cell, base: id ?? "plan-\(blockOrdinal)",
                      givenName: id != nil)
            }
        }
    }

    private mutating func number(
        _ kind: Kind, anchor: String, caption: String, lastingCaption: String? = nil, givenName: Bool = false
    ) -> Item {
        if kind == .figure { figureCount += 1 } else { tableCount += 1 }
        let item = Item(
            anchor: anchor, kind: kind, number: kind == .figure ? figureCount : tableCount, caption: caption, page: page,
            hasGivenName: givenName, lastingCaption: lastingCaption ?? caption)
        items.append(item)
        return item
    }

    /// `title` naming `plan`, unlike any caption of another plan on the page (see the type's comment), and the
    /// caption as the ledger knows it (`Item.lastingCaption`).
    private mutating func planCaption(_ title: String, plan: PlanRecord.Plan?) -> (shown: String, lasting: String) {
        guard let plan else { return (title, title) }
        func joined(_ name: String) -> String { title.isEmpty ? name : "\(title) — \(name)" }
        func isFree(_ caption: String) -> Bool { (captionPlans[caption] ?? plan.number) == plan.number }
        let short = title.contains(plan.name) ? title : joined(plan.name)
        var caption = short
        if !isFree(caption) { caption = joined(plan.detail) }
        if !isFree(caption) { caption += " (plan \(plan.number))" }
        captionPlans[caption] = plan.number
        return (caption, caption == short ? short : "\(short) (plan \(plan.number))")
    }

    /// Numbers and names the outputs of `cell`, whose figures and tables are named after `base`.
    private mutating func place(_ outputs: [CellOutput], of cell: PlanCell, base: String, givenName: Bool) {
        var figureNames = 0
        var tableNames = 0
        var fileNames = 0
        var captionUsed = false
        func caption(_ title: (shown: String, lasting: String)) -> (shown: String, lasting: String) {
            defer { captionUsed = true }
            return captionUsed ? title : cell.caption.map { ($0, $0) } ?? title
        }
        cellOutputs[cell.index] = outputs.map { output -> PlacedOutput in
            switch output {
            case .graph, .chart:
                figureNames += 1
                var name = figureNames == 1 ? base : "\(base)-\(figureNames)"
                while taken.contains(name) { name += "-x" }
                taken.insert(name)
                let title = caption(planCaption(output.figureTitle ?? "", plan: output.plan))
                let item = number(
                    .figure, anchor: "fig-\(name)", caption: title.shown, lastingCaption: title.lasting,
                    givenName: givenName)
                if case .graph(let graph) = output {
                    figures.append(DotFigure(
                        name: name, caption: item.caption, dot: graph.dot, cell: cell, position: figureNames - 1))
                }
                return PlacedOutput(output: output, item: item, fileName: name)
            case .table(let table):
                tableNames += 1
                let name = tableNames == 1 ? base : "\(base)-\(tableNames)"
                let title = caption(planCaption(table.title ?? "", plan: table.plan))
                let item = number(
                    .table, anchor: "tbl-\(name)", caption: title.shown, lastingCaption: title.lasting,
                    givenName: givenName)
                return PlacedOutput(output: output, item: item, fileName: nil)
            case .file:
                fileNames += 1
                return PlacedOutput(
                    output: output, item: nil, fileName: fileNames == 1 ? "\(base)-plan" : "\(base)-plan-\(fileNames)")
            case .claim(let claim):
                let anchor = "claim-\(claims.count + 1)"
                claims.append(PlacedClaim(anchor: anchor, claim: claim))
                return PlacedOutput(output: output, item: nil, fileName: nil, claimAnchor: anchor)
            default:
                return PlacedOutput(output: output, item: nil, fileName: nil)
            }
        }
    }
}
