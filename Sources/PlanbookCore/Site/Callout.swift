/// GitHub alerts: a block quote whose first paragraph starts with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` becomes a callout box (`CalloutPart`).
enum Callout {
    /// The alert kinds and their titles.
    static let titles = [
        "note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
    ]

    /// `note` for a quote whose text starts with `[!NOTE]`, and so on; nil for an ordinary quote.
    static func kind(_ text: String) -> String? {
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let kind = text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()
        return titles[kind] == nil ? nil : kind
    }

    /// The quote's blocks without the `[!KIND]` marker (and without its first paragraph, if that held only it).
    static func withoutMarker(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        guard var first = blocks.first, case .paragraph = first.kind,
            case .text(let text)? = first.inlines.first?.kind, let close = text.firstIndex(of: "]")
        else { return blocks }
        var inlines = first.inlines
        let rest = text[text.index(after: close)...].drop { $0 == " " || $0 == "\n" }
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0].kind = .text(String(rest)) }
        while let head = inlines.first, case .softBreak = head.kind { inlines.removeFirst() }
        if let head = inlines.first, case .text(let text) = head.kind {
            inlines[0].kind = .text(String(text.drop { $0 == " " }))
        }
        first.inlines = inlines
        return inlines.isEmpty ? Array(blocks.dropFirst()) : [first] + blocks.dropFirst()
    }
}

extension MarkdownBlock {
    /// The plain text of the first child block (a quote's first paragraph).
    var plainTextOfFirstChild: String { children.first?.plainText ?? "" }
}
