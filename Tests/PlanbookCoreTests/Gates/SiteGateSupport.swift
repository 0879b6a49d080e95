import Foundation

/// The committed `site/` as the quality gates read it: every HTML page with its text. (`make test` also checks that
/// the committed site is exactly what a fresh build of `Reports/` gives, so these gates cover both.)
struct CommittedSite {
    static let root = TemporaryStudyRoot.repository.appendingPathComponent("site")

    /// Every `.html` file under `site/`, by path relative to it, sorted.
    static var pages: [(path: String, html: String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var pages: [(String, String)] = []
        for case let path as String in enumerator where path.hasSuffix(".html") {
            if let html = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) {
                pages.append((path, html))
            }
        }
        return pages.sorted { $0.0 < $1.0 }
    }

    /// The values of attribute `name` (e.g. `href`) in `html`, in order. Scans UTF-8 bytes: pages run to megabytes.
    static func attribute(_ name: String, in html: String) -> [String] {
        let marker = Array(" \(name)=\"".utf8)
        let bytes = Array(html.utf8)
        var values: [String] = []
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == marker[0], Array(bytes[index..<index + marker.count]) == marker {
                let start = index + marker.count
                var end = start
                while end < bytes.count, bytes[end] != 34 { end += 1 }
                values.append(String(decoding: bytes[start..<end], as: UTF8.self))
                index = end
            }
            index += 1
        }
        return values
    }

    /// The opening tags `<name …>` in `html`, in order.
    static func tags(_ name: String, in html: String) -> [String] {
        let bytes = Array(html.utf8)
        let open = Array("<\(name)".utf8)
        var tags: [String] = []
        var index = 0
        while index + open.count < bytes.count {
            if bytes[index] == 60, Array(bytes[index..<index + open.count]) == open,
                bytes[index + open.count] == 32 || bytes[index + open.count] == 62 {
                var end = index
                while end < bytes.count, bytes[end] != 62 { end += 1 }
                tags.append(String(decoding: bytes[index..<end], as: UTF8.self))
                index = end
            }
            index += 1
        }
        return tags
    }
}

/// The repository root, for gates that read committed files.
enum TemporaryStudyRoot {
    static let repository = TemporaryStudy.repository
}
