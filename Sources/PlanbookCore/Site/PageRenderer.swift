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
        var anchors = HeadingAnchors(reserved: reservedIDs)
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
        return Outline(report: report, figures: figures, headings: headings, links: links, problems: problems)
    }

    /// The page HTML of `outline`, with `svgs[i]` drawn for `outline.figures[i]`.
    public static func render(_ outline: Outline, svgs: [String]) -> RenderedPage {
        let report = outline.report
        var rewrites: [Int: MarkdownRewrite] = [:]
        var downloads: [(String, String)] = []
        for (figure, svg) in zip(outline.figures, svgs) {
            rewrites[figure.elementIndex] = .html(figure.html(svg: svg, folder: report.slug))
            downloads.append(("\(report.slug)/\(figure.name).dot", figure.dot))
            downloads.append(("\(report.slug)/\(figure.name).svg", svg))
        }
        for heading in outline.headings { rewrites[heading.index] = .headingID(heading.id) }
        for link in outline.links { rewrites[link.index] = .linkDestination(link.destination) }
        let title = report.frontMatter.title
            ?? outline.headings.first { $0.level == 1 }?.text
            ?? report.slug
        let toc = outline.headings.filter { $0.level == 2 || $0.level == 3 }
            .map { RenderedPage.TOCEntry(id: $0.id, text: $0.text, level: $0.level) }
        return RenderedPage(
            report: report, title: title, bodyHTML: CommonMark.renderHTML(report.body, rewrites: rewrites),
            toc: toc, downloads: downloads)
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
