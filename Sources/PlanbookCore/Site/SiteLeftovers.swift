import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scratch folders a publish keeps beside the output: `.NAME.planbook-new-PID-N`, the site being written, and
/// `.NAME.planbook-old-PID-N`, the previous site once swapped out. A build that is killed can leave them; the next
/// publish or `clean` of that output deals with them first, under the lock every publish of the folder holds — so
/// each one it finds belongs to a build that is gone.
enum SiteLeftovers {
    /// A held lock on the folder that holds an output (`flock` on the folder itself): one publish or clean at a time.
    final class Lock {
        private let descriptor: Int32

        init(folder: URL) {
            descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
            }
        }

        deinit { if descriptor >= 0 { close(descriptor) } }
    }

    /// The scratch folders of one publish of `output`: where it writes the new site, and where it puts the previous
    /// one once swapped out. Named by the process and the publish (`PID-N`, N counting this process's publishes), so
    /// that a previous site kept from an earlier publish (`removeRetired`) — by this process, as `planbook serve`
    /// publishes again and again, or by an earlier one of the same process ID — is never in the way.
    static func scratch(for output: URL) -> (staging: URL, retired: URL) {
        let id = "\(getpid())-\(publishes.add(1, ordering: .relaxed).newValue)"
        return (sibling(of: output, kind: "new", id: id), sibling(of: output, kind: "old", id: id))
    }

    private static let publishes = Atomic<Int>(0)

    private static func sibling(of output: URL, kind: String, id: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).planbook-\(kind)-\(id)")
    }

    /// The scratch folders of `output` now beside it.
    static func existing(for output: URL) -> (new: [URL], old: [URL]) {
        let parent = output.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        let prefix = ".\(output.lastPathComponent).planbook-"
        // In the order they were made: by process ID, then by publish (`PID-N`), as numbers ("9" before "10").
        func order(_ name: String) -> [Int] {
            name.split(separator: "-").suffix(2).map { Int($0) ?? 0 }
        }
        let matching = names.filter { $0.hasPrefix(prefix) }.sorted {
            order($0) != order($1) ? order($0).lexicographicallyPrecedes(order($1)) : $0 < $1
        }
        return (
            matching.filter { $0.hasPrefix(prefix + "new-") }.map { parent.appendingPathComponent($0) },
            matching.filter { $0.hasPrefix(prefix + "old-") }.map { parent.appendingPathComponent($0) }
        )
    }

    /// Deals with what killed publishes left (call with the lock held): when the output is missing — a build killed
    /// between the two renames of a file system without an atomic exchange — the previous site is put back; sites
    /// being written are removed; previous sites are removed as far as they are Planbook's (`removeRetired`).
    /// Returns a note for each folder that had to be kept.
    static func recover(output: URL) -> [String] {
        var (new, old) = existing(for: output)
        var status = stat()
        if lstat(output.path, &status) != 0, let previous = old.last, rename(previous.path, output.path) == 0 {
            old.removeLast()
        }
        for folder in new { FolderTree(root: folder).removeAll() }
        return old.compactMap { removeRetired($0, live: output) }
    }

    /// Removes a previous site swapped out of `live`: the files its manifest lists whose bytes still match, entries
    /// the live site holds too (the same file, hard-linked there by `--force`; the same link), and the folders that
    /// empties. Anything else — a file edited since Planbook wrote it, one that appeared while the new site was
    /// written — stays, and the folder with it. A file the manifest lists whose entry is among `known`
    /// (`BuildStamp.publishedEntries`: the same size, inode and times as the last publish left it) is Planbook's
    /// without being read. Returns a note
    /// naming what stayed, or nil when the folder is gone.
    static func removeRetired(_ folder: URL, live: URL, known: Set<String> = []) -> String? {
        let tree = FolderTree(root: folder)
        let liveTree = FolderTree(root: live)
        let manifest = SiteManifest.read(tree)
        var kept: [String] = []
        for (path, kind) in tree.entries().reversed() {
            switch kind {
            case .folder:
                if !tree.remove(path) { kept.append(path + "/") }
                continue
            case .file:
                // A twin (the same file, linked into the live site) needs no reading; others are read and hashed.
                let twin =
                    tree.identity(of: path).map { mine in
                        liveTree.identity(of: path).map { $0.device == mine.device && $0.inode == mine.inode } ?? false
                    } ?? false
                // Only a file its manifest lists: the stamp lists what `--force` carried over too.
                let vouched = !known.isEmpty && manifest?.hashes[path] != nil
                    && tree.status(of: path).map { known.contains(BuildStamp.entry(path, $0)) } == true
                let ours =
                    twin || vouched || path == SiteManifest.name
                    || (manifest.map { manifest in tree.contents(of: path).map { manifest.matches(path, $0) } ?? false }
                        ?? false)
                if ours && tree.remove(path) { continue }
            case .link:
                if let target = tree.linkTarget(of: path), liveTree.linkTarget(of: path) == target, tree.remove(path) {
                    continue
                }
            case .other:
                break
            }
            kept.append(path)
        }
        if kept.isEmpty, rmdir(folder.path) == 0 { return nil }
        let shown = kept.filter { !$0.hasSuffix("/") }.prefix(3).joined(separator: ", ")
        return "kept \(folder.lastPathComponent) beside the site: it holds what Planbook could not be sure it wrote "
            + "(\(shown.isEmpty ? "folders" : shown)); look at it, then remove it"
    }
}
