import Foundation
import Testing
@testable import PlanbookCore
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `planbook serve` end to end: a real server on a free loopback port, real HTTP requests, a real save.
@Suite struct StudyServerTests {
    private func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesRebuildsOnSaveAndRefusesTraversal() async throws {
        let study = try TemporaryStudy(reports: ["index.md": "# First version\n"])
        defer { study.remove() }
        let address = Mutex<String?>(nil)
        let server = StudyServer(
            options: study.options, host: "127.0.0.1", port: 0,
            events: .init(listening: { url in address.withLock { $0 = url } }, rebuilt: { _ in }))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        var base: URL?
        for _ in 0..<100 where base == nil {
            try await Task.sleep(for: .milliseconds(50))
            base = address.withLock { $0 }.flatMap(URL.init(string:))
        }
        let root = try #require(base)
        let (status, page) = try await get(root)
        #expect(status == 200)
        #expect(page.contains("First version"))
        #expect(page.contains(LiveReload.versionPath))
        // The reload script is added to what is served, never to the site's files.
        #expect(!(try study.read("site/index.html")).contains(LiveReload.versionPath))
        let (_, firstVersion) = try await get(root.appendingPathComponent("__planbook/version"))

        try study.write("# Second version\n", to: "Reports/index.md")
        var updated = ""
        for _ in 0..<60 where !updated.contains("Second version") {
            try await Task.sleep(for: .milliseconds(100))
            updated = try await get(root).1
        }
        #expect(updated.contains("Second version"))
        // The build number goes up once the rebuild has published (a moment after the page changed).
        var secondVersion = firstVersion
        for _ in 0..<50 where secondVersion == firstVersion {
            try await Task.sleep(for: .milliseconds(100))
            secondVersion = try await get(root.appendingPathComponent("__planbook/version")).1
        }
        #expect(secondVersion != firstVersion)

        // A broken save keeps the last good page and shows the problem over it.
        try study.write("---\ncolour: red\n---\n# Third\n", to: "Reports/index.md")
        var broken = ""
        for _ in 0..<60 where !broken.contains("planbook-errors") {
            try await Task.sleep(for: .milliseconds(100))
            broken = try await get(root).1
        }
        #expect(broken.contains("Second version"))
        #expect(broken.contains("Reports/index.md:2:1: error: unknown front-matter key `colour`"))

        let traversal = try #require(URL(string: "\(root.absoluteString)..%2F..%2Fetc%2Fpasswd"))
        #expect(try await get(traversal).0 == 400)
        #expect(try await get(root.appendingPathComponent("nothing-here.html")).0 == 404)
    }
}
