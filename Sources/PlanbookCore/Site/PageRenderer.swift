/// Turns a report's Markdown into page HTML in two passes: `outline` finds what must be computed (figures, anchors),
/// and `render` puts the computed pieces where their blocks were.
///
/// Splitting the passes lets the build lay out the figures of all pages at once, in parallel.
public struct PageRenderer: Sendable {
    /// What a report's body holds: its Markdown elements, its dot figures and its heading anchors.
    public struct Outline: Sendable {
        public var report: Report
        public var figures: [DotFigure]
        /// Heading element index → (anchor, level, text).
        public var headings: [(index: Int, id: String, level: Int, text: String)]
        /// Link element index → rewritten destination (`x.md` → `x.html`).
        public var links: [(index: Int, destination: String)]
        /// The plan blocks and inline expressions, in order.
        public var cells: [PlanCell]
        /// Problems found while reading; the figures listed are the readable ones, so they can still be drawn
        /// and their own problems found in the same build.
        public var problems: [Diagnostic]
    }

    /// Ids the template uses, which headings must not take.
    public static let reservedIDs: Set<String> = ["content", "main", "nav", "toc", "top"]

    /// Reads `report`'s elements: dot blocks become figures, headings get anchors, links to other reports' `.md`
    /// files are pointed at their pages. `slugs` are the reports of the site.
    public static func outline(_ report: Report, slugs: Set<String>) -> Outline {
        var figures: [DotFigure] = []
        var headings: [(Int, String, Int, String)] = []
        var links: [(Int, String)] = []
        var problems: [Diagnostic] = []
        let elements = CommonMark.elements(in: report.body)
        var anchors = HeadingAnchors(reserved: reservedIDs.union(["claims"]))
        let (cells, cellProblems) = PlanCellReader.cells(in: report, elements: elements)
        problems += cellProblems
        var ordinal = 0
        for element in elements {
            guard case .codeBlock(let infoText) = element.kind else { continue }
            guard let info = try? FenceInfo(parsing: infoText), info.words.first == "dot" else {
                if infoText.hasPrefix("dot") { problems.append(infoProblem(infoText, element, report)) }
                continue
            }
            ordinal += 1
            do {
                let figure = try DotFigure(element: element, info: info, report: report, ordinal: ordinal)
                if figures.contains(where: { $0.name == figure.name }) {
                    problems.append(Diagnostic(
                        file: report.path, line: figure.line, column: figure.column,
                        "a figure named `\(figure.name)` already exists on this page; give this one another `id=`"))
                    continue
                }
                anchors.reserve(figure.anchor)
                figures.append(figure)
            } catch {
                problems += error.diagnostics
            }
        }
        for element in elements {
            switch element.kind {
            case .heading(let level):
                headings.append((element.index, anchors.anchor(for: element.text), level, element.text))
            case .link:
                if let destination = pageDestination(element.text, slugs: slugs) {
                    links.append((element.index, destination))
                }
            default:
                break
            }
        }
        return Outline(report: report, figures: figures, headings: headings, links: links, cells: cells, problems: problems)
    }

    /// The names of the figures each plan block made (graphs and charts, in order), by cell index: the block's
    /// `id` (`dag`, `dag-2`, …) or its position among blocks (`plan-1`, …), never clashing with each other or with
    /// the page's `dot` figures.
    static func outputNames(_ outline: Outline, outputs: NotebookOutputs) -> [Int: [String]] {
        var taken = Set(outline.figures.map(\.name))
        var names: [Int: [String]] = [:]
        var blockOrdinal = 0
        for cell in outline.cells {
            guard case .block = cell.kind else { continue }
            blockOrdinal += 1
            let base = cell.id ?? "plan-\(blockOrdinal)"
            for output in outputs.cells[cell.index] {
                switch output {
                case .graph, .chart:
                    let position = names[cell.index, default: []].count
                    var name = position == 0 ? base : "\(base)-\(position + 1)"
                    while taken.contains(name) { name += "-x" }
                    taken.insert(name)
                    names[cell.index, default: []].append(name)
                default:
                    continue
                }
            }
        }
        return names
    }

    /// The figures Graphviz draws for a page: its `dot` blocks, then the graphs its plan blocks showed.
    public static func figures(_ outline: Outline, outputs: NotebookOutputs?) -> [DotFigure] {
        var figures = outline.figures
        guard let outputs else { return figures }
        let names = outputNames(outline, outputs: outputs)
        for cell in outline.cells {
            var position = 0
            for output in outputs.cells[cell.index] {
                switch output {
                case .graph(let title, let dot):
                    figures.append(DotFigure(
                        name: names[cell.index]![position], caption: title, dot: dot, cell: cell, position: position))
                    position += 1
                case .chart:
                    position += 1
                default:
                    continue
                }
            }
        }
        return figures
    }

