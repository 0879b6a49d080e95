/// A report's raw HTML checked as a browser reads it: all its pieces as one stream, because a tag, a quoted
/// attribute or a comment left open in one piece swallows the Markdown after it and can close in another.
///
/// The pieces (raw HTML blocks and inline tags, in document order) are joined with marker comments between them,
/// parsed by libxml2's HTML parser as the content of a body, and sanitized (`MarkupSanitizer`). A marker that does not
/// come out as a comment of its own shows that the piece before it never closed. Each piece is then published as the
/// sanitizer wrote it back, so the page holds only markup that was checked; a piece that needs no change keeps its
/// bytes. Anything removed is an error at its place in the report.
public enum RawHTMLSanitizer {
    /// The checked raw HTML of a report.
    public struct Result: Sendable {
        /// Element index → the HTML to publish instead, for the pieces whose canonical form differs.
        public var replacements: [(index: Int, html: String)] = []
        /// One error per removal.
        public var problems: [Diagnostic] = []
    }

    /// Checks the raw HTML `pieces` (elements of `report`'s body of kind `.htmlBlock` or `.htmlInline`).
    public static func sanitize(_ pieces: [MarkdownElement], in report: Report) -> Result {
        guard !pieces.isEmpty else { return Result() }
        // The marker names the stream's own hash, so no report can write one by chance or on purpose.
        let token = String(ContentHash.of(pieces.map(\.text).joined(separator: "\u{0}")).prefix(16))
        let markerPrefix = "planbook-\(token)-"
        var stream = ""
        var firstLines: [Int] = []
        var line = 1
        for (position, piece) in pieces.enumerated() {
            firstLines.append(line)
            stream += piece.text
            line += piece.text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            stream += "<!--\(markerPrefix)\(position + 1)-->"
        }
        let parsed = LibXML2.parseHTML(stream)
        var sanitized = MarkupSanitizer.sanitizeHTML(parsed.nodes, markerPrefix: markerPrefix)
        for repair in parsed.repairs {
            let piece = firstLines.lastIndex { $0 <= repair.line } ?? 0
            let tag = repair.message.firstIndex(of: "<").map { repair.message[$0...].prefix { $0 != ">" } }
            sanitized.removals.append(
                MarkupSanitizer.Removal(
                    what: "markup the HTML parser drops (\(repair.message))", line: repair.line,
                    needle: tag.map(String.init) ?? "&#", piece: piece))
        }
        var result = Result()
        let locator = SourceLocator(report: report)
        let expected = Array(1...pieces.count)
        if sanitized.markers != expected {
            let open = expected.indices.first { $0 >= sanitized.markers.count || sanitized.markers[$0] != expected[$0] }
            let piece = pieces[open ?? pieces.count - 1]
            result.problems.append(
                Diagnostic(
                    file: report.path, line: report.bodyFirstLine + piece.line - 1, column: piece.column,
                    "raw HTML here is never closed: an unterminated tag, quoted attribute or comment swallows the text "
                        + "after it; close it, or build with --allow-scripts"))
            return result
        }
        for removal in sanitized.removals where removal.piece < pieces.count {
            let piece = pieces[removal.piece]
            let (line, column) = locator.place(
                of: removal.needle, pieceLine: piece.line, pieceColumn: piece.column,
                lineOffset: max(0, removal.line - firstLines[removal.piece]))
            result.problems.append(
                Diagnostic(
                    file: report.path, line: line, column: column,
                    "raw HTML: \(removal.what) can run script or load active content, so Planbook does not publish it "
                        + "(it keeps only allow-listed elements, attributes and links); remove it, or build with "
                        + "--allow-scripts"
                ))
        }
        guard result.problems.isEmpty else { return result }
        for (position, piece) in pieces.enumerated() where sanitized.pieces[position] != piece.text {
            result.replacements.append((piece.index, sanitized.pieces[position]))
        }
        return result
    }
}

/// Finds the line and column of a piece of text in a report's file.
struct SourceLocator {
    let report: Report
    private let lines: [Substring]

    init(report: Report) {
        self.report = report
        let text = report.source.isEmpty ? report.body : report.source
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The file's line and column of `needle`, found on the line `lineOffset` lines below the start of a piece that
    /// starts at body line `pieceLine`, column `pieceColumn` (or at the piece's start when it is not there).
    func place(of needle: String, pieceLine: Int, pieceColumn: Int, lineOffset: Int) -> (line: Int, column: Int) {
        let fileLine = report.bodyFirstLine + pieceLine - 1 + lineOffset
        let index = report.source.isEmpty ? pieceLine - 1 + lineOffset : fileLine - 1
        guard lines.indices.contains(index) else { return (report.bodyFirstLine + pieceLine - 1, pieceColumn) }
        let text = lines[index].lowercased()
        let from = lineOffset == 0 ? max(0, pieceColumn - 1) : 0
        let searched = text.utf8.count > from ? String(text.utf8.dropFirst(from)) ?? text : text
        if let range = searched.range(of: needle.lowercased()) {
            let column = from + searched.utf8.distance(from: searched.startIndex, to: range.lowerBound) + 1
            return (fileLine, column)
        }
        return lineOffset == 0 ? (fileLine, pieceColumn) : (fileLine, 1)
    }
}
