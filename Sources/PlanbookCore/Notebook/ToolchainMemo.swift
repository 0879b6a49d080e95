import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a build would otherwise learn from the toolchain every time — the compiler's version line (a `swiftc
/// --version` child, about 60 ms) and the hash of PlanKit's library and modules (8.5 MB read and hashed, about
/// 30 ms) — remembered in a folder of the study's cache under the files' identities: real path, size, inode,
/// modification and status-change times. A file rebuilt, replaced or touched has a new identity, so the fact is
/// learnt again, and so is a remembered text that does not look like one (a damaged file is never trusted); the folder
/// only ever gains small files (`planbook clean` removes it with the cache).
enum ToolchainMemo {
    /// The identity of the file at `path`: the path, size, inode, and modification and status-change times to the
    /// nanosecond (`stat`, links followed).
    static func identity(of path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path) (missing)" }
        #if os(macOS)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        return "\(path) \(info.st_size) \(info.st_ino) \(modified.tv_sec).\(modified.tv_nsec) "
            + "\(changed.tv_sec).\(changed.tv_nsec)"
    }

    /// The text remembered as `name` in `folder`, when `valid`; else what `learn` returns, remembered there unless it
    /// is nil. Without a folder, `learn` is asked every time.
    static func remembered(
        _ name: String, in folder: URL?, valid: (String) -> Bool, learn: () -> String?
    ) -> String? {
        let file = folder?.appendingPathComponent(name)
        if let file, let known = try? String(contentsOf: file, encoding: .utf8), valid(known) { return known }
        guard let learnt = learn(), valid(learnt) else { return nil }
        if let folder, let file {
            // Through a temporary name and a rename, so that a concurrent build never reads half a file.
            let temporary = folder.appendingPathComponent(".\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(learnt.utf8).write(to: temporary)
                if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
            }
        }
        return learnt
    }
}
