import Foundation
import Testing
@testable import PlanbookCore

/// Publishing where the file system has no atomic exchange: `planbook` run under strace, which makes
/// `renameat2(RENAME_EXCHANGE)` fail on the site's path as such a file system does (`ENOSYS`, which the C library
/// reports as `EINVAL`), so the swap takes its fallback of two renames. The site is published whole; and a build
/// SIGKILLed between the two renames — stalled there by strace, as issue 18 reproduced it — leaves no site for a
/// moment, but the next build puts one back and no scratch folder stays (before: no `site/` at all, and its old and
/// new copies in hidden folders that no later build or `clean` removed).
@Suite(.serialized) struct SwapFallbackTests {
    /// strace, which `make test` installs.
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The strace arguments that trace (to `log`) and fault only the renames naming `site`: the exchange fails, and
    /// with `stall`, the first plain rename (the old site moved aside) returns only after 60 s.
    static func straced(_ arguments: [String], site: URL, log: URL, stall: Bool = false) -> [String] {
        var options = ["-f", "-qq", "--seccomp-bpf", "-o", log.path, "-P", site.path, "-e", "trace=rename,renameat2",
                       "-e", "inject=renameat2:error=ENOSYS"]
        if stall { options += ["-e", "inject=rename:delay_exit=60000000:when=1"] }
        return options + ["--", PlanbookExecutable.url.path] + arguments
    }

    /// The parent of process `pid` (the fourth field of `/proc/PID/stat`, after the command in parentheses).
    static func parent(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? Int32(fields[1]) : nil
    }

    /// A study of three Markdown pages (no plan code, so that the build is quick under strace) built once at
    /// version 1 and then changed to version 2: in `root`, its site, and where strace writes its log.
    static func study() throws -> (root: URL, site: URL, log: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-swap-\(UUID().uuidString)")
        try TortureTests.makeStudy(at: root, version: 1, pages: 3, planCode: false)
        _ = try PlanbookExecutable.run(["build", "-q"], in: root)
        try TortureTests.makeStudy(at: root, version: 2, pages: 3, planCode: false)
        return (root, root.appendingPathComponent("site"), root.appendingPathComponent("strace.log"))
    }

    @Test func withoutAnExchangeTwoRenamesPublishTheWholeSite() throws {
        let strace = try #require(Self.strace, "strace is not installed (make test-deps installs it)")
        let (root, site, log) = try Self.study()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try PlanbookExecutable.run(
            Self.straced(["build", "-q"], site: site, log: log), in: root, executable: URL(fileURLWithPath: strace))
        #expect(result.termination == .exited(0), "\(result.errorText)")
        let trace = try String(contentsOf: log, encoding: .utf8)
        // The exchange was tried and refused, then the old site moved aside (the new one's rename into the then
        // missing path is not traced: strace matches -P by the path as it exists).
        #expect(trace.contains("RENAME_EXCHANGE) = -1 ENOSYS (Function not implemented) (INJECTED)"))
        #expect(trace.contains("rename(\"\(site.path)\", \"\(root.path)/.site.planbook-old-"))
        #expect(TortureTests.wholeSite(site) == 2)
        #expect(SiteLeftovers.existing(for: site) == ([], []))
    }

    @Test func aBuildKilledBetweenTheTwoRenamesIsMendedByTheNextBuild() throws {
        let strace = try #require(Self.strace, "strace is not installed (make test-deps installs it)")
        let (root, site, log) = try Self.study()
        defer { try? FileManager.default.removeItem(at: root) }
        // --out names the study, so that planbook can be found by its command line.
        let tracer = try PlanbookExecutable.start(
            Self.straced(["build", "-q", "--out", site.path], site: site, log: log, stall: true), in: root,
            executable: URL(fileURLWithPath: strace))
        defer { if tracer.isRunning { kill(tracer.processIdentifier, SIGKILL) } }
        // Stalled after the first rename: the old site is aside, the new one not yet in.
        let stalled = KillTests.waitFor(120) {
            !FileManager.default.fileExists(atPath: site.path) && !SiteLeftovers.existing(for: site).old.isEmpty
        }
        #expect(stalled, "the build never reached the gap between the renames")
        // planbook is strace's child (its watchdog, forked from it, is planbook's).
        let builds = KillTests.processes(holding: site.path).filter { Self.parent(of: $0) == tracer.processIdentifier }
        #expect(builds.count == 1)
        for build in builds { kill(build, SIGKILL) }
        // Then strace, which would otherwise sit out its delay (once planbook is dead, so that it cannot let it go on).
        _ = KillTests.waitFor(10) { builds.allSatisfy { !KillTests.isLive($0) } }
        kill(tracer.processIdentifier, SIGKILL)
        tracer.waitUntilExit()
        let left = SiteLeftovers.existing(for: site)
        #expect(!FileManager.default.fileExists(atPath: site.path) && left.old.count == 1 && left.new.count == 1)
        // The next build puts the old site back, clears the half-published new one, and publishes.
        let next = try PlanbookExecutable.run(["build", "-q"], in: root)
        #expect(next.termination == .exited(0), "\(next.errorText)")
        #expect(TortureTests.wholeSite(site) == 2)
        #expect(SiteLeftovers.existing(for: site) == ([], []))
    }
}
