import Foundation

/// Writes a finished site to the output folder all at once, and only ever deletes what Planbook wrote.
///
/// The new site is written to a hidden folder beside the output and swapped in with two renames, so a reader (or a
/// failed build) never sees a half-written site: after a failure the previous site is byte for byte as it was.
/// Each site holds a manifest, `.planbook-manifest`, listing every file Planbook wrote. An output folder holding
/// anything not in its manifest is refused unless `force` is set; then the new files are written into it in place,
/// files of the old manifest that are gone are removed, and nothing else is touched.
public enum SitePublisher {
    /// The manifest's file name inside the output folder.
    public static let manifestName = ".planbook-manifest"

    /// Publishes `files` (paths relative to the site root, in a stable order) to `output`, which the user named
    /// `displayPath`. `protected` folders (the project, its reports and templates) may be neither the output nor
    /// inside it.
    public static func publish(
        _ files: [(path: String, contents: Data)], to output: URL, displayPath: String, force: Bool,
        protected: [URL] = []
    ) throws(BuildFailure) {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        let problems = preflight(output, displayPath: displayPath, force: force, protected: protected)
        if !problems.isEmpty { throw BuildFailure(problems) }
        let exists = FileManager.default.fileExists(atPath: output.path)
        let manifest = files.map(\.path).sorted().joined(separator: "\n") + "\n"
        let allFiles = files + [(manifestName, Data(manifest.utf8))]
        let previous = exists ? readManifest(output) : []
        let foreign = exists ? foreignFiles(in: output, manifest: Set(previous)) : []
        do {
            if foreign.isEmpty {
                try swapIn(allFiles, at: output)
            } else {
                try writeInPlace(allFiles, at: output, removing: Set(previous).subtracting(allFiles.map(\.path)))
            }
        } catch {
            throw BuildFailure([Diagnostic(file: displayPath, "could not write the site: \(error.localizedDescription)")])
        }
    }

    // MARK: - Safety

    /// The problems that keep a site from being published to `output`, found before anything is built: a dangerous
    /// folder, a file in the way, or files Planbook did not write (without `force`).
    public static func preflight(_ output: URL, displayPath: String, force: Bool, protected: [URL]) -> [Diagnostic] {
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
        let foreign = foreignFiles(in: output, manifest: Set(readManifest(output)))
        guard !foreign.isEmpty, !force else { return [] }
        let examples = foreign.prefix(3).joined(separator: ", ")
        return [Diagnostic(
            file: displayPath,
            "the output folder holds \(foreign.count) file(s) Planbook did not write (\(examples)); choose an "
                + "empty or new folder, or pass --force to write into it (Planbook deletes only what it wrote)")]
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

    static func readManifest(_ output: URL) -> [String] {
        guard let text = try? String(contentsOf: output.appendingPathComponent(manifestName), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").map(String.init).filter { isSafeRelativePath($0) }
    }

    /// Files under `output` that the manifest does not list, sorted.
    static func foreignFiles(in output: URL, manifest: Set<String>) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: output.path) else { return [] }
        var foreign: [String] = []
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: output.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if isDirectory.boolValue || relative == manifestName || manifest.contains(relative) { continue }
            foreign.append(relative)
        }
        return foreign.sorted()
    }

    private static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    // MARK: - Writing

    /// Writes every file into a fresh sibling folder, then renames it over `output` (moving the old one aside and
    /// removing it only once the new one is in place).
    private static func swapIn(_ files: [(path: String, contents: Data)], at output: URL) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).planbook-new-\(getpid())")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).planbook-old-\(getpid())")
        try? manager.removeItem(at: staging)
        do {
            try write(files, into: staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        let hadOld = manager.fileExists(atPath: output.path)
        if hadOld { try manager.moveItem(at: output, to: retired) }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadOld { try? manager.moveItem(at: retired, to: output) }
            try? manager.removeItem(at: staging)
            throw error
        }
        // Everything in the retired folder was listed in its manifest, so it is Planbook's to delete.
        if hadOld { try? manager.removeItem(at: retired) }
    }

    /// Writes each file in place (each through a temporary file and a rename) and removes `stale` files.
    private static func writeInPlace(_ files: [(path: String, contents: Data)], at output: URL, removing stale: Set<String>) throws {
        try write(files, into: output)
        for path in stale.sorted() {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
        }
    }

    private static func write(_ files: [(path: String, contents: Data)], into folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, options: .atomic)
        }
    }
}
