/// One Markdown file of a study, read and split: its front matter and its body.
///
/// `bodyFirstLine` maps lines of `body` back to the file, so that every diagnostic names the line of the `.md` file.
public struct Report: Sendable {
    /// The file as the user names it, e.g. `Reports/large-ep.md`; used in diagnostics.
    public var path: String
    /// The file name without `.md`, e.g. `large-ep`; names the page and its download folder.
    public var slug: String
    /// The parsed header.
    public var frontMatter: FrontMatter
    /// The Markdown after the header.
    public var body: String
    /// The line of the file on which `body` starts (1 when there is no front matter).
    public var bodyFirstLine: Int
    /// The whole file as text (UTF-8, line endings normalised): what the page's provenance hash covers.
    public var source: String = ""
    /// Problems in the front matter. The body is still read (with an empty front matter), so that one build
    /// reports the problems of both.
    public var problems: [Diagnostic]

    public init(
        path: String, slug: String, frontMatter: FrontMatter, body: String, bodyFirstLine: Int,
        problems: [Diagnostic] = []
    ) {
        self.path = path
        self.slug = slug
        self.frontMatter = frontMatter
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.problems = problems
    }

    /// The page's file in the site: `index.html` for the index report, else `<slug>.html`.
    public var outputName: String { "\(slug).html" }

    /// Reads a report from `bytes` of the file at `path`: checks that it is UTF-8 text, splits off and parses
    /// the front matter. Throws when the text cannot be read at all; front-matter problems go to `problems`.
    public static func parse(bytes: [UInt8], path: String, slug: String) throws(BuildFailure) -> Report {
        if let offset = firstInvalidUTF8(bytes) {
            let (line, column) = position(ofByte: offset, in: bytes)
            throw BuildFailure([Diagnostic(
                file: path, line: line, column: column,
                "the file is not UTF-8 text (invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); save it as UTF-8")])
        }
        if let offset = bytes.firstIndex(of: 0) {
            let (line, column) = position(ofByte: offset, in: bytes)
            throw BuildFailure([Diagnostic(file: path, line: line, column: column, "the file contains a NUL byte; remove it")])
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacing("\r\n", with: "\n")
        let (yaml, body, bodyFirstLine) = try splitFrontMatter(text, path: path)
        var frontMatter = FrontMatter()
        var problems: [Diagnostic] = []
        if let yaml {
            do {
                frontMatter = try FrontMatter.parse(yaml, file: path, firstLine: 2, declaresScenarios: slug == "index")
            } catch {
                problems = error.diagnostics
            }
        }
        if body.allSatisfy(\.isWhitespace) && yaml == nil {
            problems.append(Diagnostic(
                file: path, line: 1, column: 1, severity: .warning,
                "the report is empty, so its page will be too; write something, or remove the file"))
        }
        var report = Report(
            path: path, slug: slug, frontMatter: frontMatter, body: body, bodyFirstLine: bodyFirstLine, problems: problems)
        report.source = text
        return report
    }

    // MARK: - Splitting

    /// The YAML between a first line `---` and the next line `---` (or `...`), the rest, and the rest's first line.
    private static func splitFrontMatter(_ text: String, path: String) throws(BuildFailure) -> (String?, String, Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { return (nil, text, 1) }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" || $0.trimmingTrailingSpaces == "..." }) else {
            throw BuildFailure([Diagnostic(
                file: path, line: 1, column: 1,
                "front matter opened with `---` is never closed; end it with a line `---`")])
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (yaml, body, end + 2)
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = before.count(where: { $0 == 10 }) + 1
        let lineStart = before.lastIndex(of: 10).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
