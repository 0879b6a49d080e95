import Foundation
import Testing
import PlanbookCore

/// A build that is killed — SIGKILL, SIGTERM, Ctrl-C — leaves none of its children running: not the Swift compiler,
/// not plan programs, nor what they started (issue 18 found 27 of 27 kills leaving them).
@Suite(.serialized) struct KillTests {
    /// Pids of live (not zombie) processes whose command line holds `marker`, other than `except`.
    static func processes(holding marker: String, except: Int32 = -1) -> [Int32] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap(Int32.init) ?? []
        return pids.filter { pid in
            guard pid != except, pid != getpid(), isLive(pid),
                let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty
            else { return false }
            return String(decoding: data, as: UTF8.self).contains(marker)
        }
    }

    /// Whether process `pid` exists and is not a zombie.
    static func isLive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return !stat.contains(") Z ")
    }

    static func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// Starts `planbook build` in a study whose plan block starts a child and sleeps; once `stage` is running
    /// (the compiler or the plan program), sends `signal`; then nothing of the build may be left.
    /// With `escaping`, the plan program starts its child with Foundation's `Process` (which gives the child a group
    /// of its own); else with `system` and a shell's `&` (in the program's group). After `kill -9` of planbook, an
    /// escaped child is stopped by the watchdog's reaper, found through its frozen parent — unless it was being
    /// started at that very moment, a race the test cannot time; so the SIGKILL cases start theirs in the group.
    func killLeavesNoChildren(signal: Int32, during stage: String, escaping: Bool = true) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // The plan program's own child names the study in its command line, so it can be found too.
        let code = escaping
            ? "import Foundation\nlet child = Process()\nchild.executableURL = URL(fileURLWithPath: \"/bin/sh\")\n"
                + "child.arguments = [\"-c\", \"sleep 60; : \(root.path)\"]\ntry child.run()\nThread.sleep(forTimeInterval: 60)"
            : "import Foundation\n_ = system(\"(sleep 60; : \(root.path)) &\")\nThread.sleep(forTimeInterval: 60)"
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        try Data("# T\n\n```swift plan\n\(code)\n```\n".utf8).write(to: root.appendingPathComponent("Reports/index.md"))
        let build = try PlanbookExecutable.start(["build", "-q"], in: root)
        let started = Self.waitFor(120) {
            Self.processes(holding: root.path, except: build.processIdentifier).contains { pid in
                let command = (FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")).map { String(decoding: $0, as: UTF8.self) } ?? ""
                let executable = command.split(separator: "\u{0}").first ?? ""
                // The program stage: once the plan program's own child runs (its command line names the study).
                return stage == "program" ? command.contains("sleep 60; : ") : executable.hasSuffix(stage)
            }
        }
        #expect(started, "\(stage) never started")
        kill(build.processIdentifier, signal)
        #expect(Self.waitFor(10) { !build.isRunning }, "planbook did not stop on signal \(signal)")
        let gone = Self.waitFor(5) { Self.processes(holding: root.path).isEmpty }
        #expect(gone, "left running: \(Self.processes(holding: root.path))")
    }

    @Test func sigkillDuringThePlanProgram() throws {
        try killLeavesNoChildren(signal: SIGKILL, during: "program", escaping: false)
    }
    @Test func sigtermDuringThePlanProgram() throws { try killLeavesNoChildren(signal: SIGTERM, during: "program") }
    @Test func sigintDuringThePlanProgram() throws { try killLeavesNoChildren(signal: SIGINT, during: "program") }
    @Test func sigkillDuringTheCompiler() throws { try killLeavesNoChildren(signal: SIGKILL, during: "swift-frontend") }
}
