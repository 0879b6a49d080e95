import Foundation
import Testing
@testable import PlanbookCore

/// Report names as users write them: `#`, `?`, `%` and spaces in a name still make working links; a link may name a
/// report percent-encoded; a report that is a link to a file outside the study is refused.
@Suite struct ReportNameTests {
    /// Every `href="…"` of a page that points at another page or a download (not `#…`, not `http…`).
    static func localHrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { rest in
            let href = String(rest.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            return href.hasPrefix("#") || href.contains(":") ? nil : href
        }
    }

    @Test func namesWithHashQuestionMarkAndPercentLinkToTheirPages() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "# Home\n\nSee [the Q&A](q%26a%20%232.md) and [fifty](50%25%20off.md).\n",
            "q&a #2.md": "# Questions\n\n```dot\ndigraph { a -> b }\n```\n",
            "50% off.md": "# Half\n",
            "what?.md": "# What\n",
        ])
        defer { study.remove() }
        _ = try study.build()
        let site = study.root.appendingPathComponent("site")
        let index = try study.read("site/index.html")
        #expect(index.contains("href=\"q&amp;a%20%232.html\""))
        #expect(index.contains("href=\"what%3F.html\""))
        // Every local link of every page, percent-decoded, names a file the site holds.
        for page in ["index.html", "q&a #2.html", "50% off.html", "what?.html"] {
            for href in Self.localHrefs(try study.read("site/\(page)")) {
                let file = try #require(href.removingPercentEncoding)
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(page): \(href)")
            }
        }
    }

    @Test func aReportLinkedToAFileOutsideTheStudyIsRefused() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# Home\n"])
        defer { study.remove() }
        try FileManager.default.createSymbolicLink(
            at: study.root.appendingPathComponent("Reports/passwd.md"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        #expect {
            try study.build()
        } throws: { error in
            (error as? BuildFailure)?.description.hasPrefix(
                "Reports/passwd.md: error: this is a link to /etc/passwd, outside the study") == true
        }
        var options = study.options
        options.allowOutsideLinks = true
        _ = try SiteBuild(options: options).run()
        #expect(FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site/passwd.html").path))
    }
}
