import Foundation
import Testing
@testable import PlanbookCore
import PlanRecord

/// Script that reaches a page by a way other than raw HTML — a `dot` block's `URL=`, a chart record a plan block
/// prints by hand, a download of a page type — is an error at its block, and nothing is published; with
/// `--allow-scripts` it is the author's choice.
@Suite struct ScriptRefusalTests {
    @Test func aDotLinkToJavaScriptIsAnErrorAtItsBlock() throws {
        let study = try TemporaryStudy(reports: [
            "index.md": "# T\n\n```dot\ndigraph { a [URL=\"javascript:alert(1)\"]; a -> b }\n```\n",
        ])
        defer { study.remove() }
        #expect {
            try study.build()
        } throws: { error in
            let text = (error as? BuildFailure)?.description ?? ""
            return text.hasPrefix("Reports/index.md:3:1: error: the drawing Graphviz made of this graph holds a URL with the `javascript:` scheme")
        }
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site").path))
        var options = study.options
        options.allowScripts = true
        _ = try SiteBuild(options: options).run()
        #expect(try study.read("site/index.html").contains("javascript:alert(1)"))
    }

    @Test func aChartRecordCarryingScriptIsAnErrorAtItsBlock() throws {
        // A plan block can print the record marker itself; what it claims is a chart is SVG with a script, and a
        // download is a page.
        func printing(_ record: PlanRecord) -> String { "print(\"\\u{1E}\" + ##\"\(JSONWriter().text(record))\"##)" }
        let record = printing(.chart(cell: 0, PlanRecord.Chart(
            title: "Injected", svg: "<svg><script>alert(1)</script></svg>",
            data: PlanRecord.Table(header: [], rows: []))))
        let download = printing(.file(cell: 0, PlanRecord.File(
            title: "Page", fileExtension: "html", contents: "<script>alert(1)</script>")))
        let study = try TemporaryStudy(reports: ["index.md": "# T\n\n```swift plan\n\(record)\n\(download)\n```\n"])
        defer { study.remove() }
        #expect {
            try study.build()
        } throws: { error in
            let diagnostics = (error as? BuildFailure)?.diagnostics.map(\.description) ?? []
            return diagnostics.count == 2
                && diagnostics[0].hasPrefix("Reports/index.md:4:1: error: the chart “Injected” holds the element `<script>`")
                && diagnostics[1].hasPrefix("Reports/index.md:4:1: error: the download “Page” has the extension `.html`")
        }
        #expect(!FileManager.default.fileExists(atPath: study.root.appendingPathComponent("site").path))
    }
}
