/// A fenced `dot` block of a report: a Graphviz graph that the page shows as an inline SVG figure with downloads.
///
/// Options: `engine=` (a Graphviz layout engine, `dot` by default), `id=` or `name=` (the figure's name, used for its
/// anchor `fig-NAME` and its files `PAGE/NAME.dot` and `.svg`; `figure-N` by default) and `caption="…"`.
public struct DotFigure: Sendable, Equatable {
    /// The options a `dot` block accepts.
    public static let knownOptions = ["engine", "id", "name", "caption"]

    /// The figure's name: letters, digits, `-` and `_`.
    public var name: String
    /// Text under the figure, if given.
    public var caption: String?
    /// The Graphviz layout engine.
    public var engine: String
    /// The DOT source.
    public var dot: String
    /// Where the block's fence is in the report file (1-based).
    public var line: Int
    public var column: Int
    /// The block's index among the Markdown elements of the report body.
    public var elementIndex: Int
    /// For a graph a plan block showed: its position among the block's graphs (nil for a `dot` block).
    public var outputPosition: Int?

    /// Reads the block `element` (the `ordinal`-th dot block of `report`, from 1) with its parsed `info`.
    public init(element: MarkdownElement, info: FenceInfo, report: Report, ordinal: Int) throws(BuildFailure) {
        line = report.bodyFirstLine + element.line - 1
        column = element.column
        elementIndex = element.index
        dot = element.text
        var problems: [Diagnostic] = []
        for option in info.options where !Self.knownOptions.contains(option.key) {
            problems.append(Diagnostic(
                file: report.path, line: line, column: column,
                "unknown option `\(option.key)` on a dot block; the known options are "
                    + Self.knownOptions.map { "`\($0)`" }.joined(separator: ", ")))
        }
        engine = info["engine"] ?? "dot"
        if !Graphviz.engines.contains(engine) {
            problems.append(Diagnostic(
                file: report.path, line: line, column: column,
                "unknown layout engine `\(engine)`; use one of \(Graphviz.engines.joined(separator: ", "))"))
        }
        name = info["id"] ?? info["name"] ?? "figure-\(ordinal)"
        if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            problems.append(Diagnostic(
                file: report.path, line: line, column: column,
                "figure name `\(name)` may hold only letters, digits, `-` and `_`"))
        }
        caption = info["caption"]
        if !problems.isEmpty { throw BuildFailure(problems) }
    }

    /// A figure for a graph that the plan block `cell` showed, the `position`-th graph of that block.
    public init(name: String, caption: String, dot: String, cell: PlanCell, position: Int) {
        self.name = name
        self.caption = caption
        self.engine = "dot"
        self.dot = dot
        self.line = cell.line
        self.column = cell.column
        self.elementIndex = cell.elementIndex
        self.outputPosition = position
    }

    /// The most statements (nodes, edges, attributes) a graph may have before Planbook refuses to lay it out: beyond
    /// a few thousand nodes `dot` takes minutes and the drawing cannot be read.
    public static let statementLimit = 15_000

    /// An error when the DOT has more statements than `statementLimit` (counted as the larger of its `;`s and its
    /// lines, outside quotes), so that a huge graph is refused at once instead of hanging in layout.
    public func sizeRefusal(file: String) -> Diagnostic? {
        var semicolons = 0
        var lines = 0
        var inQuotes = false
        var previous: UInt8 = 0
        for byte in dot.utf8 {
            if byte == 34, previous != 92 { inQuotes.toggle() }
            if !inQuotes, byte == 59 { semicolons += 1 }
            if !inQuotes, byte == 10 { lines += 1 }
            previous = byte
        }
        let statements = max(semicolons, lines)
        guard statements > Self.statementLimit else { return nil }
        return Diagnostic(
            file: file, line: line, column: column,
            "this graph has about \(statements) statements, more than Planbook lays out (\(Self.statementLimit)); draw a "
                + "summary instead, e.g. deployment.dag(.collapsed) or one layer with .layer(0)")
    }

    /// `svg` when it may be published, else an error at the block: the SVG check found `removals`
    /// (`SVGSanitizer.summary`; nil when nothing) — a `dot` block's `URL=`, `href=` or `image=` can carry a
    /// `javascript:` link or an outside file into the drawing.
    func checked(_ svg: String, removals: String?, file: String) -> Result<String, Diagnostic> {
        guard let what = removals else { return .success(svg) }
        return .failure(Diagnostic(
            file: file, line: line, column: column,
            "the drawing Graphviz made of this graph holds \(what), which can run script (from a `URL=`, `href=` or "
                + "`image=` attribute, say); link to a page or an http(s) address, or build with --allow-scripts"))
    }

    /// The anchor of the figure in its page.
    public var anchor: String { "fig-\(name)" }

    /// The diagnostic for a Graphviz error, at the DOT line it names inside the block (the line after the fence is
    /// the DOT's line 1), or at the fence.
    public func diagnostic(for error: GraphvizError, file: String) -> Diagnostic {
        if let dotLine = error.line, dotLine >= 1 {
            return Diagnostic(file: file, line: line + dotLine, column: 1, "Graphviz: \(error.message)")
        }
        return Diagnostic(file: file, line: line, column: column, "Graphviz: \(error.message)")
    }

    /// The figure's HTML (see `FigureHTML`): the drawing, its caption and links to `folder/NAME.svg` and
    /// `folder/NAME.dot`, with ids and links written by `scope`. `label` ("Figure 2") numbers it.
    public func html(
        svg: String, folder: String, label number: String? = nil, scope: LinkScope = .site,
        embedding: FigureEmbedding = FigureEmbedding()
    ) -> String {
        FigureHTML(kind: .drawing, name: name, number: number, caption: caption, label: caption ?? "Diagram \(name)",
                   svg: svg, downloads: [("DOT", "\(folder)/\(name).dot", dot)], folder: folder)
            .html(scope: scope, embedding: embedding)
    }
}
