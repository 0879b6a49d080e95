import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The `planbook` executable run as a user runs it — a whole process, timed from spawn to exit — with the peak
/// resident memory of its whole process tree (planbook, the compilers, the plan programs, the Graphviz children),
/// sampled from `/proc` every 10 ms as `ps` would see it.
struct PlanbookProcess {
    /// The `planbook` executable (by default the one beside this benchmark, in `.build/release/`).
    var executable: String
    /// The folder it runs in: the study's `Reports/`, `.planbook/` and `site/` are there.
    var folder: URL

    init(executable: String = besideBenchmark, folder: URL) {
        self.executable = executable
        self.folder = folder
    }

    /// `planbook` in this benchmark executable's folder.
    static var besideBenchmark: String {
        let benchmark = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: benchmark).deletingLastPathComponent().appendingPathComponent("planbook").path
    }

    /// What one run took: wall-clock seconds, CPU seconds (user and system, of planbook and every child it waited
    /// for), and the peak resident memory of its process tree.
    struct Run {
        var seconds: Double
        var cpuSeconds: Double
        var peakTreeBytes: Int
    }

    /// Runs `planbook build -q` with `arguments` in `folder`, with the user's environment minus
    /// `PLANBOOK_MODULE_CACHE` (so that Planbook's default module cache is the one measured) plus `environment`;
    /// fails unless it exits 0.
    func build(_ arguments: [String] = [], environment extra: [String: String] = [:]) throws -> Run {
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "PLANBOOK_MODULE_CACHE" }
            .merging(extra) { $1 }.map { "\($0.key)=\($0.value)" }.sorted()
        let previous = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(folder.path) else {
            throw Failure("cannot enter \(folder.path)")
        }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let argv = ([executable, "build", "-q"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var peak = 0
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { throw Failure("wait4: \(String(cString: strerror(errno)))") }
            peak = max(peak, Self.treeResidentBytes(root: pid))
            usleep(10_000)
        }
        let elapsed = clock.now - start
        guard status == 0 else {
            throw Failure("planbook build \(arguments.joined(separator: " ")) in \(folder.path) failed (status \(status))")
        }
        let cpu = [usage.ru_utime, usage.ru_stime].map { Double($0.tv_sec) + Double($0.tv_usec) * 1e-6 }.reduce(0, +)
        return Run(
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            cpuSeconds: cpu, peakTreeBytes: peak)
    }

    /// The resident bytes of `root` and every process descended from it, now.
    static func treeResidentBytes(root: pid_t) -> Int {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var children: [Int32: [Int32]] = [:]
        var resident: [Int32: Int] = [:]
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        for entry in entries {
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After the command's closing parenthesis: state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = Int32(fields[1]) else { continue }
            children[parent, default: []].append(pid)
            if let statm = try? String(contentsOfFile: "/proc/\(entry)/statm", encoding: .utf8) {
                let pages = statm.split(separator: " ")
                if pages.count > 1, let count = Int(pages[1]) { resident[pid] = count * page }
            }
        }
        var total = 0
        var stack = [root]
        while let pid = stack.popLast() {
            total += resident[pid] ?? 0
            stack += children[pid] ?? []
        }
        return total
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
