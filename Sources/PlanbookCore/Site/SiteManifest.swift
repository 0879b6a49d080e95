import Crypto
import Foundation

/// `.planbook-manifest`: every file Planbook wrote into a site, with the SHA-256 of the bytes it wrote — one line
/// per file, `HASH  PATH`, sorted by path, as `sha256sum` writes them (so `sha256sum -c .planbook-manifest` checks a
/// site). Planbook deletes only files this lists whose bytes still match; anything else in the folder is someone
/// else's. A manifest of an older Planbook (paths only) is read too, without hashes.
public struct SiteManifest: Sendable, Equatable {
    /// The manifest's file name inside a site.
    public static let name = ".planbook-manifest"

    /// Path → SHA-256 (hex) of the bytes written; nil for a path listed without a hash.
    public private(set) var hashes: [String: String?]

    /// The manifest of `files` (paths relative to the site root).
    public init(files: [(path: String, contents: Data)]) {
        // Tens of megabytes for a study with scenarios: hashed on every core.
        let digests = files.map(\.contents).concurrentMap(Self.hash)
        hashes = Dictionary(
            zip(files, digests).map { ($0.path, Optional($1)) }, uniquingKeysWith: { _, last in last })
    }

    /// Reads a manifest's text; lines with an unsafe path (absolute, `..`) are ignored.
    public init(text: String) {
        var hashes: [String: String?] = [:]
        for line in text.split(separator: "\n") {
            let isHashed =
                line.utf8.count > 66 && line.prefix(64).allSatisfy(\.isHexDigit) && line.dropFirst(64).hasPrefix("  ")
            let path = isHashed ? String(line.dropFirst(66)) : String(line)
            guard Self.isSafe(path) else { continue }
            hashes[path] = isHashed ? String(line.prefix(64)) : nil
        }
        self.hashes = hashes
    }

    /// The manifest's text: `HASH  PATH` lines, sorted by path.
    public var text: String {
        hashes.keys.sorted().map { path in (hashes[path].flatMap { $0 }.map { "\($0)  " } ?? "") + path + "\n" }
            .joined()
    }

    /// The files listed, sorted.
    public var paths: [String] { hashes.keys.sorted() }

    /// Whether `data` is what Planbook wrote at `path` (always, for a path listed without a hash).
    public func matches(_ path: String, _ data: Data) -> Bool {
        guard let hash = hashes[path] else { return false }
        return hash.map { $0 == Self.hash(data) } ?? true
    }

    /// Whether `folder` holds a listed file (so it is Planbook's folder).
    public func holdsFiles(under folder: String) -> Bool {
        let prefix = folder + "/"
        return hashes.keys.contains { $0.hasPrefix(prefix) }
    }

    /// SHA-256 of `data`, as 64 lowercase hex digits.
    public static func hash(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// A path Planbook may write and list: relative, no `.` or `..` segments, no empty segments or control
    /// characters (a line break would split the manifest's line).
    public static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.hasSuffix("/") && !path.contains("//")
            && !path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
    }

    /// The manifest of the site in `tree`, if it has one.
    static func read(_ tree: FolderTree) -> SiteManifest? {
        tree.contents(of: name).map { SiteManifest(text: String(decoding: $0, as: UTF8.self)) }
    }

    /// The files this manifest lists that `tree` no longer holds (a page deleted from the published site), sorted.
    func missing(in tree: FolderTree) -> [String] {
        let present = Set(tree.entries().map { $0.path })
        return paths.filter { !present.contains($0) }.sorted()
    }

    /// What in `tree` (the site this manifest describes) Planbook did not write: entries of any type the manifest
    /// does not list (a folder counts as listed when it holds a listed file), and listed files that were changed
    /// since — edited, or replaced by a link, a folder or anything else. A file whose entry (`BuildStamp.entry`:
    /// size, inode, modification time) is among `unchangedEntries` — as the last publish left it — is not read.
    func survey(
        _ tree: FolderTree, unchangedEntries: Set<String> = []
    ) -> (foreign: [(path: String, kind: FolderTree.Kind)], changed: [String]) {
        var foreign: [(String, FolderTree.Kind)] = []
        var changed: [String] = []
        for (path, kind) in tree.entries() where path != Self.name {
            if hashes[path] != nil {
                if kind == .file, !unchangedEntries.isEmpty, let status = tree.status(of: path),
                    unchangedEntries.contains(BuildStamp.entry(path, status))
                {
                    continue
                }
                if kind != .file || !(tree.contents(of: path).map { matches(path, $0) } ?? false) {
                    changed.append(path)
                }
            } else if !(kind == .folder && holdsFiles(under: path)) {
                foreign.append((path, kind))
            }
        }
        return (foreign, changed)
    }
}
