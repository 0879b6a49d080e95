import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends every child's process group when Planbook ends — however it ends, `kill -9` included.
///
/// Each child Planbook starts (the Swift compiler, plan programs, Graphviz layouts) leads a process group of its own,
/// so that it and everything it starts can be stopped together and a terminal's Ctrl-C reaches Planbook alone. The
/// groups are registered with a watchdog: a small process forked from Planbook when the first child starts, which
/// holds the read end of a pipe that only Planbook writes to. When Planbook ends, the pipe closes; the watchdog then
/// kills every group still registered and exits. A group is unregistered once Planbook has stopped and reaped it.
/// The watchdog ignores the signals a terminal sends, holds no other descriptor, and allocates nothing after `fork`.
///
/// A descendant that leaves the group (Foundation's `Process` starts each child in a session of its own) is caught
/// otherwise, in the `planbook` command, which owns its process (`adoptOrphans`): Planbook is then the "subreaper"
/// of its descendants, so one whose parent dies becomes Planbook's child, and such orphans are stopped after each
/// child ends (`sweepOrphans`); on SIGINT, SIGTERM or SIGHUP (see `stopChildrenOnTermination`) every child's whole
/// tree is stopped before Planbook goes; after `kill -9` the watchdog's reaper finds it through its frozen parent.
public enum ChildGuard {
    /// Most groups registered at once.
    static let capacity = 4_096

    /// The write end of the pipe to the watchdog, once it runs (-1 before, or when it could not start).
    private static let channel = Mutex<Int32>(-1)
    /// The watchdog's pid (a child of Planbook that is not an orphan).
    private static let watchdog = Mutex<pid_t>(0)
    /// Whether this process took charge of orphaned descendants (see `adoptOrphans`).
    private static let adopting = Mutex(false)
    /// The children started and not yet reaped.
    private static let live = Mutex<Set<pid_t>>([])
    /// Held while a child is started and registered, and while orphans are swept: so that a child just started is
    /// never taken for an orphan.
    private static let starting = Mutex(())

    /// The write end of the watchdog's pipe (-1 before it runs), for a forked child to close: a child that kept it
    /// open would keep the watchdog waiting after Planbook ended.
    static var watchdogDescriptor: Int32 { channel.withLock { $0 } }

    /// Starts one child with `start` (which returns its pid, or a value ≤ 0 when it could not) and registers it,
    /// as one step that no sweep of orphans interrupts.
    static func start(_ start: () -> pid_t) -> pid_t {
        starting.withLock { _ in
            let pid = start()
            if pid > 0 {
                live.withLock { _ = $0.insert(pid) }
                send(pid)
            }
            return pid
        }
    }

    /// Unregisters a child that has been stopped and reaped.
    public static func release(_ group: pid_t) {
        live.withLock { _ = $0.remove(group) }
        send(-group)
    }

    /// Makes this process the subreaper of its descendants and lets `sweepOrphans` stop the orphans it gets. Only
    /// for a process that starts no children but through `ChildProcess` and `Graphviz` (the `planbook` command): any
    /// other child of it would be taken for an orphan.
    ///
    /// `reaper` is this program's own executable, which answers `reaperArgument` followed by pids by stopping those
    /// processes with all their descendants (`reap`): after Planbook ends, however it ends, the watchdog freezes the
    /// registered groups and runs it, so that even a descendant in a session of its own is found — through its
    /// parent, frozen — and stopped.
    public static func adoptOrphans(reaper: String) {
        adopting.withLock { $0 = true }
        reaperPath.withLock { $0 = reaper }
        SystemCalls.becomeSubreaper()
    }

    /// The argument that makes the `planbook` executable a reaper (see `adoptOrphans`).
    public static let reaperArgument = "__planbook-reap"

    /// What the reaper does: stops `pids` — registered groups, frozen by the watchdog — and all their descendants.
    public static func reap(_ pids: [pid_t]) {
        ProcessTree.stopAll(pids)
        for pid in pids { kill(-pid, SIGKILL) }
    }

    private static let reaperPath = Mutex<String?>(nil)

    /// Stops this process's children that it did not start — descendants whose parent died and who left their
    /// group — and reaps them (after `adoptOrphans`; else nothing).
    static func sweepOrphans() {
        guard adopting.withLock({ $0 }) else { return }
        starting.withLock { _ in
            let me = getpid()
            let known = live.withLock { $0 }.union([watchdog.withLock { $0 }])
            let orphans = ProcessTree.parents().filter { $0.value == me && !known.contains($0.key) }.map(\.key)
            guard !orphans.isEmpty else { return }
            ProcessTree.stopAll(orphans)
            for pid in orphans {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            }
        }
    }

