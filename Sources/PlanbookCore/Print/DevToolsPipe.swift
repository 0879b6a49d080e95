import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands on its file
/// descriptor 3, answers and events on 4, each message JSON ended by a NUL byte) — no port, no WebSocket, no script
/// in the page. The browser runs in its own throwaway profile and is ended when the pipe is closed.
final class DevToolsPipe {
    /// Why the browser could not be driven.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private let pid: pid_t
    private let commands: Int32
    private let answers: Int32
    private let profile: URL
    private var nextID = 0
    private var buffer: [UInt8] = []
    /// How far `buffer` is known to hold no NUL (answers run to tens of megabytes: never scan them twice).
    private var scanned = 0
    /// Events received while waiting for an answer, oldest first.
    private(set) var events: [[String: Any]] = []

    /// Starts `browser` headless with a fresh profile in `scratch`.
    init(browser: String, scratch: URL) throws {
        profile = scratch.appendingPathComponent("chromium-profile-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(message: "could not make a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        for fd in toBrowser + fromBrowser { posix_spawn_file_actions_addclose(&actions, fd) }
        let arguments = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--remote-debugging-pipe", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, browser, &actions, nil, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard status == 0 else {
            close(toBrowser[1])
            close(fromBrowser[0])
            throw Failure(message: "could not start \(browser): \(String(cString: strerror(status)))")
        }
        pid = child
        commands = toBrowser[1]
        answers = fromBrowser[0]
    }

    deinit {
        close(commands)
        close(answers)
        var status: Int32 = 0
        // The browser leaves when its pipe closes; make sure it does.
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) != 0 { break }
            usleep(100_000)
        }
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends `method` with `params` (to the page of `session`, if given) and returns its result, waiting at most
    /// `timeout`.
    @discardableResult
    func call(
        _ method: String, _ params: [String: Any] = [:], session: String? = nil,
        timeout: Duration = .seconds(120)
    ) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(message: "the browser closed its pipe") }
            written += count
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let answer = try receive(until: deadline, waitingFor: method)
            if answer["id"] as? Int == id {
                if let error = answer["error"] as? [String: Any] {
                    throw Failure(message: "\(method): \(error["message"] as? String ?? "failed")")
                }
                return answer["result"] as? [String: Any] ?? [:]
            }
            events.append(answer)
        }
    }

    /// Waits for the event `method` (of `session`), among those received or to come.
    func wait(for method: String, session: String?, timeout: Duration = .seconds(120)) throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if let index = events.firstIndex(where: {
                $0["method"] as? String == method
                    && (session == nil || $0["sessionId"] as? String == session)
            }) {
                events.removeSubrange(...index)
                return
            }
            events.append(try receive(until: deadline, waitingFor: method))
        }
    }

    /// The next message from the browser.
    private func receive(until deadline: ContinuousClock.Instant, waitingFor what: String) throws -> [String: Any] {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let end = buffer[scanned...].firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                scanned = 0
                guard let object = try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else {
                    continue
                }
                return object
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw Failure(message: "the browser did not answer \(what) in time") }
            var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + 1)
            let ready = poll(&poller, 1, min(milliseconds, 1000))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(message: "the browser ended while Planbook waited for \(what)") }
            scanned = buffer.count
            buffer += chunk[0..<count]
        }
    }
}
