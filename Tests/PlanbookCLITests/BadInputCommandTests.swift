import Foundation
import Testing
import PlanbookCore

/// Issue 11's bad inputs through `planbook build` as a user runs it: each diagnostic word for word on standard error,
/// exit status 1 for an error (0 for a warning), and the previous `site/` byte for byte as it was.
@Suite struct BadInputCommandTests {
    static let cases = [
        "use-before-definition", "use-before-definition-across-blocks", "use-before-definition-in-function",
        "unclosed-plan-block", "unclosed-plan-block-before-dot", "swift-runtime-trap", "swift-precondition",
        "swift-trap-in-inline", "swift-thrown-error", "swift-missing-try", "swift-first-error-first",
        "plan-does-not-fit", "template-syntax-error",
    ]

    /// Every file under `folder` with its bytes.
    static func files(_ folder: URL) -> [String: Data] {
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return Dictionary(uniqueKeysWithValues: paths.compactMap { path in
            FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { (path, $0) }
        })
    }

    @Test(arguments: cases)
    func theDiagnosticTheStatusAndThePreviousSite(_ name: String) throws {
        let fixture = PlanbookExecutable.repository.appendingPathComponent("Tests/Fixtures/bad/\(name)")
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let kind = expected.prefix { $0 != "\n" }
        let diagnostic = String(expected.drop { $0 != "\n" }.dropFirst())
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        try Data("# A good page\n".utf8).write(to: root.appendingPathComponent("Reports/index.md"))
        #expect(try PlanbookExecutable.run(["build", "-q"], in: root).termination == .exited(0))
        let before = Self.files(root.appendingPathComponent("site"))
        try Data(contentsOf: fixture.appendingPathComponent("index.md"))
            .write(to: root.appendingPathComponent("Reports/index.md"))
        if FileManager.default.fileExists(atPath: fixture.appendingPathComponent("nav.mustache").path) {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates/partials"),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: fixture.appendingPathComponent("nav.mustache"),
                                             to: root.appendingPathComponent("Templates/partials/nav.mustache"))
        }
        let result = try PlanbookExecutable.run(["build", "-q"], in: root)
        #expect(result.errorText.contains(diagnostic + "\n"), "\(result.errorText)")
        if kind == "warning" {
            #expect(result.termination == .exited(0))
        } else {
            #expect(result.termination == .exited(1))
            #expect(result.errorText.hasSuffix("; site/ was left as it was\n"))
            #expect(Self.files(root.appendingPathComponent("site")) == before)
        }
    }

    @Test func theCompilersNotesAreInTheJSON() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-notes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        let fixture = PlanbookExecutable.repository.appendingPathComponent("Tests/Fixtures/bad/swift-missing-try/index.md")
        try Data(contentsOf: fixture).write(to: root.appendingPathComponent("Reports/index.md"))
        let result = try PlanbookExecutable.run(["check", "--json"], in: root)
        #expect(result.termination == .exited(1))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        let problem = try #require((json["problems"] as? [[String: Any]])?.first)
        // the call is on line 4, `Deployment(` at column 9; three notes, each with its fix-it
        #expect(problem["line"] as? Int == 4 && problem["column"] as? Int == 9)
        let notes = try #require(problem["notes"] as? [[String: Any]])
        #expect(notes.count == 3)
        #expect(notes.first?["message"] as? String == "did you mean to use 'try'? (fix: insert `try `)")
        #expect(notes.first?["line"] as? Int == 4)
    }
}
