/// What a report's Markdown holds for the build, read once from its parsed tree: its dot figures, its plan cells,
/// its headings with their anchors, its links to other reports, and the problems found while reading.
public struct PageOutline: Sendable {
    public var report: Report
    /// The report's Markdown, parsed once.
    public var document: MarkdownDocument
    public var figures: [DotFigure]
    /// The plan blocks and inline expressions, in order.
    public var cells: [PlanCell]
    /// Each heading's node id, anchor, level and text.
    public var headings: [(id: Int, anchor: String, level: Int, text: String)]
    /// Raw HTML to publish as the sanitizer wrote it back, by node id (see `ContentPolicy`).
    public var rawHTML: [Int: String]
    /// Problems found while reading; the figures listed are the readable ones, so they can still be drawn and their
    /// own problems found in the same build.
    public var problems: [Diagnostic]

    /// Ids the template uses, which headings must not take.
    public static let reservedIDs: Set<String> = ["content", "main", "nav", "toc", "top"]

    /// Reads `report`, parsing its body once; with `allowScripts`, raw HTML may carry script.
    public init(_ report: Report, allowScripts: Bool = false) {
        self.report = report
        document = CommonMark.parse(report.body)
        let elements = document.elements
        let policy = ContentPolicy.check(report, elements: elements, allowScripts: allowScripts)
        problems = policy.problems
        rawHTML = Dictionary(policy.rawHTML, uniquingKeysWith: { _, last in last })
        problems += FenceCheck.problems(in: report, elements: elements)
        let (cells, cellProblems) = PlanCellReader.cells(in: report, elements: elements)
        self.cells = cells
        problems += cellProblems
        let (figures, figureProblems) = Self.figures(in: report, elements: elements)
        self.figures = figures
        problems += figureProblems
        var anchors = HeadingAnchors(reserved: Self.reservedIDs.union(["claims", "provenance"]))
        figures.forEach { anchors.reserve($0.anchor) }
        headings = elements.compactMap { element in
            guard case .heading(let level) = element.kind else { return nil }
            return (element.index, anchors.anchor(for: element.text), level, element.text)
        }
    }

    /// The page title: the front matter's, else the first level-1 heading's text, else the file name.
    public var title: String {
        report.frontMatter.title ?? headings.first { $0.level == 1 }?.text ?? report.slug
    }

    /// The dot blocks of the report as figures, and the problems with their options.
    static func figures(in report: Report, elements: [MarkdownElement]) -> ([DotFigure], [Diagnostic]) {
        var figures: [DotFigure] = []
        var problems: [Diagnostic] = []
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
                figures.append(figure)
            } catch {
                problems += error.diagnostics
            }
        }
        return (figures, problems)
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
