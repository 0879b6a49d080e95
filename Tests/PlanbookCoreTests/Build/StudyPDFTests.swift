import Foundation
import Testing

@testable import PlanbookCore

/// Whether poppler's pdfinfo and pdftotext are here (`make test` installs poppler-utils).
private let popplerInstalled =
    FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
    && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")

/// `planbook pdf` through the real headless Chromium, read back with poppler's pdfinfo and pdftotext.
@Suite(
    "planbook pdf: the whole study printed, folds open, page numbers and title",
    .enabled(if: PDFPrinter.chromium() != nil && popplerInstalled))
struct StudyPDFTests {
    /// Two short pages; the first's plan block has an output, so its code is folded on the site.
    static let reports = [
        "index.md": """
        ---
        title: A printed study
        ---

        The first page opens the study.

        ```swift plan
        let folded = 40 + 2
        print("the answer is", folded)
        ```
        """,
        "second.md": """
        ---
        title: The second page
        order: 1
        ---

        | plan | GPUs |
        |------|-----:|
        | wide | 16 |

        The second page ends it.
        """,
    ]

    @Test func everyPageHasTextTheTitleAndItsNumberAndFoldsPrintOpen() throws {
        let study = try TemporaryStudy(reports: Self.reports)
        defer { study.remove() }
        let summary = try StudyPDF.write(options: study.options, to: "study.pdf", force: false)
        #expect(summary.pages.count == 2)
        let pdf = study.root.appendingPathComponent("study.pdf").path
        // Each page of the study starts a printed page, and both are short: 2 pages.
        let info = try Self.run("/usr/bin/pdfinfo", [pdf])
        #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 2") })
        for number in 1...2 {
            let text = try Self.run("/usr/bin/pdftotext", ["-f", "\(number)", "-l", "\(number)", "-layout", pdf, "-"])
            // The header names the study, the footer numbers the page; no page is blank between them.
            #expect(text.contains("A printed study"))
            // (pdftotext reads the footer's "1 / 2" as "1/2").
            let lines = text.split(separator: "\n").map { $0.filter { !$0.isWhitespace } }
            #expect(lines.last { !$0.isEmpty } == "\(number)/2")
            let body = lines.filter { !$0.isEmpty && $0 != "Aprintedstudy" && $0 != "\(number)/2" }
            #expect(!body.isEmpty, "page \(number) is blank")
        }
        let all = try Self.run("/usr/bin/pdftotext", [pdf, "-"])
        // The folded code prints, with its output, and the second page's table.
        #expect(all.contains("let folded = 40 + 2"))
        #expect(all.contains("the answer is 42"))
        #expect(all.contains("The second page ends it."))
    }

    @Test func aFileItDidNotWriteIsKeptUnlessForced() throws {
        let study = try TemporaryStudy(reports: ["index.md": "# One page\n\nText.\n"])
        defer { study.remove() }
        try study.write("someone else's", to: "study.pdf")
        #expect(throws: BuildFailure.self) { try StudyPDF.write(options: study.options, to: "study.pdf", force: false) }
        #expect(try study.read("study.pdf") == "someone else's")
        _ = try StudyPDF.write(options: study.options, to: "study.pdf", force: true)
        // Written by Planbook now: the next print replaces it without --force.
        _ = try StudyPDF.write(options: study.options, to: "study.pdf", force: false)
        let data = try Data(contentsOf: study.root.appendingPathComponent("study.pdf"))
        #expect(data.prefix(5) == Data("%PDF-".utf8))
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
