#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program as a child process with `posix_spawn`, reading its output as it comes, within a deadline.
///
/// Foundation's `Process.waitUntilExit` costs about 50 ms per child on Linux; this waits with `waitpid` instead.
/// Standard input is `/dev/null`; output past `limit` bytes per stream is dropped (see `ChildOutput`).
public enum ChildProcess {
    /// Why a program could not be started.
    public struct LaunchError: Error, Equatable, Sendable, CustomStringConvertible {
        public var executable: String
        public var code: Int32
        public var description: String { "could not start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments` and returns what it wrote.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String]? = nil,
        timeout: Duration = .seconds(60), limit: Int = 64 << 20
    ) throws(LaunchError) -> ChildOutput {
        var outputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else { throw LaunchError(executable: executable, code: errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        for fd in outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid: pid_t = 0
        let status: Int32
        if let envp {
            status = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        } else {
            status = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        }
        close(outputPipe[1])
        close(errorPipe[1])
        guard status == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw LaunchError(executable: executable, code: status)
        }
        return ChildOutput.collect(pid: pid, outputFD: outputPipe[0], errorFD: errorPipe[0], timeout: timeout, limit: limit)
    }
}
