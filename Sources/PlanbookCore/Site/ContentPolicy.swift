/// What a report's raw HTML and links may do: the site promises reviewers pages without script, and links that stay
/// inside the study.
///
/// Script in raw HTML — a `<script>` element, an `on…=` event handler, a `javascript:` URL — is an error naming its
/// line, unless the build allows scripts (`--allow-scripts`). A relative link that climbs out of the site
/// (`../../etc/passwd`) is a warning: it works on no reader's machine.
public enum ContentPolicy {
    /// The problems with `report`'s raw HTML and links among its `elements`.
    public static func problems(in report: Report, elements: [MarkdownElement], allowScripts: Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for element in elements {
            let line = report.bodyFirstLine + element.line - 1
            switch element.kind {
            case .htmlBlock, .htmlInline:
                guard !allowScripts, let what = script(in: element.text) else { continue }
                problems.append(Diagnostic(
                    file: report.path, line: line, column: element.column,
                    "raw HTML carries script (\(what)); Planbook's pages promise reviewers no JavaScript — remove it, "
                        + "or build with --allow-scripts"))
            case .link, .image:
                let destination = element.text.lowercased().trimmingLeadingSpaces
                if !allowScripts, destination.hasPrefix("javascript:") || destination.hasPrefix("vbscript:") {
                    problems.append(Diagnostic(
                        file: report.path, line: line, column: element.column,
                        "a `javascript:` link runs script; link to a page or a file instead, or build with --allow-scripts"))
                } else if climbsOutOfSite(element.text) {
                    problems.append(Diagnostic(
                        file: report.path, line: line, column: element.column, severity: .warning,
                        "the link `\(element.text)` points outside the site folder, so it breaks for every reader; "
                            + "link to a page of the study or to a full URL"))
                }
            default:
                continue
            }
        }
        return problems
    }

    /// The kind of script in `html`, if any: "<script>", "an onclick= handler", "a javascript: URL".
    static func script(in html: String) -> String? {
        let lowered = html.lowercased()
        if lowered.contains("<script") { return "a <script> element" }
        if lowered.contains("javascript:") || lowered.contains("vbscript:") { return "a javascript: URL" }
        // An event handler: whitespace or a quote, then on<letters>, optional spaces, "=".
        let characters = Array(lowered)
        var index = 0
        while index + 3 < characters.count {
            if characters[index] == "o", characters[index + 1] == "n",
                index > 0, characters[index - 1].isWhitespace || characters[index - 1] == "\"" || characters[index - 1] == "'" || characters[index - 1] == "/" {
                var end = index + 2
                while end < characters.count, characters[end].isLetter { end += 1 }
                var afterName = end
                while afterName < characters.count, characters[afterName] == " " { afterName += 1 }
                if end > index + 2, afterName < characters.count, characters[afterName] == "=" {
                    return "an \(String(characters[index..<end]))= handler"
                }
            }
            index += 1
        }
        return nil
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

extension String {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " || $0 == "\t" }) }
}
