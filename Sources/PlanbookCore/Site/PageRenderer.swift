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
        /// Block quotes that are GitHub alerts (`> [!NOTE]`): element index → kind (`note`, `warning`, …).
        public var callouts: [(index: Int, kind: String)]
        /// Plain ```` ```swift ```` blocks (shown, not run): element index → code.
        public var swiftBlocks: [(index: Int, code: String)]
        /// Text runs holding cross-references, with where they start in the report.
        public var referenceTexts: [(index: Int, text: String, line: Int, column: Int)]
        /// Raw HTML pieces to publish as the sanitizer wrote them back (element index → HTML).
        public var rawHTML: [(index: Int, html: String)] = []
        /// Problems found while reading; the figures listed are the readable ones, so they can still be drawn
        /// and their own problems found in the same build.
        public var problems: [Diagnostic]
    }

    /// Ids the template uses, which headings must not take.
    public static let reservedIDs: Set<String> = ["content", "main", "nav", "toc", "top"]

    /// Reads `report`'s elements: dot blocks become figures, headings get anchors, links to other reports' `.md`
    /// files are pointed at their pages. `slugs` are the reports of the site.
    public static func outline(_ report: Report, slugs: Set<String>, allowScripts: Bool = false) -> Outline {
        var figures: [DotFigure] = []
        var headings: [(Int, String, Int, String)] = []
        var links: [(Int, String)] = []
        var callouts: [(Int, String)] = []
        var swiftBlocks: [(Int, String)] = []
        var referenceTexts: [(Int, String, Int, Int)] = []
        var problems: [Diagnostic] = []
        let elements = CommonMark.elements(in: report.body)
        let policy = ContentPolicy.check(report, elements: elements, allowScripts: allowScripts)
        problems += policy.problems
        problems += unclosedFences(in: report, elements: elements)
        var anchors = HeadingAnchors(reserved: reservedIDs.union(["claims", "provenance"]))
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
            case .blockQuote:
                if let kind = calloutKind(element.text) { callouts.append((element.index, kind)) }
            case .codeBlock(let info):
                let words = info.split(separator: " ")
                if words.first == "swift", words.dropFirst().first != "plan" { swiftBlocks.append((element.index, element.text)) }
            case .referenceText:
                if !CrossReferences.references(in: element.text).isEmpty {
                    referenceTexts.append((element.index, element.text, report.bodyFirstLine + element.line - 1, element.column))
                }
            default:
                break
            }
        }
        return Outline(
            report: report, figures: figures, headings: headings, links: links, cells: cells, callouts: callouts,
            swiftBlocks: swiftBlocks, referenceTexts: referenceTexts, rawHTML: policy.rawHTML, problems: problems)
    }

    /// The page HTML of `outline`, with the cells' `outputs` in place, its figures and tables numbered as `items`
    /// says, `svgs[i]` drawn for `items.figures[i]`, and cross-references resolved through `references`.
    public static func render(
        _ outline: Outline, outputs: NotebookOutputs? = nil, items: PageItems, svgs: [String],
        references: CrossReferences = CrossReferences(), provenance: Provenance? = nil
    ) -> RenderedPage {
        let report = outline.report
        var rewrites: [Int: MarkdownRewrite] = [:]
        var downloads: [(String, String)] = []
        var graphHTML: [Int: [String]] = [:]
        for (figure, svg) in zip(items.figures, svgs) {
            if figure.outputPosition == nil {
                let label = items.blockItems[figure.elementIndex]?.label
                rewrites[figure.elementIndex] = .html(figure.html(svg: svg, folder: report.slug, label: label))
            } else {
                graphHTML[figure.elementIndex, default: []].append(svg)
            }
            downloads.append(("\(report.slug)/\(figure.name).dot", figure.dot))
            downloads.append(("\(report.slug)/\(figure.name).svg", svg))
        }
        var graphFigures = items.figures.filter { $0.outputPosition != nil }[...]
        for cell in outline.cells {
            var svgsOfCell = graphHTML[cell.elementIndex] ?? []
            var figuresHTML: [String] = []
            var fileLinks: [String] = []
            var fileNames = (items.fileNames[cell.index] ?? [])[...]
            let cellItems = items.outputItems[cell.index] ?? []
            for (position, output) in (outputs?.cells[cell.index] ?? []).enumerated() {
                let item = position < cellItems.count ? cellItems[position] : nil
                switch output {
                case .graph:
                    guard let figure = graphFigures.popFirst(), !svgsOfCell.isEmpty else { continue }
                    figuresHTML.append(figure.html(svg: svgsOfCell.removeFirst(), folder: report.slug, label: item?.label))
                case .chart(_, let svg, let header, let rows):
                    guard let item else { continue }
                    let name = PageItems.name(of: item)
                    figuresHTML.append(CellOutputHTML.chart(
                        name: name, label: item.label, title: item.caption, svg: svg, folder: report.slug))
                    downloads.append(("\(report.slug)/\(name).svg", svg))
                    downloads.append(("\(report.slug)/\(name).csv", CellOutputHTML.csv(header: header, rows: rows)))
                case .file(let title, let fileExtension, let contents):
                    guard let name = fileNames.popFirst() else { continue }
                    let path = "\(report.slug)/\(name).\(fileExtension)"
                    downloads.append((path, contents))
                    fileLinks.append("<p class=\"download\">Download: <a href=\"\(HTML.escape(SitePath.href(path)))\">\(HTML.escape(title))</a></p>\n")
                default:
                    continue
                }
            }
            rewrites[cell.elementIndex] = .html(cellHTML(
                cell, outputs: outputs, figures: figuresHTML, items: cellItems, files: fileLinks))
        }
        for raw in outline.rawHTML { rewrites[raw.index] = .html(raw.html) }
        for heading in outline.headings { rewrites[heading.index] = .headingID(heading.id) }
        for link in outline.links { rewrites[link.index] = .linkDestination(link.destination) }
        for callout in outline.callouts {
            rewrites[callout.index] = .callout(kind: callout.kind, title: calloutTitles[callout.kind] ?? callout.kind)
        }
        for block in outline.swiftBlocks {
            rewrites[block.index] = .html("<pre><code class=\"language-swift\">\(SwiftHighlighter.html(block.code))</code></pre>\n")
        }
        for text in outline.referenceTexts {
            rewrites[text.index] = .html(references.html(text.text, onPage: report.outputName))
        }
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
        if let provenance { body += provenance.html }
        return RenderedPage(report: report, title: title, bodyHTML: body, toc: toc, downloads: downloads)
    }

    /// The problems with the cross-references of `outline`: each one that names no figure or table of the site.
    public static func unresolvedReferences(_ outline: Outline, references: CrossReferences) -> [Diagnostic] {
        outline.referenceTexts.flatMap { text in
            CrossReferences.references(in: text.text).compactMap { reference -> Diagnostic? in
                guard references.target(reference.anchor) == nil else { return nil }
                return Diagnostic(
                    file: outline.report.path, line: text.line, column: text.column + reference.offset,
                    "unknown cross-reference `@\(reference.anchor)`; no page has a figure or table with that id")
            }
        }
    }

    /// A warning for each fenced code block that is never closed (CommonMark runs it to the end of the file).
    static func unclosedFences(in report: Report, elements: [MarkdownElement]) -> [Diagnostic] {
        let lines = report.body.split(separator: "\n", omittingEmptySubsequences: false)
        return elements.compactMap { element -> Diagnostic? in
            guard case .codeBlock = element.kind, element.line >= 1, element.line <= lines.count else { return nil }
            let opening = lines[element.line - 1].drop { $0 == " " }
            guard let marker = opening.first, marker == "`" || marker == "~" else { return nil }
            let fence = opening.prefix { $0 == marker }
            guard fence.count >= 3 else { return nil }
            let contentLines = element.text.isEmpty ? 0 : element.text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let closing = element.line + contentLines + 1
            if closing <= lines.count, lines[closing - 1].drop(while: { $0 == " " }).hasPrefix(String(fence)) { return nil }
            return Diagnostic(
                file: report.path, line: report.bodyFirstLine + element.line - 1, column: element.column, severity: .warning,
                "this code block is never closed, so it runs to the end of the file; add a line \(fence) after its code")
        }
    }

    /// The GitHub alert kinds and their titles.
    static let calloutTitles = [
        "note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
    ]

    /// `note` for a block quote whose text starts with `[!NOTE]`, and so on; nil for an ordinary quote.
    static func calloutKind(_ text: String) -> String? {
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let kind = text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()
        return calloutTitles[kind] == nil ? nil : kind
    }

    /// A plan block as its code (unless `echo=false`) and its outputs; an inline expression as its value.
    static func cellHTML(
        _ cell: PlanCell, outputs: NotebookOutputs?, figures: [String], items: [PageItems.Item?] = [],
        files: [String] = []
    ) -> String {
        switch cell.kind {
        case .inline:
            let value = outputs?.inlineValues[cell.index] ?? ""
            return "<span class=\"inline-value\">\(HTML.escape(value))</span>"
        case .block(let echo, let id):
            var html = id.map { "<div class=\"plan-cell\" id=\"cell-\($0)\">\n" } ?? "<div class=\"plan-cell\">\n"
            if echo == .show {
                html += "<pre><code class=\"language-swift\">\(SwiftHighlighter.html(cell.code))</code></pre>\n"
            }
            var remainingFigures = figures[...]
            var remainingFiles = files[...]
            let numbering = items
            let items = outputs?.cells[cell.index] ?? []
            if !items.isEmpty {
                html += "<div class=\"output\">\n"
                for (position, item) in items.enumerated() {
                    switch item {
                    case .graph, .chart:
                        html += remainingFigures.popFirst() ?? ""
                    case .file:
                        html += remainingFiles.popFirst() ?? ""
                    case .table(_, let header, let rows):
                        let numbered = position < numbering.count ? numbering[position] : nil
                        html += CellOutputHTML.table(
                            title: numbered.map { $0.caption.isEmpty ? $0.label : "\($0.label): \($0.caption)" },
                            header: header, rows: rows,
                            id: numbered?.anchor)
                    default:
                        html += CellOutputHTML.html(item)
                    }
                }
                html += "</div>\n"
            }
            if echo == .fold {
                html += "<details class=\"folded-code\"><summary>Code</summary>\n"
                    + "<pre><code class=\"language-swift\">\(SwiftHighlighter.html(cell.code))</code></pre>\n</details>\n"
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
        // A link may name the file percent-encoded (`my%20report.md`), as URLs do.
        file = file.removingPercentEncoding ?? file
        guard file.hasSuffix(".md"), !file.contains("/") else { return nil }
        let slug = String(file.dropLast(3))
        guard slugs.contains(slug) else { return nil }
        return SitePath.href("\(slug).html") + (parts.count > 1 ? "#\(parts[1])" : "")
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