    /// On SIGINT, SIGTERM and SIGHUP (unless Planbook was started ignoring them), stops every child with all its
    /// descendants, then ends Planbook by the same signal. For the commands that build; `serve` stops on its own.
    public static func stopChildrenOnTermination() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(number, SIG_IGN)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                ProcessTree.stopAll(Array(live.withLock { $0 }))
                sweepOrphans()
                _ = signal(number, SIG_DFL)
                _ = raise(number)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// The signal sources, kept alive (set up once, at start, on one thread).
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    private static func send(_ message: Int32) {
        channel.withLock { descriptor in
            if descriptor < 0 { descriptor = startWatchdog() }
            guard descriptor >= 0 else { return }
            var value = message
            // Four bytes are under PIPE_BUF: the write is whole or not at all.
            while write(descriptor, &value, 4) < 0 && errno == EINTR {}
        }
    }

    /// Forks the watchdog; returns the write end of its pipe, or -1.
    private static func startWatchdog() -> Int32 {
        guard let (readEnd, writeEnd) = SystemCalls.pipe() else { return -1 }
        // Everything the watchdog uses is allocated before fork.
        let groups = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 4_096, alignment: 4)
        let reaper = Reaper(path: reaperPath.withLock { $0 })
        let pid = fork()
        if pid == 0 {
            watch(readEnd, groups: groups, buffer: buffer, reaper: reaper)
        }
        watchdog.withLock { $0 = pid }
        close(readEnd)
        groups.deallocate()
        buffer.deallocate()
        reaper.deallocate()
        if pid < 0 {
            close(writeEnd)
            return -1
        }
        return writeEnd
    }

    /// The watchdog's whole life: read registrations until the pipe closes, then kill what is registered.
    private static func watch(
        _ input: Int32, groups: UnsafeMutablePointer<Int32>, buffer: UnsafeMutableRawPointer, reaper: Reaper
    ) -> Never {
        // One call each: an array literal would allocate, and nothing may allocate in a forked child.
        _ = signal(SIGINT, SIG_IGN)
        _ = signal(SIGTERM, SIG_IGN)
        _ = signal(SIGHUP, SIG_IGN)
        _ = signal(SIGQUIT, SIG_IGN)
        _ = signal(SIGPIPE, SIG_IGN)
        _ = signal(SIGTSTP, SIG_IGN)
        if input != 3 { dup2(input, 3) }
        SystemCalls.closeDescriptors(from: 4)
        close(0)
        close(1)
        close(2)
        var count = 0
        var pending = 0  // bytes of a message split across reads
        while true {
            let got = read(3, buffer + pending, 4_096 - pending)
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            let available = pending + got
            var offset = 0
            while offset + 4 <= available {
                let message = buffer.load(fromByteOffset: offset, as: Int32.self)
                offset += 4
                if message > 0, count < capacity {
                    groups[count] = message
                    count += 1
                } else if message < 0 {
                    var index = 0
                    while index < count, groups[index] != -message { index += 1 }
                    if index < count {
                        count -= 1
                        groups[index] = groups[count]
                    }
                }
            }
            pending = available - offset
            if pending > 0 { buffer.copyMemory(from: buffer + offset, byteCount: pending) }
        }
        // Freeze what is registered (so no process in it can start another, nor die and orphan its children),
        // hand the groups to the reaper, which finds and stops every descendant; kill them here if it cannot run.
        var index = 0
        while index < count {
            kill(-groups[index], SIGSTOP)
            index += 1
        }
        reaper.run(groups, count: count)
        index = 0
        while index < count {
            kill(-groups[index], SIGKILL)
            index += 1
        }
        _exit(0)
    }

    /// The reaper's command line, laid out before `fork` so that the watchdog can run it without allocating.
    private struct Reaper {
        static let slots = 64
        let path: UnsafeMutablePointer<CChar>?
        let argument: UnsafeMutablePointer<CChar>
        /// Room for the pids as text, 12 bytes each.
        let digits: UnsafeMutablePointer<CChar>
        let argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

        init(path: String?) {
            self.path = path.map { strdup($0) }
            argument = strdup(ChildGuard.reaperArgument)
            digits = .allocate(capacity: Self.slots * 12)
            argv = .allocate(capacity: Self.slots + 3)
        }

        func deallocate() {
            free(path)
            free(argument)
            digits.deallocate()
            argv.deallocate()
        }

        /// Runs the reaper on the first `slots` of `groups` (in the watchdog; does not return if it runs).
        func run(_ groups: UnsafeMutablePointer<Int32>, count: Int) {
            guard let path, count > 0 else { return }
            argv[0] = path
            argv[1] = argument
            var slot = 0
            while slot < count && slot < Self.slots {
                let text = digits + slot * 12
                var value = groups[slot]
                var length = 0
                repeat {
                    text[length] = CChar(48 + value % 10)
                    value /= 10
                    length += 1
                } while value > 0
                // The digits came out backwards: turn them round.
                var low = 0
                var high = length - 1
                while low < high {
                    let swapped = text[low]
                    text[low] = text[high]
                    text[high] = swapped
                    low += 1
                    high -= 1
                }
                text[length] = 0
                argv[slot + 2] = text
                slot += 1
            }
            argv[slot + 2] = nil
            execv(path, argv)
        }
    }
}
