import Foundation
import PlanRecord

/// The render step for one page: the report's Markdown tree with every plan cell, figure, inline value, callout,
/// highlighted block, cross-reference and page link replaced by its page part, then the claims and provenance.
struct PageAssembly {
    let outline: PageOutline
    let items: PageItems
    let outputs: NotebookOutputs?
    /// Drawings by figure name.
    let drawings: [String: String]
    let references: CrossReferences
    let slugs: Set<String>
    /// The marks of numbers that changed since the build `--compare-to` names (nil: no marks).
    var marks: ChangeMarks?
    /// Parts shown above the report's own text (the scenario switcher, the `--compare-to` note).
    var top: [any MarkdownPart] = []
    /// The way from this page to the site's root when the study's scenarios are published ("" for the study's own
    /// pages, "../../" for a scenario's copy), so that a link into `scenarios/` (the matrix) reaches it from every
    /// copy; nil when they are not (a bundle, a study without scenarios), and such a link is left as its text.
    var scenarioRoot: String?

    /// The page, ending with its claims summary and `provenance`.
    func page(provenance: Provenance?) -> RenderedPage {
        let start = top.map { MarkdownBlock(id: -1, position: MarkdownPosition(line: 1, column: 1), kind: .part($0)) }
        let body = start + outline.document.rewritten(blocks: block, inlines: inline).blocks
        let claims = outputs?.claims.map(\.claim) ?? []
        var toc = outline.headings.filter { $0.level == 2 || $0.level == 3 }
            .map { RenderedPage.TOCEntry(id: $0.anchor, text: $0.text, level: $0.level) }
        if !claims.isEmpty { toc.append(RenderedPage.TOCEntry(id: "claims", text: "Claims checked on this page", level: 2)) }
        let end = MarkdownBlock(id: -1, position: MarkdownPosition(line: 1, column: 1),
                                kind: .part(PageEndPart(claims: claims, provenance: provenance)))
        return RenderedPage(report: outline.report, title: outline.title, body: body + [end], toc: toc,
                            downloads: downloads)
    }

    private var folder: String { outline.report.slug }

    private func block(_ block: MarkdownBlock) -> MarkdownBlock? {
        var replaced = block
        switch block.kind {
        case .heading(let level, _):
            guard let heading = outline.headings.first(where: { $0.id == block.id }) else { return nil }
            replaced.kind = .heading(level: level, anchor: heading.anchor)
        case .codeBlock(let info, let code):
            guard let part = codePart(block.id, info: info, code: code) else { return nil }
            replaced.kind = .part(part)
        case .html:
            guard let html = outline.rawHTML[block.id] else { return nil }
            replaced.kind = .html(html)
        case .blockQuote:
            guard let kind = Callout.kind(block.plainTextOfFirstChild) else { return nil }
            replaced.kind = .part(CalloutPart(kind: kind, title: Callout.titles[kind] ?? kind,
                                              blocks: Callout.withoutMarker(block.children)))
        default:
            return nil
        }
        return replaced
    }

    private func codePart(_ node: Int, info: String, code: String) -> (any MarkdownPart)? {
        if let cell = outline.cells.first(where: { $0.elementIndex == node }) {
            return PlanCellPart(
                cell: cell, outputs: items.cellOutputs[cell.index] ?? [], drawings: drawings, folder: folder,
                marks: marks)
        }
        if let figure = outline.figures.first(where: { $0.elementIndex == node }) {
            return DotFigurePart(figure: figure, svg: drawings[figure.name] ?? "", label: items.blockItems[node]?.label,
                                 folder: folder)
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
        references.add(items, page: outline.report.slug)
        let drawings = Dictionary(items.figures.map { ($0.name, svg($0)) }, uniquingKeysWith: { first, _ in first })
        return PageAssembly(outline: outline, items: items, outputs: outputs, drawings: drawings, references: references,
                            slugs: slugs).page(provenance: nil)
    }
}
