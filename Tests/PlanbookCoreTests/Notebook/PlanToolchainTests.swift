import Foundation
import Testing
@testable import PlanbookCore

/// What a build knows of the toolchain without starting the compiler.
@Suite struct PlanToolchainTests {
    private static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("planbook-toolchain-\(UUID().uuidString)")
    }

    @Test func theCompilersVersionLineIsRememberedUnderTheCompilersIdentity() throws {
        let toolchain = try PlanToolchain.located()
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Nothing remembered yet: the compiler is asked, and its line kept in a file named by its identity.
        let asked = toolchain.compilerVersion(rememberedIn: folder)
        #expect(asked.contains("Swift version"))
        let file = folder.appendingPathComponent("swiftc-\(toolchain.compilerIdentity).version")
        #expect(try String(contentsOf: file, encoding: .utf8) == asked)
        // A remembered line is read back instead of asking again: a line no compiler prints comes back as written.
        try "Swift version 0.0 (remembered)".write(to: file, atomically: true, encoding: .utf8)
        #expect(toolchain.compilerVersion(rememberedIn: folder) == "Swift version 0.0 (remembered)")
        // A remembered text that is no version line (a damaged file) is not trusted: the compiler is asked again.
        try "garbage".write(to: file, atomically: true, encoding: .utf8)
        #expect(toolchain.compilerVersion(rememberedIn: folder) == asked)
        // The identity is the compiler binary's (a 64-digit hash), not the libraries': it differs from the fingerprint.
        #expect(toolchain.compilerIdentity.count == 64 && toolchain.compilerIdentity != toolchain.fingerprint)
    }

    @Test func theHashOfPlanKitsBytesIsRememberedUnderTheFilesIdentities() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Learnt once (the files read and hashed) and kept: the same fingerprint as hashing the bytes every time.
        let remembering = try PlanToolchain.located(rememberingIn: folder)
        #expect(remembering.fingerprint == (try PlanToolchain.located()).fingerprint)
        let memos = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("libraries-") }
        #expect(memos.count == 1)
        let memo = try String(contentsOf: folder.appendingPathComponent(memos[0]), encoding: .utf8)
        #expect(memo.count == 64 && memo.allSatisfy(\.isHexDigit))
        // The identity of a file changes when it is touched, so a rebuilt library is hashed again.
        let file = folder.appendingPathComponent("touched")
        try Data("a".utf8).write(to: file)
        let before = ToolchainMemo.identity(of: file.path)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1)], ofItemAtPath: file.path)
        #expect(ToolchainMemo.identity(of: file.path) != before)
    }
}
