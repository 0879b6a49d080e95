import Foundation
import Testing
@testable import PlanbookCore

/// The fault campaign of issue 18, against the built `planbook`: random kills (SIGKILL, SIGTERM, SIGINT) during cold
/// builds and during publishing, full disks with and without `--force`, and concurrent builds into one folder.
/// After each trial the output folder must hold one whole site — the old one or the new one, every file matching
/// its manifest, nothing else — no child of the build may be running, and the next build must succeed and leave no
/// scratch folder behind. Prints "N trials, N held". `make test` runs a few trials of each kind;
/// `make torture` runs `PLANBOOK_TORTURE_TRIALS` (default there 20) of each.
@Suite(.serialized) struct TortureTests {
    static let trials = Int(ProcessInfo.processInfo.environment["PLANBOOK_TORTURE_TRIALS"] ?? "") ?? 1

    /// A study of `pages` reports (the first with a figure, and with `planCode` a plan block), version `version` of
    /// its text.
    static func makeStudy(at root: URL, version: Int, pages: Int = 3, planCode: Bool = true) throws {
        let reports = root.appendingPathComponent("Reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        var index = "# Version \(version)\n\n"
        if planCode { index += "```swift plan\nlet n = \(version)\nprint(n)\n```\n\n" }
        index += "```dot\ndigraph { a -> b\(version) }\n```\n"
        index += String(repeating: "Words of version \(version). ", count: 200)
        try Data(index.utf8).write(to: reports.appendingPathComponent("index.md"))
        for page in 1..<pages {
            try Data("# Page \(page), version \(version)\n".utf8).write(to: reports.appendingPathComponent("p\(page).md"))
        }
    }

    /// Whether `site` is one whole site: its manifest lists every file with its hash, and nothing else is there.
    /// Returns the version its index shows, or nil when it is not whole.
    static func wholeSite(_ site: URL) -> Int? {
        let tree = FolderTree(root: site)
        guard let manifest = SiteManifest.read(tree), !manifest.paths.isEmpty else { return nil }
        for path in manifest.paths {
            guard let data = tree.contents(of: path), manifest.matches(path, data) else { return nil }
        }
        let (foreign, changed) = manifest.survey(tree)
        guard foreign.isEmpty, changed.isEmpty, let index = tree.contents(of: "index.html") else { return nil }
        let text = String(decoding: index, as: UTF8.self)
        return (1...1_000).first { text.contains("Version \($0)</h1>") || text.contains(">Version \($0)<") }
    }

    /// Scratch folders beside `site` and processes naming `root`, after a moment for killed ones to go.
    static func leftovers(_ root: URL, site: URL) -> [String] {
        var left = SiteLeftovers.existing(for: site).new.map(\.lastPathComponent)
            + SiteLeftovers.existing(for: site).old.map(\.lastPathComponent)
        if !KillTests.waitFor(5, { KillTests.processes(holding: root.path).isEmpty }) {
            left += KillTests.processes(holding: root.path).map { "process \($0)" }
        }
        return left
    }

    static func report(_ kind: String, held: Int, of trials: Int) {
        print("torture \(kind): \(trials) trials, \(held) held")
    }

    @Test func randomKillsDuringBuildsAndPublishing() throws {
        var held = 0
        var generator = SystemRandomNumberGenerator()
        let signals = [SIGKILL, SIGTERM, SIGINT]
        for trial in 0..<Self.trials * 3 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-torture-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let site = root.appendingPathComponent("site")
            // Even trials kill a cold build (compile, run, draw, publish); odd ones a rebuild of many pages, which
            // spends its time publishing.
            let pages = trial % 2 == 0 ? 3 : 400
            try Self.makeStudy(at: root, version: 1, pages: pages)
            _ = try PlanbookExecutable.run(["build", "-q"], in: root)
            try Self.makeStudy(at: root, version: 2, pages: pages)
            let build = try PlanbookExecutable.start(["build", "-q"], in: root)
            usleep(UInt32.random(in: 20_000...(pages == 3 ? 3_000_000 : 1_500_000), using: &generator))
            kill(build.processIdentifier, signals[trial % signals.count])
            build.waitUntilExit()
            let version = Self.wholeSite(site)
            let left = Self.leftovers(root, site: site)
            let rebuilt = try PlanbookExecutable.run(["build", "-q"], in: root)
            let after = Self.wholeSite(site)
            let afterLeft = SiteLeftovers.existing(for: site)
            let ok = (version == 1 || version == 2) && left.filter { $0.hasPrefix("process") }.isEmpty
                && rebuilt.termination == .exited(0) && after == 2 && afterLeft.new.isEmpty && afterLeft.old.isEmpty
            #expect(ok, "trial \(trial): site version \(String(describing: version)), left \(left), then \(String(describing: after))")
            if ok { held += 1 }
        }
        Self.report("kills", held: held, of: Self.trials * 3)
    }

    @Test func fullDisksWithAndWithoutForce() throws {
        guard getuid() == 0 else { return }
        var held = 0
        var trials = 0
        for trial in 0..<Self.trials * 2 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-torture-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let disk = root.appendingPathComponent("disk")
            try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
            guard (try ChildProcess.run("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path])).termination == .exited(0)
            else { return }
            defer { _ = try? ChildProcess.run("umount", [disk.path]) }
            trials += 1
            try Self.makeStudy(at: root, version: 1)
            _ = try PlanbookExecutable.run(["build", "-q", "--out", "disk/site"], in: root)
            let site = disk.appendingPathComponent("site")
            var free = statvfs()
            statvfs(disk.path, &free)
            // Fill the disk to within a few kilobytes (a random amount), with someone else's file in the site.
            let room = Int(free.f_bavail) * Int(free.f_frsize) - Int.random(in: 1_024...16_384)
            try Data(count: max(0, room)).write(to: site.appendingPathComponent("big.bin"))
            try Self.makeStudy(at: root, version: 2)
            let force = trial % 2 == 1
            let result = try PlanbookExecutable.run(["build", "-q", "--out", "disk/site"] + (force ? ["--force"] : []), in: root)
            try FileManager.default.removeItem(at: site.appendingPathComponent("big.bin"))
            let version = Self.wholeSite(site)
            let ok = result.termination == .exited(1) && version == 1 && SiteLeftovers.existing(for: site).new.isEmpty
            #expect(ok, "trial \(trial) force \(force): \(result.errorText) version \(String(describing: version))")
            if ok { held += 1 }
        }
        Self.report("full disks", held: held, of: trials)
    }

    @Test func concurrentBuildsIntoOneFolder() throws {
        var held = 0
        for trial in 0..<Self.trials {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-torture-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try Self.makeStudy(at: root, version: 1, pages: 50)
            _ = try PlanbookExecutable.run(["build", "-q"], in: root)
            try Self.makeStudy(at: root, version: 2, pages: 50)
            let builds = try (0..<6).map { _ in try PlanbookExecutable.start(["build", "-q"], in: root) }
            builds.forEach { $0.waitUntilExit() }
            let site = root.appendingPathComponent("site")
            let ok = builds.allSatisfy { $0.terminationStatus == 0 } && Self.wholeSite(site) == 2
                && Self.leftovers(root, site: site).isEmpty
            #expect(ok, "trial \(trial)")
            if ok { held += 1 }
        }
        Self.report("concurrent builds", held: held, of: Self.trials)
    }
}
