import Foundation
import Testing
@testable import PlanbookCore

/// Children are ended with what started them: a child that exits while what it started holds its output open is
/// not waited for, and the group goes with it; plan programs have a memory limit; Graphviz has a bound.
@Suite struct ChildProcessTests {
    /// Whether a process whose command line holds `marker` is still running a second after (a killed process takes
    /// a moment to go).
    static func running(_ marker: String) -> Bool {
        for _ in 0..<20 {
            if !anyRunning(marker) { return false }
            usleep(50_000)
        }
        return true
    }

    static func anyRunning(_ marker: String) -> Bool {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { $0.allSatisfy(\.isNumber) } ?? []
        return pids.contains { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty,
                let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                !status.contains(") Z ")
            else { return false }
            return String(decoding: data, as: UTF8.self).contains(marker)
        }
    }

    @Test func aChildWhoseOwnChildHoldsItsOutputOpenIsNotWaitedFor() throws {
        // sh starts a sleep that inherits its standard output and outlives it. Before, this waited for the sleep
        // (the whole timeout) and left it running.
        let marker = "\(Int.random(in: 1_000_000...9_999_999))"
        let clock = ContinuousClock()
        let start = clock.now
        let result = try ChildProcess.run("/bin/sh", ["-c", "sleep 3\(marker) & echo started"], timeout: .seconds(20))
        #expect(clock.now - start < .seconds(5))
        #expect(result.termination == .exited(0))
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "started\n")
        #expect(!Self.running("3\(marker)"))
    }

    @Test func aTimedOutChildIsKilledWithEverythingItStarted() throws {
        let marker = "\(Int.random(in: 1_000_000...9_999_999))"
        let result = try ChildProcess.run("/bin/sh", ["-c", "sleep 4\(marker) & sleep 5\(marker)"], timeout: .seconds(1))
        #expect(result.termination == .timedOut)
        #expect(!Self.running("4\(marker)") && !Self.running("5\(marker)"))
    }

    @Test func aPlanProgramPastItsMemoryLimitIsStoppedAtItsStatement() throws {
        let code = "var chunks: [[UInt8]] = []\nfor i in 0..<40 { chunks.append([UInt8](repeating: UInt8(i), count: 100_000_000)) }\nprint(chunks.count)"
        let study = try TemporaryStudy(reports: ["index.md": "# T\n\nText.\n\n```swift plan\n\(code)\n```\n"])
        defer { study.remove() }
        var options = study.options
        options.memoryLimit = 1 << 30
        #expect {
            try SiteBuild(options: options).run()
        } throws: { error in
            (error as? BuildFailure)?.description.hasPrefix(
                // Line 7: the statement that allocates (line 6 declares the array), found by its statement marker.
                "Reports/index.md:7:1: error: the plan blocks exceeded the memory limit (1 GB) and were stopped in this statement") == true
        }
    }

    @Test func aGraphvizLayoutPastItsBoundIsStopped() throws {
        // A polygon of 10⁸ sides: before, 48 s and 4.2 GB; with a 256 MB bound it is stopped within seconds.
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: GraphvizError.self) {
            try Graphviz.svg(fromDOT: "digraph { a [shape=polygon sides=100000000] }", memoryLimit: 256 << 20)
        }
        #expect(clock.now - start < .seconds(20))
    }
}
