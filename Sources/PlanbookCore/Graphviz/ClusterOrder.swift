/// Puts the cluster groups of a Graphviz SVG in a canonical order, so that the same graph always gives the same bytes.
///
/// libgvc sometimes emits the `<g id="clustN" class="cluster">` groups of one graph in another order — seen when the
/// same graph is laid out again in one process, and in forked renders whose parent's heap differs — though each
/// cluster keeps its id, title and geometry. Graphviz writes all cluster groups as one run of siblings before the
/// nodes; this sorts that run by N, the order Graphviz numbers clusters in (parents before their children), so fills
/// still paint parents under children. Works on UTF-8 bytes: drawings run to megabytes.
public enum ClusterOrder {
    private static let opening = Array("<g id=\"clust".utf8)

    /// `svg` with its run of cluster groups sorted by cluster number; other text unchanged.
    public static func canonical(_ svg: String) -> String {
        let bytes = Array(svg.utf8)
        guard let first = find(opening, in: bytes, from: 0) else { return svg }
        var groups: [(number: Int, range: Range<Int>)] = []
        var cursor = first
        while matches(opening, in: bytes, at: cursor), let end = endOfGroup(in: bytes, from: cursor) {
            var number = 0
            var digit = cursor + opening.count
            while digit < bytes.count, (48...57).contains(bytes[digit]) {
                number = number * 10 + Int(bytes[digit] - 48)
                digit += 1
            }
            groups.append((number, cursor..<end))
            cursor = end
            // Skip the newline Graphviz writes after each group.
            while cursor < bytes.count, bytes[cursor] == 10 { cursor += 1 }
        }
        var output = Array(bytes[..<first])
        for group in groups.sorted(by: { $0.number < $1.number }) {
            output += bytes[group.range]
            output.append(10)
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The index just past the `</g>` that closes the group opening at `start`, counting nested groups.
    private static func endOfGroup(in bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 60 {  // "<"
                if bytes[index + 1] == 103, bytes[index + 2] == 32 || bytes[index + 2] == 62 {  // "<g " or "<g>"
                    depth += 1
                } else if bytes[index + 1] == 47, bytes[index + 2] == 103, bytes[index + 3] == 62 {  // "</g>"
                    depth -= 1
                    if depth == 0 { return index + 4 }
                }
            }
            index += 1
        }
        return nil
    }

    private static func matches(_ pattern: [UInt8], in bytes: [UInt8], at position: Int) -> Bool {
        position + pattern.count <= bytes.count && pattern.indices.allSatisfy { bytes[position + $0] == pattern[$0] }
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], matches(pattern, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
