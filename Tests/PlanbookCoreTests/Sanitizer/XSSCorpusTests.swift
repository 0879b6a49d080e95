import Foundation
import Testing
@testable import PlanbookCore

/// The raw-HTML payloads of `Tests/Fixtures/xss/payloads.txt` (the OWASP XSS Filter Evasion Cheat Sheet's vectors,
/// issue 18's reproductions, mutation vectors), each placed in a report after a paragraph: each gets the diagnostics
/// recorded in `expected.txt`, and whatever a report would publish is markup the sanitizer leaves as it is.
@Suite struct XSSCorpusTests {
    struct Payload: CustomStringConvertible, Sendable {
        var name: String
        var text: String
        var description: String { name }
    }

    static let folder = TemporaryStudy.repository.appendingPathComponent("Tests/Fixtures/xss")

    static let payloads: [Payload] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("payloads.txt"), encoding: .utf8) else {
            return []
        }
        var payloads: [Payload] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                payloads.append(Payload(name: String(line.dropFirst(4)), text: ""))
            } else if !payloads.isEmpty {
                payloads[payloads.count - 1].text += (payloads[payloads.count - 1].text.isEmpty ? "" : "\n") + line
            }
        }
        return payloads.map { Payload(name: $0.name, text: $0.text.replacingOccurrences(of: "\\t", with: "\t")) }
    }()

    static let expected: [String: String] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)) ?? ""
        var result: [String: String] = [:]
        var name: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                name = String(line.dropFirst(4))
                result[name!] = ""
            } else if let name, !line.isEmpty {
                result[name, default: ""] += line + "\n"
            }
        }
        return result
    }()

    /// The diagnostics of `payload` in a report whose body starts with a paragraph (so the payload is on line 3).
    static func diagnostics(_ payload: Payload) -> (text: String, page: String) {
        let body = "An introduction.\n\n\(payload.text)\n"
        let report = Report(path: "Reports/index.md", slug: "index", frontMatter: FrontMatter(), body: body, bodyFirstLine: 1)
        let outline = PageOutline(report)
        let page = RenderedPage.rendering(outline, slugs: ["index"])
        let text = outline.problems.map(\.description).joined(separator: "\n")
        return (text + (outline.problems.isEmpty ? "" : "\n"), page.bodyHTML())
    }

    @Test func theCorpusHoldsTheCheatSheetAndTheIssue() {
        #expect(Self.payloads.count >= 100)
        #expect(Self.payloads.filter { $0.name.hasPrefix("issue-") }.count == 10)
    }

    @Test(arguments: payloads)
    func eachPayloadGetsItsDiagnostics(_ payload: Payload) {
        let (text, _) = Self.diagnostics(payload)
        #expect(text == Self.expected[payload.name], "\(payload.name)")
    }

    @Test(arguments: payloads)
    func whatWouldBePublishedIsMarkupTheSanitizerKeeps(_ payload: Payload) {
        let (text, page) = Self.diagnostics(payload)
        // A payload that raises no error is published: parsed again, nothing in it may be removed, and no
        // attribute may carry script.
        guard !text.contains(": error: ") else { return }
        let removals = MarkupSanitizer.sanitizeHTML(LibXML2.parseHTMLBody(page)).removals
        #expect(removals.isEmpty, "\(payload.name): \(removals.map(\.what))")
        #expect(!page.lowercased().contains("<script"), "\(payload.name)")
    }

    /// Writes `expected.txt` from what Planbook says now (run with PLANBOOK_RECORD=1, then review the diff).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANBOOK_RECORD"] == "1"))
    func record() throws {
        var text = "# What Planbook says about each payload of payloads.txt, placed on line 3 of Reports/index.md.\n"
        for payload in Self.payloads {
            text += "=== \(payload.name)\n" + Self.diagnostics(payload).text
        }
        try Data(text.utf8).write(to: Self.folder.appendingPathComponent("expected.txt"))
    }
}
