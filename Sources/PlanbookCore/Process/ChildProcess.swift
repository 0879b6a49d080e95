#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program as a child process with `posix_spawn`, reading its output as it comes, within a deadline.
///
/// Foundation's `Process.waitUntilExit` costs about 50 ms per child on Linux; this waits with `waitpid` instead.
/// Standard input is `/dev/null`; output past `limit` bytes per stream is dropped (see `ChildOutput`). The pipes are
/// made close-on-exec, so a child started at the same moment on another thread never inherits them.
public enum ChildProcess {
    /// Why a program could not be started.
    public struct LaunchError: Error, Equatable, Sendable, CustomStringConvertible {
        public var executable: String
        public var code: Int32
        public var description: String { "could not start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments` and returns what it wrote. The child
    /// leads a process group of its own (registered with `ChildGuard`, so it ends with Planbook), starts with the
    /// default handling of the signals Planbook may ignore, and, with `memoryLimit`, may use that many bytes of
    /// address space (it and what it starts).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String]? = nil,
        timeout: Duration = .seconds(60), limit: Int = 64 << 20, memoryLimit: UInt64? = nil
    ) throws(LaunchError) -> ChildOutput {
        guard let outputPipe = SystemCalls.pipe() else { throw LaunchError(executable: executable, code: errno) }
        guard let errorPipe = SystemCalls.pipe() else {
            close(outputPipe.read); close(outputPipe.write)
            throw LaunchError(executable: executable, code: errno)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe.write, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }
        var status: Int32 = 0
        let pid = ChildGuard.start {
            var pid: pid_t = 0
            if let envp {
                status = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
            } else {
                status = posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
            }
            return status == 0 ? pid : -1
        }
        close(outputPipe.write)
        close(errorPipe.write)
        guard status == 0 else {
            close(outputPipe.read)
            close(errorPipe.read)
            throw LaunchError(executable: executable, code: status)
        }
        if let memoryLimit { SystemCalls.limitMemory(of: pid, to: memoryLimit) }
        let output = ChildOutput.collect(
            pid: pid, outputFD: outputPipe.read, errorFD: errorPipe.read, timeout: timeout, limit: limit)
        ChildGuard.sweepOrphans()
        return output
    }
}
