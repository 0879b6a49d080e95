/// Puts the cluster groups of a Graphviz SVG in a canonical order, so that the same graph always gives the same bytes.
///
/// libgvc sometimes emits the `<g id="clustN" class="cluster">` groups of one graph in another order — seen when the
/// same graph is laid out again in one process, and in forked renders whose parent's heap differs — though each
/// cluster keeps its id, title and geometry. Graphviz writes all cluster groups as one run of siblings before the
/// nodes; this sorts that run by N, the order Graphviz numbers clusters in (parents before their children), so fills
/// still paint parents under children.
public enum ClusterOrder {
    /// `svg` with its run of cluster groups sorted by cluster number; other text unchanged.
    public static func canonical(_ svg: String) -> String {
        let opening = "<g id=\"clust"
        guard let first = svg.firstRange(of: opening) else { return svg }
        var groups: [(number: Int, text: Substring)] = []
        var cursor = first.lowerBound
        while svg[cursor...].hasPrefix(opening), let end = endOfGroup(in: svg, from: cursor) {
            let digits = svg[svg.index(cursor, offsetBy: opening.count)...].prefix { $0.isNumber }
            groups.append((Int(digits) ?? 0, svg[cursor..<end]))
            cursor = end
            // Skip the newline Graphviz writes after each group.
            while cursor < svg.endIndex, svg[cursor] == "\n" { cursor = svg.index(after: cursor) }
        }
        let sorted = groups.sorted { $0.number < $1.number }
        return String(svg[..<first.lowerBound]) + sorted.map { $0.text + "\n" }.joined() + svg[cursor...]
    }

    /// The index just past the `</g>` that closes the group opening at `start`, counting nested groups.
    private static func endOfGroup(in svg: String, from start: String.Index) -> String.Index? {
        var depth = 0
        var index = start
        while index < svg.endIndex {
            let rest = svg[index...]
            if rest.hasPrefix("<g ") || rest.hasPrefix("<g>") {
                depth += 1
            } else if rest.hasPrefix("</g>") {
                depth -= 1
                if depth == 0 { return svg.index(index, offsetBy: 4) }
            }
            index = svg.index(after: index)
        }
        return nil
    }
}
