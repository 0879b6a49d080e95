import Foundation
import Testing
@testable import PlanbookCore

@Suite struct SiteFileResolverTests {
    private func site() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-resolve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site/large-ep"), withIntermediateDirectories: true)
        try Data("<html></html>".utf8).write(to: root.appendingPathComponent("site/index.html"))
        try Data("digraph {}".utf8).write(to: root.appendingPathComponent("site/large-ep/dag full.dot"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("site/escape.txt"), withDestinationURL: root.appendingPathComponent("secret.txt"))
        return root
    }

    @Test func servesFilesAndFolderIndexes() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let resolver = SiteFileResolver(root: root.appendingPathComponent("site"))
        #expect(try resolver.file(forRawPath: "/").get().lastPathComponent == "index.html")
        #expect(try resolver.file(forRawPath: "/large-ep/dag%20full.dot").get().lastPathComponent == "dag full.dot")
        #expect(resolver.file(forRawPath: "/missing.html") == .failure(.notFound))
        #expect(resolver.file(forRawPath: "/large-ep") == .failure(.notFound))
    }

    @Test func nothingOutsideTheFolderIsEverRead() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let resolver = SiteFileResolver(root: root.appendingPathComponent("site"))
        for path in ["/../secret.txt", "/large-ep/../../secret.txt", "/..%2Fsecret.txt", "/%2e%2e/secret.txt",
                     "/large-ep%2F..%2F..%2Fsecret.txt", "/..%5Csecret.txt", "/index.html%00.txt", "/escape.txt"] {
            #expect(resolver.file(forRawPath: path) == .failure(.outside), "\(path)")
        }
    }

    @Test func contentTypes() {
        #expect(SiteFileResolver.contentType(of: URL(fileURLWithPath: "/a/b.svg")) == "image/svg+xml")
        #expect(SiteFileResolver.contentType(of: URL(fileURLWithPath: "/a/b.html")) == "text/html; charset=utf-8")
        #expect(SiteFileResolver.contentType(of: URL(fileURLWithPath: "/a/b.csv")) == "text/csv; charset=utf-8")
    }
}
