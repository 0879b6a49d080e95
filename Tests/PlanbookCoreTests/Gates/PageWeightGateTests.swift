import Foundation
import Testing

/// The seed site stays light enough to open on a phone: drawings past `--inline-limit` are linked files, not inline.
@Suite("Page weight: no page of the seed site above 1 MB")
struct PageWeightGateTests {
    @Test func everyPageOfTheSeedSiteIsUnderOneMegabyte() throws {
        let pages = CommittedSite.pages
        // index, large-ep, baseline, comparison, methodology, validation, and the two full DAGs' own pages.
        #expect(pages.count >= 8)
        for page in pages {
            let bytes = page.html.utf8.count
            #expect(bytes <= 1_000_000, "\(page.path) is \(bytes) bytes of HTML, more than 1 MB")
        }
    }
}
