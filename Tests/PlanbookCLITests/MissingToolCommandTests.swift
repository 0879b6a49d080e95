import Foundation
import Testing
import PlanbookCore

/// What `planbook` says when a tool it runs is not installed: which package to install, at the place that needs it,
/// and nothing written.
@Suite struct MissingToolCommandTests {
    private func study(_ text: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: root.appendingPathComponent("Reports/index.md"))
        return root
    }

    @Test func mathWithoutKaTeXNamesThePackagesAtTheFirstFormula() throws {
        let root = try study("# Math\n\nText, then $x^2$ and $y$.\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try PlanbookExecutable.run(["build"], in: root, environment: ["PLANBOOK_KATEX": "/nonexistent"])
        #expect(result.termination == .exited(1))
        // Line 3, column 12: "Text, then " is 11 bytes.
        #expect(result.errorText.contains("Reports/index.md:3:12: error: LaTeX math is rendered at build time by KaTeX "
            + "under Node.js: install Debian's `nodejs` and `libjs-katex`"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func pdfWithoutChromiumNamesThePackage() throws {
        let root = try study("# One page\n\nText.\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try PlanbookExecutable.run(["pdf"], in: root, environment: ["PLANBOOK_CHROMIUM": "/nonexistent"])
        #expect(result.termination == .exited(1))
        #expect(result.errorText.contains("study.pdf: error: planbook pdf prints through headless Chromium, which is "
            + "not installed: install Debian's `chromium`"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("study.pdf").path))
    }
}
