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
    /// keeping at most `limit` bytes of each; then reaps `pid`, killing it first if it is still running.
    /// Closes both descriptors.
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
        while !open.isEmpty {
            let remaining = clock.now.duration(to: deadline)
            if remaining <= .zero { timedOut = true; break }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            for entry in fds where entry.revents != 0 {
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
        }
        close(outputFD)
        close(errorFD)
        if timedOut { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
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

    /// Appends what fits under `limit`; returns whether anything was dropped.
    private static func append(_ chunk: ArraySlice<UInt8>, to bytes: inout [UInt8], limit: Int) -> Bool {
        let room = max(0, limit - bytes.count)
        bytes.append(contentsOf: chunk.prefix(room))
        return chunk.count > room
    }
}
