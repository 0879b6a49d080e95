/// Escaping of text for HTML and XML (SVG): the one escaper of the project, used by PlanKit's charts and by
/// Planbook's pages alike.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and (unless `apostrophes` is false, as CommonMark renderers leave it) `'`
    /// replaced by character references, for content and attribute values.
    public static func escaped(_ text: String, apostrophes: Bool = true) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophes: result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
