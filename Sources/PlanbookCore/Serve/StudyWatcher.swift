import Foundation

/// Notices when a study's sources change, by comparing the size and modification time of every file under the
/// watched folders (polling: portable, and cheap for a study's few hundred files).
public struct StudyWatcher: Sendable {
    /// The folders watched (reports and templates).
    public let folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    /// A fingerprint of every file under the folders: path, size and modification time, sorted by path.
    public func fingerprint() -> String {
        var entries: [String] = []
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
            else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                let time = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
                entries.append("\(url.path) \(values?.fileSize ?? 0) \(time)")
            }
        }
        return entries.sorted().joined(separator: "\n")
    }
}
