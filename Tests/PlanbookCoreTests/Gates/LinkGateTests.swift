import Foundation
import Testing

/// No broken links: every internal `href` and `src` of the committed site names a file that exists inside it, and
/// every `#anchor` an element id on the page it points at.
@Suite struct LinkGateTests {
    @Test func everyInternalLinkAndAnchorResolves() throws {
        let pages = CommittedSite.pages
        #expect(pages.count >= 5)
        var ids: [String: Set<String>] = [:]
        for page in pages { ids[page.path] = Set(CommittedSite.attribute("id", in: page.html)) }
        var broken: [String] = []
        for page in pages {
            let folder = URL(fileURLWithPath: page.path).deletingLastPathComponent().relativePath
            let references = CommittedSite.attribute("href", in: page.html) + CommittedSite.attribute("src", in: page.html)
            for reference in references {
                if reference.contains(":") || reference.isEmpty { continue }  // http:, data:, mailto: …
                let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let anchor = parts.count > 1 ? String(parts[1]) : ""
                let written = file.isEmpty ? page.path : (folder == "." ? file : "\(folder)/\(file)")
                let url = CommittedSite.root.appendingPathComponent(written).standardizedFileURL
                let root = CommittedSite.root.standardizedFileURL.path + "/"
                guard url.path.hasPrefix(root), FileManager.default.fileExists(atPath: url.path) else {
                    broken.append("\(page.path): \(reference) (no such file)")
                    continue
                }
                // The page it names, `..` resolved ("scenarios/../comparison.html" is "comparison.html").
                let target = String(url.path.dropFirst(root.count))
                if !anchor.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(anchor) != true {
                    broken.append("\(page.path): \(reference) (no element with id \(anchor))")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(20))")
    }

    @Test func idsAreUniqueOnEveryPage() {
        for page in CommittedSite.pages {
            let ids = CommittedSite.attribute("id", in: page.html)
            let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(page.path): \(repeated.prefix(10))")
        }
    }
}
