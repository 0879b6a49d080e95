#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if os(Linux)
import CLinux
#endif

/// The C library's GNU calls Planbook needs, which Swift's Glibc module does not declare: the one file that imports
/// `CLinux`. Elsewhere each falls back to what POSIX offers.
enum SystemCalls {
    /// Swaps the entries at two paths in one system call (`renameat2(RENAME_EXCHANGE)`), so that neither path is
    /// ever missing. Returns 0, or the `errno` — `EINVAL` or `ENOSYS` when the file system or kernel cannot.
    static func exchange(_ first: String, _ second: String) -> Int32 {
        #if os(Linux)
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, UInt32(PLANBOOK_RENAME_EXCHANGE)) == 0 ? 0 : errno
        #else
        return ENOSYS
        #endif
    }

    /// A pipe whose two ends close on `exec`, made in one call (`pipe2(O_CLOEXEC)`), so that no child started on
    /// another thread at the same moment inherits it and holds it open.
    static func pipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        #if os(Linux)
        guard pipe2(&ends, O_CLOEXEC) == 0 else { return nil }
        #else
        guard Darwin.pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        #endif
        return (ends[0], ends[1])
    }

    /// Closes every descriptor from `first` up (in a forked child, before it runs on its own). Safe after `fork`.
    static func closeDescriptors(from first: Int32) {
        #if os(Linux)
        if close_range(UInt32(first), UInt32.max, 0) == 0 { return }
        #endif
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let top = Int32(clamping: min(limit.rlim_cur, 65_536))
        var descriptor = first
        while descriptor < top {
            close(descriptor)
            descriptor += 1
        }
    }

    /// Limits the address space of process `pid` to `bytes` (`prlimit(RLIMIT_AS)`); its children inherit the limit.
    @discardableResult
    static func limitMemory(of pid: pid_t, to bytes: UInt64) -> Bool {
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        #if os(Linux)
        return prlimit(pid, Int32(RLIMIT_AS.rawValue), &limit, nil) == 0
        #else
        return false
        #endif
    }

    /// Makes this process the "subreaper" of its descendants: one whose parent dies is reparented to it, not to
    /// init, so it can still be found and stopped.
    static func becomeSubreaper() {
        #if os(Linux)
        _ = prctl(PLANBOOK_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        #endif
    }

    /// Limits this process's own address space (in a forked child, before it does the work).
    static func limitOwnMemory(to bytes: UInt64) {
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        #if os(Linux)
        setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
        setrlimit(RLIMIT_AS, &limit)
        #endif
    }
}
