/// Escaping of text for HTML and XML (SVG): the one escaper of the project, used by PlanKit's charts and by
/// Planbook's pages alike.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` (unless `quotes` is false, as text outside attributes may leave it) and `'`
    /// (unless `apostrophes` is false, as CommonMark renderers leave it) replaced by character references, for
    /// content and attribute values. Text with none of them is returned as it is, without a copy.
    public static func escaped(_ text: String, quotes: Bool = true, apostrophes: Bool = true) -> String {
        let escapes = text.utf8.contains { byte in
            byte == 38 || byte == 60 || byte == 62 || (quotes && byte == 34) || (apostrophes && byte == 39)
        }
        guard escapes else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where apostrophes: result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
