/// One piece of Swift in a report that Planbook runs: a ```` ```swift plan ```` block or an inline `` `{swift} expr` ``.
///
/// All cells of a report run in document order as one program, like the cells of a notebook.
public struct PlanCell: Sendable, Equatable {
    /// Whether to show a block's code above its outputs.
    public enum Echo: String, Sendable, Equatable {
        /// Show the code, then the outputs (the default of blocks that show nothing).
        case show = "true"
        /// Show only the outputs (`echo=false`).
        case hide = "false"
        /// Show the outputs, with the code folded under them (`echo=fold`; the default of blocks that show
        /// outputs, unless the study's front matter sets another).
        case fold
    }

    /// A block or an inline expression.
    public enum Kind: Sendable, Equatable {
        /// A fenced block, with its options (`echo` nil when the block does not set it).
        case block(echo: Echo?, id: String?)
        /// An inline expression whose value replaces it in the prose.
        case inline
    }

    /// The options a `swift plan` block accepts.
    public static let knownOptions = ["echo", "id", "caption"]

    /// Position among the report's cells, from 0.
    public var index: Int
    /// Block or inline.
    public var kind: Kind
    /// The Swift code (a block's body, or the expression).
    public var code: String
    /// The Markdown element it came from (see `MarkdownElement.index`).
    public var elementIndex: Int
    /// The report line of the code's first line.
    public var line: Int
    /// The report column of the code's first character.
    public var column: Int
    /// A block's `caption=`: the caption of its first figure or table.
    public var caption: String?
    /// An inline expression marked `{swift headline}` (or `{swift headline="Label"}`): its label as a headline
    /// number of the study, a row of the scenario matrix ("" when the label is to be made from its sentence).
    public var headline: String?

    public init(
        index: Int, kind: Kind, code: String, elementIndex: Int, line: Int, column: Int, caption: String? = nil,
        headline: String? = nil
    ) {
        self.index = index
        self.kind = kind
        self.code = code
        self.elementIndex = elementIndex
        self.line = line
        self.column = column
        self.caption = caption
        self.headline = headline
    }

    /// The block's `id`, if any.
    public var id: String? {
        if case .block(_, let id) = kind { return id }
        return nil
    }
}
