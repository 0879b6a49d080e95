import Foundation

/// Removes what Planbook wrote — the files an output folder's manifest lists, and the cache — and nothing else.
public enum SiteCleaner {
    /// What a clean removed and kept.
    public struct Result: Sendable, Equatable {
        public var removedFiles: Int
        public var keptFiles: [String]
        public var removedCache: Bool
    }

    /// Removes the manifest's files from `output` (then empty folders it leaves, and the folder itself if empty) and
    /// the `cache` folder.
    public static func clean(output: URL, cache: URL) -> Result {
        let manager = FileManager.default
        let listed = SitePublisher.readManifest(output)
        var removed = 0
        for path in listed where (try? manager.removeItem(at: output.appendingPathComponent(path))) != nil {
            removed += 1
        }
        if !listed.isEmpty { try? manager.removeItem(at: output.appendingPathComponent(SitePublisher.manifestName)) }
        removeEmptyFolders(in: output)
        let kept = SitePublisher.foreignFiles(in: output, manifest: [])
        if kept.isEmpty, (try? manager.contentsOfDirectory(atPath: output.path))?.isEmpty == true {
            try? manager.removeItem(at: output)
        }
        let hadCache = manager.fileExists(atPath: cache.path)
        if hadCache { try? manager.removeItem(at: cache) }
        // The cache's parent (`.planbook`) goes too when the cache was all it held.
        let parent = cache.deletingLastPathComponent()
        if (try? manager.contentsOfDirectory(atPath: parent.path))?.isEmpty == true { try? manager.removeItem(at: parent) }
        return Result(removedFiles: removed, keptFiles: kept, removedCache: hadCache)
    }

    private static func removeEmptyFolders(in folder: URL) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for entry in entries {
            let url = folder.appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            removeEmptyFolders(in: url)
            if (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }
}
