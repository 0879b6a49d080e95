import Foundation
import Testing
@testable import PlanRuntime

/// The files in which programs remember simulations: what is remembered is recalled under its key only, and a file
/// that was changed, cut short or holds another key is not recalled.
@Suite final class MemoFolderTests {
    let folder: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folder = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @Test func whatIsRememberedIsRecalledUnderItsKey() throws {
        MemoFolder.remember("1 2 3\n0 2 1", "key one", in: folder)
        #expect(MemoFolder.recall("key one", in: folder) == "1 2 3\n0 2 1")
        #expect(MemoFolder.recall("key two", in: folder) == nil)
        // One file, named by the key's checksum; no temporary file is left.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names == ["\(MemoFolder.checksum(Array("key one".utf8)[...])).memo"])
        // Remembering again replaces it.
        MemoFolder.remember("4 5 6", "key one", in: folder)
        #expect(MemoFolder.recall("key one", in: folder) == "4 5 6")
    }

    @Test func aChangedOrForeignFileIsNotRecalled() throws {
        MemoFolder.remember("10 20", "key", in: folder)
        let path = MemoFolder.fileName("key", in: folder)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        // The file is the key, the body's checksum and the body, one per line.
        #expect(original == "key\n\(MemoFolder.checksum(Array("10 20".utf8)[...]))\n10 20")
        for changed in [
            original.replacingOccurrences(of: "10 20", with: "10 21"),  // the body changed
            String(original.dropLast()),  // cut short
            original.replacingOccurrences(of: "key\n", with: "other key\n"),  // another key in this file
            "",
        ] {
            try changed.write(toFile: path, atomically: false, encoding: .utf8)
            #expect(MemoFolder.recall("key", in: folder) == nil)
        }
    }

    @Test func theChecksumIsFNV1a() {
        // FNV-1a 64 of no bytes is its offset basis; of "a" it is (basis ^ 0x61) × prime = af63dc4c8601ec8c.
        #expect(MemoFolder.checksum([][...]) == "cbf29ce484222325")
        #expect(MemoFolder.checksum(Array("a".utf8)[...]) == "af63dc4c8601ec8c")
    }
}
