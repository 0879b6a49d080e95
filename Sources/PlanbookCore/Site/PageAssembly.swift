import Foundation
import PlanRecord

/// The render step for one page: the report's Markdown tree with every plan cell, figure, inline value, callout,
/// highlighted block, cross-reference and page link replaced by its page part; the findings panel it opens with;
/// on the index, the list of the site's figures and tables; then the provenance.
struct PageAssembly {
    let outline: PageOutline
    let items: PageItems
    let outputs: NotebookOutputs?
    /// Drawings by figure name.
    let drawings: [String: String]
    let references: CrossReferences
    let slugs: Set<String>
    /// How blocks that show outputs and set no `echo=` show their code.
    var defaultEcho: PlanCell.Echo = .fold
    /// How large a drawing may be and still sit in the page.
    var embedding = FigureEmbedding()
    /// On the index: how the claims of every other page came out.
    var study: [FindingsPart.PageVerdict] = []
    /// On the index: every numbered figure and table of the site.
    var listing: [CrossReferences.PageListing] = []
    /// The page's formulas as KaTeX rendered them, by their place among its formulas (`outline.math`).
    var math: [Int: String] = [:]
    /// The marks of numbers that changed since the build `--compare-to` names (nil: no marks).
    var marks: ChangeMarks?
    /// Parts shown above the findings panel (the `--compare-to` note: what moved since the build the reader read).
    var opening: [any MarkdownPart] = []
    /// Parts shown above the report's own text, below the findings (the scenario switcher: every claim's verdict
    /// stays on the first screen).
    var top: [any MarkdownPart] = []
    /// The way from this page to the site's root when the study's scenarios are published ("" for the study's own
    /// pages, "../../" for a scenario's copy), so that a link into `scenarios/` (the matrix) reaches it from every
    /// copy; nil when they are not (a bundle, a study without scenarios), and such a link is left as its text.
    var scenarioRoot: String?

    /// The page, opening with its findings and ending with `provenance`.
    func page(provenance: Provenance?) -> RenderedPage {
        let formulas = MathReplacement(spans: outline.math, rendered: math)
        let body = top.map(Self.block) + outline.document.rewritten(blocks: { block($0, formulas) }, inlines: inline).blocks
        var toc = outline.headings.filter { $0.level == 2 || $0.level == 3 }
            .map { RenderedPage.TOCEntry(id: $0.anchor, text: $0.text, level: $0.level) }
        let findings = FindingsPart(claims: items.claims, study: study)
        if !findings.isEmpty {
            toc.insert(RenderedPage.TOCEntry(id: "findings", text: study.isEmpty ? "Findings" : "The verdict", level: 2),
                       at: 0)
        }
        var end: [any MarkdownPart] = []
        if !listing.isEmpty {
            end.append(FigureListPart(listing: listing))
            toc.append(RenderedPage.TOCEntry(id: "figures-and-tables", text: "Figures and tables", level: 2))
        }
        end.append(PageEndPart(provenance: provenance))
        var page = RenderedPage(
            report: outline.report, title: outline.title, body: body + end.map(Self.block), toc: toc,
            downloads: downloads)
        page.findings = opening.map(Self.block) + (findings.isEmpty ? [] : [Self.block(findings)])
        page.figurePages = figurePages
        page.hasMath = !outline.math.isEmpty
        return page
    }

    /// `part` as a block of its own.
    private static func block(_ part: any MarkdownPart) -> MarkdownBlock {
        MarkdownBlock(id: -1, position: MarkdownPosition(line: 1, column: 1), kind: .part(part))
    }

    private var folder: String { outline.report.slug }

    /// `block` with its formulas rendered and, when it is one, made a page part (or given its anchor); nil when
    /// nothing changes.
    private func block(_ block: MarkdownBlock, _ formulas: MathReplacement) -> MarkdownBlock? {
        var replaced = block
        let unchanged: MarkdownBlock? = formulas.replace(&replaced.inlines) ? replaced : nil
        switch block.kind {
        case .heading(let level, _):
            guard let heading = outline.headings.first(where: { $0.id == block.id }) else { return unchanged }
            replaced.kind = .heading(level: level, anchor: heading.anchor)
        case .codeBlock(let info, let code):
            guard let part = codePart(block.id, info: info, code: code) else { return unchanged }
            replaced.kind = .part(part)
        case .table:
            replaced.kind = .part(MarkdownTablePart(table: block))
        case .html:
            guard let html = outline.rawHTML[block.id] else { return unchanged }
            replaced.kind = .html(html)
        case .blockQuote:
            guard let kind = Callout.kind(block.plainTextOfFirstChild) else { return unchanged }
            replaced.kind = .part(CalloutPart(kind: kind, title: Callout.titles[kind] ?? kind,
                                              blocks: Callout.withoutMarker(block.children)))
        default:
            return unchanged
        }
        return replaced
    }

    private func codePart(_ node: Int, info: String, code: String) -> (any MarkdownPart)? {
        if let cell = outline.cells.first(where: { $0.elementIndex == node }) {
            return PlanCellPart(
                cell: cell, outputs: items.cellOutputs[cell.index] ?? [], drawings: drawings, folder: folder,
                defaultEcho: defaultEcho, embedding: embedding, marks: marks)
        }
        if let figure = outline.figures.first(where: { $0.elementIndex == node }) {
            return DotFigurePart(figure: figure, svg: drawings[figure.name] ?? "", label: items.blockItems[node]?.label,
                                 folder: folder, embedding: embedding)
        }
        let words = info.split(separator: " ")
        guard words.first == "swift", words.dropFirst().first != "plan" else { return nil }
        return HighlightedCodePart(code: code)
    }

