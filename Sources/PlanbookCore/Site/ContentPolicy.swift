/// What a report may put into a page: the site promises reviewers pages without script, and links that stay inside
/// the study.
///
/// Raw HTML is sanitized as a browser reads it (`RawHTMLSanitizer`): only allow-listed elements, attributes and URL
/// schemes are kept, and anything removed — a `<script>`, an `on…=` handler, a `javascript:` URL, an `<iframe>` —
/// is an error at its line and column. Markdown links and images take the same URL schemes. Drawings and chart SVG
/// from plan blocks go through `SVGSanitizer`; downloads a plan block offers must be data (`.json`, `.csv`, …), not
/// pages. With `--allow-scripts` none of this is checked and raw HTML is published as written. A relative link that
/// climbs out of the site (`../../etc/passwd`) is a warning either way: it works on no reader's machine.
public enum ContentPolicy {
    /// What the check found: problems, and the sanitized form of raw HTML pieces that needed rewriting.
    public struct Result: Sendable {
        public var problems: [Diagnostic] = []
        /// Element index → the HTML to publish instead of the raw HTML written there.
        public var rawHTML: [(index: Int, html: String)] = []
    }

    /// The file extensions a plan block's downloads may have: data, never something a browser runs.
    public static let downloadExtensions: Set<String> = ["csv", "dot", "json", "md", "svg", "tsv", "txt"]

    /// Checks `report`'s raw HTML and links among its `elements`.
    public static func check(_ report: Report, elements: [MarkdownElement], allowScripts: Bool) -> Result {
        var result = Result()
        if !allowScripts {
            let raw = RawHTMLSanitizer.sanitize(
                elements.filter { $0.kind == .htmlBlock || $0.kind == .htmlInline }, in: report)
            result.problems += raw.problems
            result.rawHTML = raw.replacements
        }
        for element in elements where element.kind == .link || element.kind == .image {
            let line = report.bodyFirstLine + element.line - 1
            let use: URLPolicy.Use = element.kind == .link ? .link : .image
            if !allowScripts, let problem = URLPolicy.problem(with: element.text, as: use) {
                result.problems.append(Diagnostic(
                    file: report.path, line: line, column: element.column,
                    "this \(element.kind == .link ? "link" : "image") uses \(problem), which can run script or "
                        + "leave the study; use http, https, mailto, tel or a path in the site, or build with --allow-scripts"))
            } else if climbsOutOfSite(element.text) {
                result.problems.append(Diagnostic(
                    file: report.path, line: line, column: element.column, severity: .warning,
                    "the link `\(element.text)` points outside the site folder, so it breaks for every reader; "
                        + "link to a page of the study or to a full URL"))
            }
        }
        return result
    }

    /// Problems with what plan blocks produced for a page: chart SVG the allow-list would change, and downloads that
    /// are not data. `cells` gives each cell's place in the report.
    public static func problems(in outputs: NotebookOutputs, cells: [PlanCell], report: Report, allowScripts: Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, cellOutputs) in outputs.cells.enumerated() where cells.indices.contains(index) {
            let cell = cells[index]
            func problem(_ message: String) {
                problems.append(Diagnostic(file: report.path, line: cell.line, column: cell.column, message))
            }
            for output in cellOutputs.outputs {
                switch output {
                case .chart(let chart):
                    guard !allowScripts, let what = SVGSanitizer.summary(SVGSanitizer.removals(in: chart.svg)) else {
                        continue
                    }
                    problem("the chart “\(chart.title)” holds \(what), which a drawing may not carry (it can run "
                        + "script); draw it with PlanKit's charts, or build with --allow-scripts")
                case .file(let file):
                    if !downloadExtensions.contains(file.fileExtension) {
                        problem("the download “\(file.title)” has the extension `.\(file.fileExtension)`; downloads "
                            + "are data, one of " + downloadExtensions.sorted().map { "`.\($0)`" }.joined(separator: ", "))
                    } else if file.fileExtension == "svg", !allowScripts,
                        let what = SVGSanitizer.summary(SVGSanitizer.removals(in: file.contents))
                    {
                        problem("the download “\(file.title)” holds \(what), which a drawing may not carry; "
                            + "remove it, or build with --allow-scripts")
                    }
                default:
                    continue
                }
            }
        }
        return problems
    }

    /// Whether a relative link climbs above the site's root (pages sit at the root, so any leading `..` does).
    static func climbsOutOfSite(_ destination: String) -> Bool {
        guard !destination.contains(":"), !destination.hasPrefix("/"), !destination.hasPrefix("#") else { return false }
        var depth = 0
        for segment in destination.split(separator: "/") {
            if segment == ".." { depth -= 1 } else if segment != "." { depth += 1 }
            if depth < 0 { return true }
        }
        return false
    }
}
