/// Turns a standalone SVG document into markup that can sit inside an HTML page.
///
/// Drops the XML prolog, doctype and comments (which carry Graphviz's version), prefixes every `id` and every
/// reference to one (`url(#…)`, `href="#…"`, `aria-labelledby="…"`) so that ids stay unique when a page holds several drawings, and labels
/// the drawing for screen readers. One pass over the UTF-8 bytes: drawings run to megabytes.
public enum InlineSVG {
    private static let svgOpen = Array("<svg".utf8)
    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let idAttribute = Array(" id=\"".utf8)
    private static let urlReference = Array("url(#".utf8)
    private static let hrefReference = Array("href=\"#".utf8)
    private static let rewritten = [idAttribute, urlReference, hrefReference]

    /// The `<svg>` element of `svg` with ids prefixed by `idPrefix-` and `label` as its accessible name.
    public static func make(_ svg: String, idPrefix given: String, label: String) -> String {
        // An SVG id is an XML name: one that would start with a digit (a chart named "8 experts per GPU") starts
        // with `svg-` instead.
        let idPrefix = given.first.map { $0.isLetter || $0 == "_" } ?? true ? given : "svg-" + given
        let bytes = Array(svg.utf8)
        let prefix = Array("\(idPrefix)-".utf8)
        let labelAttributes = Array(" role=\"img\" aria-label=\"\(HTML.escape(label))\"".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count, !matches(svgOpen, in: buffer, at: index) { index += 1 }
            guard index < buffer.count else { return }
            output += svgOpen
            index += svgOpen.count
            // Label the drawing unless it labels itself (charts from PlanKit carry role and aria-labelledby).
            var tagEnd = index
            while tagEnd < buffer.count, buffer[tagEnd] != 62 { tagEnd += 1 }
            let tag = String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<tagEnd]), as: UTF8.self)
            if !tag.contains("role=") { output += labelAttributes }
            copyBody(buffer, from: index, prefix: prefix, into: &output)
        }
        while let last = output.last, last == 10 || last == 32 || last == 13 || last == 9 { output.removeLast() }
        return String(decoding: output, as: UTF8.self).prefixingLabelledByIDs(with: "\(idPrefix)-")
    }

    /// Copies `buffer` from `start` to `output`, without comments, every id and id reference prefixed by `prefix`.
    private static func copyBody(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, prefix: [UInt8], into output: inout [UInt8]
    ) {
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 60, matches(commentOpen, in: buffer, at: index) {  // "<!--"
                index += commentOpen.count
                while index < buffer.count, !matches(commentClose, in: buffer, at: index) { index += 1 }
                index = min(buffer.count, index + commentClose.count)
                if index < buffer.count, buffer[index] == 10 { index += 1 }
                continue
            }
            if byte == 32 || byte == 117 || byte == 104,
                let pattern = rewritten.first(where: { byte == $0[0] && matches($0, in: buffer, at: index) }) {
                output += pattern
                output += prefix
                index += pattern.count
                continue
            }
            output.append(byte)
            index += 1
        }
    }

    private static func matches(_ pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + pattern.count <= buffer.count else { return false }
        for offset in 0..<pattern.count where buffer[position + offset] != pattern[offset] { return false }
        return true
    }
}
