import Foundation
import PlanbookCore
import Testing

/// `make install`'s layout: installed into one prefix, moved to another, used from a third folder; uninstalled.
///
/// The test runs the same script `make install` runs, with this build's products (the debug ones, which `make test`
/// has; `make install` passes the release ones).
@Suite struct InstallTests {
    static let scripts = PlanbookExecutable.repository.appendingPathComponent("Scripts")

    private func script(_ name: String, _ arguments: [String]) throws -> ChildOutput {
        try ChildProcess.run(
            "/bin/bash", [Self.scripts.appendingPathComponent(name).path] + arguments, timeout: .seconds(300))
    }

    @Test func aMovedPrefixBuildsAStudyInAThirdFolderAndUninstallRemovesOnlyWhatInstallWrote() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("planbook-install-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        let first = root.appendingPathComponent("first")
        let moved = root.appendingPathComponent("elsewhere/moved")
        let study = root.appendingPathComponent("work/study")
        try manager.createDirectory(at: study.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        try manager.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)

        let install = try script("install.sh", [first.path, PlanbookExecutable.url.deletingLastPathComponent().path])
        #expect(install.termination == .exited(0), "\(install.errorText)")
        let manifest = try String(
            contentsOf: first.appendingPathComponent("lib/planbook/install-manifest"), encoding: .utf8)
        let installed = manifest.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("/") }
        // The executable, the library, one module per target of the PlanKit product (PlanKit, PlanRuntime, …), and
        // the manifest itself.
        #expect(installed.contains("bin/planbook") && installed.contains("lib/planbook/libPlanKit.so"))
        #expect(installed.contains("lib/planbook/Modules/PlanKit.swiftmodule"))
        #expect(installed.contains("lib/planbook/Modules/PlanRuntime.swiftmodule"))
        for path in installed {
            #expect(manager.fileExists(atPath: first.appendingPathComponent(path).path), "\(path)")
        }

        try manager.moveItem(at: first, to: moved)
        #expect(!manager.fileExists(atPath: first.path))
        try Data(
            """
            ---
            title: Installed
            ---
            ```swift plan
            let model = MoEModel(layers: 2, expertsPerLayer: 4, hidden: 1024)
            let answer = 6 * 7
            ```

            The answer is `{swift} answer`, with `{swift} model.expertsPerLayer` experts per layer.

            ```dot
            digraph { a -> b }
            ```

            """.utf8
        ).write(to: study.appendingPathComponent("Reports/index.md"))
        // The moved planbook finds its library from its own path, whatever the environment says about this build.
        let planbook = moved.appendingPathComponent("bin/planbook")
        let environment = ["PLANBOOK_LIBRARY_DIR": "", "SWIFTC": ""]
        let build = try PlanbookExecutable.run(["build"], in: study, environment: environment, executable: planbook)
        #expect(build.termination == .exited(0), "\(build.errorText)")
        let html = try String(contentsOf: study.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(
            html.contains(
                "The answer is <span class=\"inline-value\">42</span>, with <span class=\"inline-value\">4</span>"))
        #expect(html.contains("<nav class=\"pb-sitenav\""), "the built-in look, with no Templates/ anywhere")
        #expect(manager.fileExists(atPath: study.appendingPathComponent(".planbook/cache/programs").path))
        #expect(!manager.fileExists(atPath: moved.appendingPathComponent(".planbook").path))

        let version = try PlanbookExecutable.run(
            ["--version"], in: study, environment: environment, executable: planbook)
        let lines = String(decoding: version.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == "planbook \(PlanbookVersion.current)")
        #expect(lines.count == 4)
        #expect(
            lines.dropFirst().first == "PlanKit \(PlanbookVersion.current) (\(moved.path)/lib/planbook/libPlanKit.so)")
        #expect(lines.dropFirst(2).first?.hasPrefix("Swift version ") == true)
        #expect(lines.last?.contains("text measured in DejaVu Sans") == true)

        // Uninstall removes what the manifest lists and the folders install made, and leaves anything else.
        try Data("mine".utf8).write(to: moved.appendingPathComponent("bin/other-tool"))
        let uninstall = try script("uninstall.sh", [moved.path])
        #expect(uninstall.termination == .exited(0), "\(uninstall.errorText)")
        #expect(!manager.fileExists(atPath: moved.appendingPathComponent("bin/planbook").path))
        #expect(!manager.fileExists(atPath: moved.appendingPathComponent("lib").path))
        #expect(try String(contentsOf: moved.appendingPathComponent("bin/other-tool"), encoding: .utf8) == "mine")
    }

    @Test func uninstallNeverRemovesThroughASymbolicLink() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("planbook-uninstall-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        let prefix = root.appendingPathComponent("prefix")
        let outside = root.appendingPathComponent("outside")
        try manager.createDirectory(
            at: prefix.appendingPathComponent("lib/planbook"), withIntermediateDirectories: true)
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("planbook"))
        // bin is a link to a folder outside the prefix; the manifest names bin/planbook and a path that climbs out.
        try manager.createSymbolicLink(at: prefix.appendingPathComponent("bin"), withDestinationURL: outside)
        try Data("keep".utf8).write(to: root.appendingPathComponent("escaped"))
        try Data("bin/planbook\n../escaped\nlib/planbook/install-manifest\n".utf8)
            .write(to: prefix.appendingPathComponent("lib/planbook/install-manifest"))
        let result = try script("uninstall.sh", [prefix.path])
        #expect(result.termination == .exited(0))
        #expect(result.errorText.contains("kept \(prefix.path)/bin/planbook"))
        #expect(manager.fileExists(atPath: outside.appendingPathComponent("planbook").path))
        #expect(manager.fileExists(atPath: root.appendingPathComponent("escaped").path))
        #expect(!manager.fileExists(atPath: prefix.appendingPathComponent("lib/planbook/install-manifest").path))
    }
}
