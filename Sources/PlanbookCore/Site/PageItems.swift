import PlanRecord

/// The numbered things of a page — figures (`dot` blocks, graphs and charts from plan blocks) and tables from plan
/// blocks — in document order, with their anchors, numbers and captions; and the figures Graphviz must draw.
///
/// Names follow the block: a block with `id=mem` names its figures `mem`, `mem-2`, … (anchors `fig-mem`, …) and its
/// tables `tbl-mem`, `tbl-mem-2`, …; a block without an id is `plan-N`, N counting the page's plan blocks. Names never
/// clash with each other or with the page's `dot` figures. A block's `caption=` captions its first figure or table.
public struct PageItems: Sendable {
    /// What kind of numbered item.
    public enum Kind: String, Sendable { case figure = "Figure", table = "Table" }

    /// One numbered figure or table.
    public struct Item: Sendable, Equatable {
        public var anchor: String
        public var kind: Kind
        public var number: Int
        public var caption: String
        /// "Figure 3".
        public var label: String { "\(kind.rawValue) \(number)" }
    }

    /// Every numbered item, in document order.
    public var items: [Item] = []
    /// The figures for Graphviz: `dot` blocks and plan-block graphs, in document order.
    public var figures: [DotFigure] = []
    /// For each plan cell, the item of each of its outputs (nil for outputs that are not numbered), in output order.
    public var outputItems: [Int: [Item?]] = [:]
    /// The item of each `dot` block, by element index.
    public var blockItems: [Int: Item] = [:]
    /// For each plan cell, the file name (without extension) of each download it offered, in output order.
    public var fileNames: [Int: [String]] = [:]

    public init(_ outline: PageRenderer.Outline, outputs: NotebookOutputs?) {
        var taken = Set(outline.figures.map(\.name))
        var figureCount = 0
        var tableCount = 0
        var blockOrdinal = 0
        let cellsByElement = Dictionary(uniqueKeysWithValues: outline.cells.map { ($0.elementIndex, $0) })
        let figuresByElement = Dictionary(uniqueKeysWithValues: outline.figures.map { ($0.elementIndex, $0) })
        let elementOrder = (Array(cellsByElement.keys) + Array(figuresByElement.keys)).sorted()
        for element in elementOrder {
            if let figure = figuresByElement[element] {
                figureCount += 1
                let item = Item(anchor: figure.anchor, kind: .figure, number: figureCount, caption: figure.caption ?? "")
                items.append(item)
                blockItems[element] = item
                figures.append(figure)
                continue
            }
            guard let cell = cellsByElement[element], case .block(_, let id) = cell.kind else { continue }
            blockOrdinal += 1
            let base = id ?? "plan-\(blockOrdinal)"
            var figureNames = 0
            var tableNames = 0
            var captionUsed = false
            func caption(_ title: String) -> String {
                defer { captionUsed = true }
                return captionUsed ? title : (cell.caption ?? title)
            }
            var cellItems: [Item?] = []
            for output in outputs?.cells[cell.index].outputs ?? [] {
                switch output {
                case .graph, .chart:
                    let title = output.figureTitle ?? ""
                    figureNames += 1
                    var name = figureNames == 1 ? base : "\(base)-\(figureNames)"
                    while taken.contains(name) { name += "-x" }
                    taken.insert(name)
                    figureCount += 1
                    let item = Item(anchor: "fig-\(name)", kind: .figure, number: figureCount, caption: caption(title))
                    items.append(item)
                    cellItems.append(item)
                    if case .graph(let graph) = output {
                        figures.append(DotFigure(name: name, caption: item.caption, dot: graph.dot, cell: cell, position: figureNames - 1))
                    }
                case .table(let table):
                    tableNames += 1
                    tableCount += 1
                    let name = tableNames == 1 ? base : "\(base)-\(tableNames)"
                    let item = Item(anchor: "tbl-\(name)", kind: .table, number: tableCount, caption: caption(table.title ?? ""))
                    items.append(item)
                    cellItems.append(item)
                case .file:
                    let count = fileNames[cell.index, default: []].count + 1
                    fileNames[cell.index, default: []].append(count == 1 ? "\(base)-plan" : "\(base)-plan-\(count)")
                    cellItems.append(nil)
                default:
                    cellItems.append(nil)
                }
            }
            outputItems[cell.index] = cellItems
        }
    }

    /// The name part of a figure anchor (`fig-mem-2` → `mem-2`), used for its files.
    static func name(of item: Item) -> String { String(item.anchor.drop { $0 != "-" }.dropFirst()) }
}
