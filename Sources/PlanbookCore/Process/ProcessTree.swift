import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The processes descended from some, read from `/proc`, and stopped all together — for descendants that left
/// their process group (Foundation's `Process` starts each child in a session of its own), which a kill of the group
/// does not reach.
enum ProcessTree {
    /// Every process now running: pid → parent pid.
    static func parents() -> [pid_t: pid_t] {
        var result: [pid_t: pid_t] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name),
                let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After "pid (command)": state, parent pid, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { result[pid] = parent }
        }
        return result
    }

    /// The descendants of `roots` (not the roots themselves).
    static func descendants(of roots: [pid_t]) -> [pid_t] {
        let parents = parents()
        var children: [pid_t: [pid_t]] = [:]
        for (pid, parent) in parents { children[parent, default: []].append(pid) }
        var result: [pid_t] = []
        var queue = roots
        while let next = queue.popLast() {
            for child in children[next] ?? [] where !result.contains(child) {
                result.append(child)
                queue.append(child)
            }
        }
        return result
    }

    /// Stops `roots` and all their descendants — first freezing them (SIGSTOP) until no new one appears, so that none
    /// can start another or be reparented away while they are killed — then kills them all.
    static func stopAll(_ roots: [pid_t]) {
        var frozen = Set(roots)
        for pid in roots { send(SIGSTOP, to: pid) }
        while true {
            let more = descendants(of: Array(frozen)).filter { !frozen.contains($0) }
            if more.isEmpty { break }
            for pid in more {
                send(SIGSTOP, to: pid)
                frozen.insert(pid)
            }
        }
        for pid in frozen { send(SIGKILL, to: pid) }
    }
}

private func send(_ signal: Int32, to pid: pid_t) { _ = kill(pid, signal) }