    /// The page HTML of `outline`, with the cells' `outputs` in place and `svgs[i]` drawn for `figures[i]`
    /// (see `figures(_:outputs:)`).
    public static func render(
        _ outline: Outline, outputs: NotebookOutputs? = nil, figures: [DotFigure], svgs: [String]
    ) -> RenderedPage {
        let report = outline.report
        var rewrites: [Int: MarkdownRewrite] = [:]
        var downloads: [(String, String)] = []
        var graphHTML: [Int: [String]] = [:]
        for (figure, svg) in zip(figures, svgs) {
            let html = figure.html(svg: svg, folder: report.slug)
            if figure.outputPosition == nil {
                rewrites[figure.elementIndex] = .html(html)
            } else {
                graphHTML[figure.elementIndex, default: []].append(html)
            }
            downloads.append(("\(report.slug)/\(figure.name).dot", figure.dot))
            downloads.append(("\(report.slug)/\(figure.name).svg", svg))
        }
        let names = outputs.map { outputNames(outline, outputs: $0) } ?? [:]
        for cell in outline.cells {
            var chartNames = names[cell.index] ?? []
            var figureHTML = graphHTML[cell.elementIndex] ?? []
            var blockFigures: [String] = []
            for output in outputs?.cells[cell.index] ?? [] {
                switch output {
                case .graph:
                    chartNames.removeFirst()
                    blockFigures.append(figureHTML.isEmpty ? "" : figureHTML.removeFirst())
                case .chart(let title, let svg, let header, let rows):
                    let name = chartNames.removeFirst()
                    blockFigures.append(CellOutputHTML.chart(name: name, title: title, svg: svg, folder: report.slug))
                    downloads.append(("\(report.slug)/\(name).svg", svg))
                    downloads.append(("\(report.slug)/\(name).csv", CellOutputHTML.csv(header: header, rows: rows)))
                default:
                    continue
                }
            }
            rewrites[cell.elementIndex] = .html(cellHTML(cell, outputs: outputs, figures: blockFigures))
        }
        for heading in outline.headings { rewrites[heading.index] = .headingID(heading.id) }
        for link in outline.links { rewrites[link.index] = .linkDestination(link.destination) }
        let title = report.frontMatter.title
            ?? outline.headings.first { $0.level == 1 }?.text
            ?? report.slug
        var toc = outline.headings.filter { $0.level == 2 || $0.level == 3 }
            .map { RenderedPage.TOCEntry(id: $0.id, text: $0.text, level: $0.level) }
        var body = CommonMark.renderHTML(report.body, rewrites: rewrites)
        let claims = outputs?.claims ?? []
        if !claims.isEmpty {
            body += CellOutputHTML.summary(claims, id: "claims")
            toc.append(RenderedPage.TOCEntry(id: "claims", text: "Claims checked on this page", level: 2))
        }
        return RenderedPage(report: report, title: title, bodyHTML: body, toc: toc, downloads: downloads)
    }

    /// A plan block as its code (unless `echo=false`) and its outputs; an inline expression as its value.
    static func cellHTML(_ cell: PlanCell, outputs: NotebookOutputs?, figures: [String]) -> String {
        switch cell.kind {
        case .inline:
            let value = outputs?.inlineValues[cell.index] ?? ""
            return "<span class=\"inline-value\">\(HTML.escape(value))</span>"
        case .block(let echo, let id):
            var html = id.map { "<div class=\"plan-cell\" id=\"cell-\($0)\">\n" } ?? "<div class=\"plan-cell\">\n"
            if echo == .show {
                html += "<pre><code class=\"language-swift\">\(HTML.escape(cell.code))</code></pre>\n"
            }
            var remainingFigures = figures[...]
            let items = outputs?.cells[cell.index] ?? []
            if !items.isEmpty {
                html += "<div class=\"output\">\n"
                for item in items {
                    switch item {
                    case .graph, .chart:
                        html += remainingFigures.popFirst() ?? ""
                    default:
                        html += CellOutputHTML.html(item)
                    }
                }
                html += "</div>\n"
            }
            return html + "</div>\n"
        }
    }

    // MARK: - Helpers

    /// `x.md` or `x.md#part` naming a report of the site → `x.html` / `x.html#part`; nil for anything else.
    static func pageDestination(_ destination: String, slugs: Set<String>) -> String? {
        guard !destination.contains(":"), !destination.hasPrefix("/") else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var file = String(parts[0])
        if file.hasPrefix("./") { file.removeFirst(2) }
        guard file.hasSuffix(".md"), !file.contains("/") else { return nil }
        let slug = String(file.dropLast(3))
        guard slugs.contains(slug) else { return nil }
        return "\(slug).html" + (parts.count > 1 ? "#\(parts[1])" : "")
    }

    private static func infoProblem(_ info: String, _ element: MarkdownElement, _ report: Report) -> Diagnostic {
        let message: String
        do {
            _ = try FenceInfo(parsing: info)
            message = "unreadable info string `\(info)`"
        } catch {
            message = error.message
        }
        return Diagnostic(file: report.path, line: report.bodyFirstLine + element.line - 1, column: element.column, message)
    }
}
