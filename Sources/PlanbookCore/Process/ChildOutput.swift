#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished child process wrote and how it ended.
///
/// Output beyond a limit is dropped (and `truncated` set) rather than held in memory; a child past its deadline is
/// killed and reported as `timedOut`.
public struct ChildOutput: Sendable, Equatable {
    /// How the child ended.
    public enum Termination: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (a crash or a kill).
        case signalled(Int32)
        /// It ran past its deadline and was killed.
        case timedOut
    }

    /// Bytes it wrote to standard output, up to the limit.
    public var standardOutput: [UInt8]
    /// Bytes it wrote to standard error, up to the limit.
    public var standardError: [UInt8]
    /// How it ended.
    public var termination: Termination
    /// Whether either stream went past the limit and was cut.
    public var truncated: Bool

    /// Standard error as text (invalid UTF-8 repaired).
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }

    /// Reads `outputFD` and `errorFD` (the read ends of the child's pipes) until both close or `timeout` passes,
    /// keeping at most `limit` bytes of each; then ends the child's process group (`pid` leads it) and reaps `pid`.
    /// A child that exits while something it started still holds its pipes open is not waited for: its output is
    /// read for a moment more, then the group — with whatever holds the pipes — is killed. Closes both descriptors.
    public static func collect(
        pid: pid_t, outputFD: Int32, errorFD: Int32, timeout: Duration, limit: Int
    ) -> ChildOutput {
        var output: [UInt8] = []
        var error: [UInt8] = []
        var truncated = false
        var open = [outputFD, errorFD]
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var timedOut = false
        var exitedAt: ContinuousClock.Instant?
        while !open.isEmpty {
            let now = clock.now
            let remaining = now.duration(to: deadline)
            if remaining <= .zero { timedOut = true; break }
            if let exitedAt, exitedAt.duration(to: now) > lingering { break }
            let slice = min(remaining, exitedAt == nil ? .milliseconds(100) : .milliseconds(20))
            let (seconds, attoseconds) = slice.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 && errno == EINTR { continue }
            for entry in fds where ready > 0 && entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count <= 0 {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                let chunk = buffer[0..<count]
                if entry.fd == outputFD {
                    truncated = append(chunk, to: &output, limit: limit) || truncated
                } else {
                    truncated = append(chunk, to: &error, limit: limit) || truncated
                }
            }
            if exitedAt == nil, hasExited(pid) { exitedAt = clock.now }
        }
        close(outputFD)
        close(errorFD)
        if timedOut { kill(-pid, SIGKILL) }
        // Wait for the child, leaving it a zombie so that its group's id cannot be taken by another process; end the
        // group (what it started and left running); then reap it.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        ChildGuard.release(pid)
        let termination: Termination
        if timedOut {
            termination = .timedOut
        } else if status & 0x7f == 0 {
            termination = .exited((status >> 8) & 0xff)
        } else {
            termination = .signalled(status & 0x7f)
        }
        return ChildOutput(standardOutput: output, standardError: error, termination: termination, truncated: truncated)
    }

    /// How long output is still read after the child exited, while something else holds its pipes open.
    static let lingering = Duration.milliseconds(250)

    /// Whether `pid` has exited (without reaping it).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return false }
        #if os(Linux)
        return info._sifields._sigchld.si_pid == pid
        #else
        return info.si_pid == pid
        #endif
    }

    /// Appends what fits under `limit`; returns whether anything was dropped.
    private static func append(_ chunk: ArraySlice<UInt8>, to bytes: inout [UInt8], limit: Int) -> Bool {
        let room = max(0, limit - bytes.count)
        bytes.append(contentsOf: chunk.prefix(room))
        return chunk.count > room
    }
}