    private func inline(_ inline: MarkdownInline) -> [MarkdownInline]? {
        var replaced = inline
        switch inline.kind {
        case .code:
            guard let cell = outline.cells.first(where: { $0.elementIndex == inline.id }) else { return nil }
            replaced.kind = .part(InlineValuePart(
                value: outputs?.cells[cell.index].inline, mark: marks?.inline(cell: cell.index)))
        case .link(.url(let url), let title):
            if url.hasPrefix(Scenario.folder + "/") {
                guard let root = scenarioRoot else { return inline.children }
                replaced.kind = .link(.url(root + url), title: title)
                return [replaced]
            }
            guard let page = Self.pageDestination(url, slugs: slugs) else { return nil }
            replaced.kind = .link(page, title: title)
        case .html:
            guard let html = outline.rawHTML[inline.id] else { return nil }
            replaced.kind = .html(html)
        case .text(let text):
            guard !CrossReferences.references(in: text).isEmpty else { return nil }
            replaced.kind = .part(CrossReferencePart(text: text, references: references, page: folder))
        default:
            return nil
        }
        return [replaced]
    }

    /// Every file the page links to: each figure's DOT and SVG, each chart's SVG and CSV, each offered file.
    private var downloads: [(path: String, contents: String)] {
        var files: [(String, String)] = []
        for figure in items.figures {
            files.append(("\(folder)/\(figure.name).dot", figure.dot))
            files.append(("\(folder)/\(figure.name).svg", drawings[figure.name] ?? ""))
        }
        for cell in outline.cells {
            for placed in items.cellOutputs[cell.index] ?? [] {
                switch placed.output {
                case .chart(let chart):
                    guard let name = placed.item?.name else { continue }
                    files.append(("\(folder)/\(name).svg", chart.svg))
                    files.append(("\(folder)/\(name).csv", CellOutputHTML.csv(chart.data)))
                case .file(let file):
                    guard let name = placed.fileName else { continue }
                    files.append(("\(folder)/\(name).\(file.fileExtension)", file.contents))
                default:
                    continue
                }
            }
        }
        return files
    }

    /// A page of its own for each drawing too large to sit inline.
    private var figurePages: [FigurePage] {
        var drawn: [(item: PageItems.Item, svg: String)] = []
        for item in items.items where item.kind == .figure {
            if let svg = drawings[item.name] { drawn.append((item, svg)) }
        }
        for placed in items.cellOutputs.values.joined() {
            if case .chart(let chart) = placed.output, let item = placed.item { drawn.append((item, chart.svg)) }
        }
        return drawn.filter { embedding.links($0.svg, scope: .site) }.sorted { $0.item.number < $1.item.number }
            .map { item, svg in
                let metrics = SVGMetrics(svg)
                let title = item.caption.isEmpty ? item.label : "\(item.label): \(item.caption)"
                return FigurePage(
                    path: "\(folder)/\(item.name).html", title: title, svgFile: "\(item.name).svg",
                    width: Int((metrics?.width ?? 0).rounded()), height: Int((metrics?.height ?? 0).rounded()),
                    alternative: "\(title). The drawing is \(Int((metrics?.width ?? 0).rounded())) × "
                        + "\(Int((metrics?.height ?? 0).rounded())) pixels; its files are beside this page.",
                    backHref: "../\(outline.report.outputName)#\(item.anchor)", backTitle: outline.title)
            }
    }

    /// `x.md` or `x.md#part` naming a report of the site → that page (at that anchor); nil for anything else.
    static func pageDestination(_ destination: String, slugs: Set<String>) -> MarkdownLink? {
        guard !destination.contains(":"), !destination.hasPrefix("/") else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var file = String(parts[0])
        if file.hasPrefix("./") { file.removeFirst(2) }
        // A link may name the file percent-encoded (`my%20report.md`), as URLs do.
        file = file.removingPercentEncoding ?? file
        guard file.hasSuffix(".md"), !file.contains("/") else { return nil }
        let slug = String(file.dropLast(3))
        guard slugs.contains(slug) else { return nil }
        return .page(slug: slug, anchor: parts.count > 1 ? String(parts[1]) : nil)
    }
}

extension RenderedPage {
    /// `outline` made into a page alone — its cells' `outputs`, each figure drawn as `svg(figure)`, references to
    /// its own items only, no provenance: for tests and tools that look at one page.
    static func rendering(
        _ outline: PageOutline, slugs: Set<String> = [], outputs: NotebookOutputs? = nil,
        svg: (DotFigure) -> String = { _ in "<svg></svg>" }
    ) -> RenderedPage {
        let items = PageItems(outline, outputs: outputs)
        var references = CrossReferences()
        references.add(items, page: outline.report.slug, title: outline.title)
        let drawings = Dictionary(items.figures.map { ($0.name, svg($0)) }, uniquingKeysWith: { first, _ in first })
        return PageAssembly(outline: outline, items: items, outputs: outputs, drawings: drawings, references: references,
                            slugs: slugs).page(provenance: nil)
    }
}
