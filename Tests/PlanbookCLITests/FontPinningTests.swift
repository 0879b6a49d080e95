import Foundation
import Testing

@testable import PlanbookCore

/// Same DOT, same bytes, whatever other fonts the machine has: Graphviz sees only the pinned font.
@Suite struct FontPinningTests {
    /// The seed study's drawings (PlanKit's DOT, as the committed site offers it for download), and dot blocks that
    /// leave the font to Planbook or name fonts the pinned view does not have.
    static func report() throws -> String {
        let site = PlanbookExecutable.repository.appendingPathComponent("site")
        let files = try #require(FileManager.default.enumerator(atPath: site.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".dot") }.sorted()
        var text = "# Drawings\n\n"
        for file in files.prefix(12) {
            text +=
                "```dot\n" + (try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)) + "```\n\n"
        }
        text += "```dot\ndigraph { a [label=\"Expert FFN 0\"]; a -> b [label=\"128 × 4096\"] }\n```\n\n"
        text +=
            "```dot\ndigraph { node [fontname=\"Helvetica\"]; x [label=\"Helvetica here\"]; "
            + "y [fontname=\"monospace\", label=\"mono\"]; x -> y }\n```\n"
        return text
    }

    @Test func anotherFontInViewChangesNoByte() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-fonts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        let study = root.appendingPathComponent("study")
        let fonts = root.appendingPathComponent("fonts")
        let home = root.appendingPathComponent("home")
        let userFonts = [home.appendingPathComponent(".fonts"), home.appendingPathComponent(".local/share/fonts")]
        for folder in [study.appendingPathComponent("Reports"), fonts, root.appendingPathComponent("cache")] + userFonts
        {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data(try Self.report().utf8).write(to: study.appendingPathComponent("Reports/index.md"))
        // The pinned files, copied: this folder is the pinned view (PLANBOOK_FONTS), so a font can be added beside them.
        let pinned = try PinnedFont.pinned.get()
        for file in pinned.files {
            try manager.copyItem(
                atPath: file, toPath: fonts.appendingPathComponent((file as NSString).lastPathComponent).path)
        }
        let environment = [
            "PLANBOOK_FONTS": fonts.path, "HOME": home.path,
            "XDG_DATA_HOME": home.appendingPathComponent(".local/share").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
        ]
        func build() throws -> [String: Data] {
            let result = try PlanbookExecutable.run(["build", "-q", "--no-cache"], in: study, environment: environment)
            #expect(result.termination == .exited(0), "\(result.errorText)")
            return try Self.files(in: study.appendingPathComponent("site"))
        }
        let before = try build()
        let drawings = before.filter { $0.key.hasSuffix(".svg") }
        #expect(drawings.count == (try Self.report()).components(separatedBy: "```dot").count - 1)
        for (path, svg) in drawings {
            let families = Set(
                String(decoding: svg, as: UTF8.self).matches(of: /font-family="([^"]*)"/).map { String($0.output.1) })
            #expect(
                families.allSatisfy { $0.hasPrefix("DejaVu Sans") || $0.hasPrefix("Helvetica") || $0 == "monospace" },
                "\(path)")
        }

        // DejaVu Sans Mono, rewritten to claim "DejaVu Sans" at version 99, in the user's font folders (which a
        // default fontconfig reads) and beside the pinned files.
        let mono = try #require(pinned.files.first { $0.hasSuffix("/DejaVuSansMono.ttf") })
        let impostor = ImpostorFont.make(
            from: try Data(contentsOf: URL(fileURLWithPath: mono)), family: "DejaVu Sans Mono", claiming: "DejaVu Sans")
        for folder in userFonts + [fonts] {
            try impostor.write(to: folder.appendingPathComponent("DejaVuSans-Newer.ttf"))
        }
        // Control: a default fontconfig, given this home, now picks the impostor for the pinned family.
        let control = try ChildProcess.run(
            "/usr/bin/env",
            environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                + ["fc-match", "-f", "%{file}", PinnedFont.family])
        #expect(String(decoding: control.standardOutput, as: UTF8.self).hasSuffix("DejaVuSans-Newer.ttf"))

        let after = try build()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, bytes) in before {
            #expect(after[path] == bytes, "\(path) changed when another font came into view")
        }
    }

    /// Every file under `folder`, by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in try #require(FileManager.default.enumerator(atPath: folder.path)) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
