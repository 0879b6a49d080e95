import PlanKit

/// Escaping of text for HTML content and attribute values: PlanKit's `Markup`, the project's one escaper.
public enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public static func escape(_ text: String) -> String { Markup.escaped(text) }
}
