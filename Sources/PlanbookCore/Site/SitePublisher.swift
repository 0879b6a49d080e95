import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a finished site to the output folder all at once, and only ever deletes what Planbook wrote.
///
/// The new site is written to a hidden folder beside the output, `.NAME.planbook-new-PID-N`, and swapped with the
/// output in one system call (`renameat2(RENAME_EXCHANGE)`; where the file system has no exchange, two renames, and
/// the next build puts the old site back if it was killed between them). So a reader, a failed build or a killed one
/// sees the whole old site or the whole new one, never a mix and never none. The previous site is then removed as
/// far as its manifest (`SiteManifest`, with each file's hash) shows it is Planbook's.
///
/// An output folder holding anything its manifest does not list — a file, a folder, a link, of any type — or a
/// listed file changed since, is refused unless `force` is set. `force` takes the same atomic path: what is not
/// Planbook's is carried into the new site (files hard-linked, links and folders recreated), so it is kept, and
/// files Planbook writes again replace edited copies, which are named. Publishes of one folder take turns (a lock on
/// the folder that holds the output), and each first deals with what killed ones left (`SiteLeftovers`).
public enum SitePublisher {
    /// The manifest's file name inside the output folder.
    public static let manifestName = SiteManifest.name

    /// Publishes `files` (paths relative to the site root, in a stable order) to `output`, which the user named
    /// `displayPath`. `protected` folders (the project, its reports and templates) may be neither the output nor
    /// inside it. A file of the published site whose entry is among `unchangedEntries` (`BuildStamp.publishedEntries`)
    /// is taken to hold what the last publish wrote without being read. `whilePublished` is given the published
    /// folder before the publish lock is let go (the build stamps what it published: `BuildStamp`). Returns warnings
    /// (what `force` replaced, what had to be kept beside the site).
    @discardableResult
    public static func publish(
        _ files: [(path: String, contents: Data)], to output: URL, displayPath: String, force: Bool,
        protected: [URL] = [], unchangedEntries: Set<String> = [], whilePublished: (URL) -> Void = { _ in }
    ) throws(BuildFailure) -> [Diagnostic] {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        try refuseDangerous(output, displayPath: displayPath, protected: protected)
        if let unsafe = files.first(where: { !SiteManifest.isSafe($0.path) }) {
            throw BuildFailure([Diagnostic(file: displayPath, "refusing to write `\(unsafe.path)`: not a path inside the site")])
        }
        let files = lastOfEachPath(files)
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure(displayPath, "could not make the folder \(parent.path): \(error.localizedDescription)")
        }
        let lock = SiteLeftovers.Lock(folder: parent)
        defer { withExtendedLifetime(lock) {} }
        var notes = SiteLeftovers.recover(output: output)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw BuildFailure([Diagnostic(file: displayPath, "the output path is a file, not a folder; choose a folder")])
        }
        let manifest = SiteManifest(files: files)
        let tree = FolderTree(root: output)
        let published = exists ? (SiteManifest.read(tree) ?? SiteManifest(text: "")) : SiteManifest(text: "")
        let (foreign, changed) = exists ? published.survey(tree, unchangedEntries: unchangedEntries) : ([], [])
        if (!foreign.isEmpty || !changed.isEmpty) && !force {
            throw BuildFailure([refusal(foreign: foreign.map(\.path), changed: changed, displayPath: displayPath)])
        }
        // The survey found every file of the published site holding the bytes its manifest lists, and nothing else:
        // when that manifest is this one and no file of it is gone, the site already holds every byte of this build,
        // so nothing is written.
        if exists && foreign.isEmpty && changed.isEmpty && published == manifest
            && published.missing(in: tree).isEmpty
        {
            whilePublished(output)
            return notes.map { Diagnostic(file: displayPath, severity: .warning, $0) }
        }
        // Files whose bytes the published site holds unchanged are linked into the new site instead of written.
        let changedPaths = Set(changed)
        let unchanged = Set(manifest.paths.filter {
            published.hashes[$0] == manifest.hashes[$0] && !changedPaths.contains($0)
        })
        let (staging, retired) = SiteLeftovers.scratch(for: output)
        do {
            try write(
                files + [(SiteManifest.name, Data(manifest.text.utf8))], into: staging,
                linkingFrom: exists ? output : nil, unchanged: unchanged)
            if force {
                notes += try carry(foreign + changed.filter { manifest.hashes[$0] == nil }.map { ($0, .file) },
                                   from: tree, into: staging, written: manifest)
                notes += changed.filter { manifest.hashes[$0] != nil }.map { "replaced \($0), which had been changed since Planbook wrote it" }
            }
            try swap(staging, into: output, exists: exists, retiring: retired)
        } catch {
            FolderTree(root: staging).removeAll()
            let reason = (error as? POSIXError)?.code == .ENOSPC || (error as NSError).code == NSFileWriteOutOfSpaceError
                ? "there isn't enough space on the disk" : error.localizedDescription
            throw failure(displayPath, "could not write the site (\(reason))")
        }
        if exists, let note = SiteLeftovers.removeRetired(retired, live: output, known: unchangedEntries) {
            notes.append(note)
        }
        whilePublished(output)
        return notes.map { Diagnostic(file: displayPath, severity: .warning, $0) }
    }

    /// Deals with what killed publishes of `output` left beside it (see `SiteLeftovers`), under the publish lock;
    /// returns warnings for what had to be kept. A build calls this first, so that even one that fails puts a site
    /// swapped out by a killed build back.
    public static func recover(_ output: URL, displayPath: String) -> [Diagnostic] {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        let parent = output.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: parent.path) else { return [] }
        let lock = SiteLeftovers.Lock(folder: parent)
        defer { withExtendedLifetime(lock) {} }
        return SiteLeftovers.recover(output: output).map { Diagnostic(file: displayPath, severity: .warning, $0) }
    }

    // MARK: - Safety

    /// The problems that keep a site from being published to `output`, found before anything is built: a dangerous
    /// folder, a file in the way, or (without `force`) entries the manifest does not list and listed files changed
    /// since Planbook wrote them. `publish` checks the same again, under the lock, when it writes.
    public static func preflight(
        _ output: URL, displayPath: String, force: Bool, protected: [URL], unchangedEntries: Set<String> = []
    ) -> [Diagnostic] {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        do {
            try refuseDangerous(output, displayPath: displayPath, protected: protected)
        } catch {
            return error.diagnostics
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            return [Diagnostic(file: displayPath, "the output path is a file, not a folder; choose a folder")]
        }
        guard !force else { return [] }
        let tree = FolderTree(root: output)
        let (foreign, changed) = (SiteManifest.read(tree) ?? SiteManifest(text: ""))
            .survey(tree, unchangedEntries: unchangedEntries)
        guard !foreign.isEmpty || !changed.isEmpty else { return [] }
        return [refusal(foreign: foreign.map(\.path), changed: changed, displayPath: displayPath)]
    }

    private static func refuseDangerous(_ output: URL, displayPath: String, protected: [URL]) throws(BuildFailure) {
        let path = output.path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        let guarded = (protected + [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)])
            .map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        let holdsProtected = guarded.contains { $0 == path || $0.hasPrefix(path == "/" ? "/" : path + "/") }
        if path == "/" || path == home || holdsProtected {
            throw BuildFailure([Diagnostic(
                file: displayPath,
                "refusing to publish into \(path): it is the root, your home folder, or holds the project or its "
                    + "reports or templates; choose a dedicated folder such as `site`")])
        }
    }

    private static func refusal(foreign: [String], changed: [String], displayPath: String) -> Diagnostic {
        var parts: [String] = []
        if !foreign.isEmpty {
            parts.append("\(foreign.count) entr\(foreign.count == 1 ? "y" : "ies") Planbook did not write (\(foreign.prefix(3).joined(separator: ", ")))")
        }
        if !changed.isEmpty {
            parts.append("\(changed.count) file(s) changed since Planbook wrote them (\(changed.prefix(3).joined(separator: ", ")))")
        }
        return Diagnostic(
            file: displayPath,
            "the output folder holds \(parts.joined(separator: " and ")); choose an empty or new folder, or pass "
                + "--force to publish into it (what is not Planbook's is kept)")
    }

    private static func failure(_ displayPath: String, _ message: String) -> BuildFailure {
        BuildFailure([Diagnostic(file: displayPath, message)])
    }

    // MARK: - Writing

    /// `files` with a path given twice kept once, with its last contents, in the order of those last entries: what
    /// the manifest lists and what is written are then one and the same (two writers of one path at once could leave
    /// either, or write through the other's link into the published site).
    static func lastOfEachPath(_ files: [(path: String, contents: Data)]) -> [(path: String, contents: Data)] {
        var last: [String: Int] = [:]
        for (index, file) in files.enumerated() { last[file.path] = index }
        return files.indices.filter { last[files[$0].path] == $0 }.map { files[$0] }
    }

    /// Writes every file into a fresh `folder` (made here, so everything in it is Planbook's); a file of `unchanged`
    /// is a hard link to the same path in the published site `live` instead (its bytes verified there), written
    /// where the file system cannot link. The folders are made first, in order; the files are then written on every
    /// core (a site is tens of megabytes; each path once, see `lastOfEachPath`), and the first error in the files'
    /// order is thrown.
    private static func write(
        _ files: [(path: String, contents: Data)], into folder: URL, linkingFrom live: URL?, unchanged: Set<String>
    ) throws {
        let manager = FileManager.default
        FolderTree(root: folder).removeAll()
        try manager.createDirectory(at: folder, withIntermediateDirectories: false)
        var made: Set<String> = []
        for file in files {
            let parent = folder.appendingPathComponent(file.path).deletingLastPathComponent()
            if made.insert(parent.path).inserted {
                try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            }
        }
        let errors = files.map { ($0.path, $0.contents) }.concurrentMap { path, contents -> (any Error)? in
            let url = folder.appendingPathComponent(path)
            if let live, unchanged.contains(path), link(live.appendingPathComponent(path).path, url.path) == 0 {
                return nil
            }
            do {
                try contents.write(to: url)
                return nil
            } catch {
                return error
            }
        }
        if let error = errors.compactMap({ $0 }).first { throw error }
    }

    /// Copies what is not Planbook's from the old site into the new one before the swap, so it is kept: files as
    /// hard links (copies where the file system has none), links and folders made anew. Returns notes.
    private static func carry(
        _ entries: [(path: String, kind: FolderTree.Kind)], from tree: FolderTree, into staging: URL, written: SiteManifest
    ) throws -> [String] {
        var notes: [String] = []
        let target = FolderTree(root: staging)
        for (path, kind) in entries {
            let destination = staging.appendingPathComponent(path)
            if let existing = target.kind(of: path) {
                if !(existing == .folder && kind == .folder) {
                    notes.append("replaced \(path), which Planbook did not write, with the page or file it writes there")
                }
                continue
            }
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            let source = tree.root.appendingPathComponent(path).path
            switch kind {
            case .folder:
                try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            case .file:
                if link(source, destination.path) != 0 {
                    guard let data = tree.contents(of: path) else { continue }
                    try data.write(to: destination)
                }
            case .link:
                if let link = tree.linkTarget(of: path) { _ = symlink(link, destination.path) }
            case .other:
                notes.append("could not keep \(path) (not a file, folder or link); it stays in the previous site's folder")
            }
        }
        return notes
    }

    /// Puts `staging` in the place of `output`: one exchange, or where the file system has none, the old site moved
    /// aside and the new one moved in (a killed build in between is mended by the next, see `SiteLeftovers`).
    /// Afterwards the previous site is at `retired`.
    private static func swap(_ staging: URL, into output: URL, exists: Bool, retiring retired: URL) throws {
        guard exists else {
            guard rename(staging.path, output.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            return
        }
        let exchanged = SystemCalls.exchange(staging.path, output.path)
        if exchanged == 0 {
            // The old site is now at the staging path: give it its own name (see SiteLeftovers).
            guard rename(staging.path, retired.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            return
        }
        guard exchanged == EINVAL || exchanged == ENOSYS || exchanged == ENOTSUP else {
            throw POSIXError(POSIXErrorCode(rawValue: exchanged) ?? .EIO)
        }
        guard rename(output.path, retired.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if rename(staging.path, output.path) != 0 {
            let code = errno
            _ = rename(retired.path, output.path)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
