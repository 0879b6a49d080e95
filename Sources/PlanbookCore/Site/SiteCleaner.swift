import Foundation

/// Removes what Planbook wrote — the files an output folder's manifest lists whose bytes still match, the scratch
/// folders killed builds left beside it, and the cache — and nothing else. Nothing is deleted through a link: a
/// link is at most removed itself (see `FolderTree`).
public enum SiteCleaner {
    /// What a clean removed and kept.
    public struct Result: Sendable, Equatable {
        public var removedFiles: Int
        /// Entries kept in the output folder: ones Planbook did not write, and files changed since it wrote them.
        public var keptFiles: [String]
        public var removedCache: Bool
        /// Notes on scratch folders beside the output that had to be kept.
        public var notes: [String] = []
    }

    /// Removes the manifest's unchanged files from `output` (then the folders that empties, and the folder itself
    /// if empty), what killed builds left beside it, and the `cache` folder.
    public static func clean(output: URL, cache: URL) -> Result {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        let parent = output.deletingLastPathComponent()
        let lock = SiteLeftovers.Lock(folder: parent)
        defer { withExtendedLifetime(lock) {} }
        let notes = SiteLeftovers.recover(output: output)
        let tree = FolderTree(root: output)
        var removed = 0
        var kept: [String] = []
        if let manifest = SiteManifest.read(tree) {
            for path in manifest.paths {
                guard let kind = tree.kind(of: path) else { continue }
                if kind == .file, let data = tree.contents(of: path), manifest.matches(path, data), tree.remove(path) {
                    removed += 1
                } else {
                    kept.append(path)
                }
            }
            tree.remove(SiteManifest.name)
        }
        tree.removeEmptyFolders(includingRoot: true)
        kept += tree.entries().filter { $0.kind != .folder && !kept.contains($0.path) }.map(\.path)
        var status = stat()
        let hadCache = lstat(cache.path, &status) == 0
        if hadCache { FolderTree(root: cache).removeAll() }
        // The cache's parent (`.planbook`) goes too when the cache was all it held.
        _ = rmdir(cache.deletingLastPathComponent().path)
        return Result(removedFiles: removed, keptFiles: kept.sorted(), removedCache: hadCache, notes: notes)
    }
}
