/// A LaTeX formula on the page, as KaTeX rendered it at build time: HTML for the eye and MathML for screen readers,
/// no script.
struct MathPart: MarkdownPart {
    /// KaTeX's HTML (empty when it could not render, which is an error of the build).
    var html: String

    func html(_ renderer: MarkdownHTML) -> String { html }
}

/// Puts each formula of a page, in order, where its masked text stands (see `MathScanner`): the inlines a formula
/// spans — its masked text, the line breaks in it and the values inside it — become one `MathPart`. A reference
/// type, so that the blocks of one page, rewritten in document order, take the formulas in turn.
final class MathReplacement {
    private let spans: [MathSpan]
    private let rendered: [Int: String]
    private var next = 0

    init(spans: [MathSpan], rendered: [Int: String]) {
        self.spans = spans
        self.rendered = rendered
    }

    /// Replaces the formulas in `inlines` (and in their children); whether there were any.
    func replace(_ inlines: inout [MarkdownInline]) -> Bool {
        guard next < spans.count else { return false }
        var active: (index: Int, remaining: Int, inline: MarkdownInline)?
        var output: [MarkdownInline] = []
        var changed = false
        for var inline in inlines {
            if active == nil, !inline.children.isEmpty, replace(&inline.children) { changed = true }
            guard case .text(let text) = inline.kind, text.unicodeScalars.contains(where: Self.isMask) || active != nil
            else {
                if active == nil { output.append(inline) }  // inside a formula: its line breaks and values
                continue
            }
            var plain = ""
            func flush() {
                guard !plain.isEmpty else { return }
                var piece = inline
                piece.kind = .text(plain)
                output.append(piece)
                plain = ""
            }
            for scalar in text.unicodeScalars {
                guard Self.isMask(scalar) else {
                    if active == nil { plain.unicodeScalars.append(scalar) }
                    continue
                }
                if active == nil, next < spans.count {
                    flush()
                    active = (next, spans[next].maskedBytes, inline)
                    next += 1
                }
                guard var current = active else { continue }
                current.remaining -= 1
                active = current
                if current.remaining == 0 {
                    var part = current.inline
                    part.kind = .part(MathPart(html: rendered[current.index] ?? ""))
                    part.children = []
                    output.append(part)
                    active = nil
                    changed = true
                }
            }
            flush()
        }
        inlines = output
        return changed
    }

    private static func isMask(_ scalar: Unicode.Scalar) -> Bool { scalar.value == UInt32(MathScanner.mask) }
}
