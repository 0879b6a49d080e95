import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Planbook's cache in `.planbook/cache/`: compiled plan programs by the hash of their source and toolchain, the
/// shared plan code's library, the outputs of successful runs by the hash of the program and its parameters, and
/// Graphviz drawings by the hash of their DOT, layout engine and Graphviz version — only drawings that passed the
/// sanitizer (`SVGSanitizer`), so that a drawing reused from the cache needs no second check.
///
/// Every entry is stored with the SHA-256 of its bytes and checked against it before it is reused: a file entry
/// starts with a line holding its hash, a folder entry (a program, a library) holds a `.seal` listing the hash of
/// each of its files. An entry that fails — truncated by a full disk, damaged, edited — is discarded and made again,
/// never trusted. Entries are written under a temporary name and renamed into place (folders swapped in with one
/// exchange), so a reader never sees half an entry, two builds can share the cache, and `--no-cache` replaces what
/// it rebuilds. Only runs without errors are stored. The memo folders (`memoFolder(toolchain:)`) are the one part
/// Planbook does not write: plan programs keep their routing simulations there, each file checked by its own
/// checksum and counts, and replaced when it fails (`RoutingMemo`, PlanRuntime's `MemoFolder`).
public struct PlanCache: Sendable {
    /// The cache's folder.
    public let root: URL
    /// The folder where the Swift compiler keeps its module cache: the one given (`BuildOptions.moduleCache`, in the
    /// user's cache folder by default), else `module-cache` in the cache's folder. It holds only the compiler's own
    /// prebuilt modules, which are safe to share between studies and concurrent compilers (and worth it: a fresh one
    /// adds about 1.3 s to a study's first compile).
    public let moduleCache: URL

    public init(root: URL, moduleCache: URL? = nil) {
        self.root = root
        self.moduleCache = moduleCache ?? root.appendingPathComponent("module-cache")
    }

    /// Where facts about the toolchain are remembered (`ToolchainMemo`): the compiler's version line and the hash of
    /// PlanKit's files, under the files' identities.
    public var toolchainFolder: URL { root.appendingPathComponent("toolchain") }

    /// The name of the file in a folder entry that lists the hash of each of its files.
    static let sealName = ".seal"

    // MARK: - Programs and libraries

    /// The folder of the compiled program with `key` (holding `main.swift` and `program`).
    public func programFolder(_ key: String) -> URL { root.appendingPathComponent("programs/\(key)") }

    /// The compiled executable with `key`, if cached and intact.
    public func program(_ key: String) -> URL? {
        let folder = programFolder(key)
        let url = folder.appendingPathComponent("program")
        guard verifiedFolder(folder), FileManager.default.isExecutableFile(atPath: url.path) else { return nil }
        return url
    }

    /// The folder of the shared plan code's library with `key`.
    public func sharedLibraryFolder(_ key: String) -> URL { root.appendingPathComponent("shared/\(key)") }

    /// Whether the library folder with `key` is cached and intact.
    public func sharedLibrary(_ key: String) -> Bool { verifiedFolder(sharedLibraryFolder(key)) }

    /// A fresh folder to compile in; `commitProgram` or `commitSharedLibrary` moves it into place.
    public func stagingFolder() throws -> URL {
        let folder = root.appendingPathComponent("programs/staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Seals a compiled `staging` folder and puts it in place as the program with `key`, replacing what was there.
    public func commitProgram(_ staging: URL, key: String) -> URL {
        commit(staging, to: programFolder(key))
        return programFolder(key).appendingPathComponent("program")
    }

    /// Seals a compiled `staging` folder and puts it in place as the shared library with `key`.
    public func commitSharedLibrary(_ staging: URL, key: String) {
        commit(staging, to: sharedLibraryFolder(key))
    }

    // MARK: - Memos

    /// The folder, made when missing, where programs built with `toolchain` remember PlanKit's simulations
    /// (`RoutingMemo`, written by the program's runtime): one per toolchain fingerprint, which covers PlanKit's bytes,
    /// so a PlanKit that simulates differently never recalls another's counts.
    public func memoFolder(toolchain: PlanToolchain) throws -> URL {
        let folder = root.appendingPathComponent("memo/\(CacheKey.memo(toolchain: toolchain).hex)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    // MARK: - Runs and drawings

    /// The stored outputs of the run with `key`, if any and intact.
    public func run(_ key: String) -> NotebookOutputs? {
        guard let data = verifiedFile(runFile(key)) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let outputs = try? decoder.decode(NotebookOutputs.self, from: data) else {
            discard(runFile(key))
            return nil
        }
        return outputs
    }

    /// Stores the outputs of a successful run.
    public func storeRun(_ outputs: NotebookOutputs, key: String) {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(outputs) else { return }
        store(data, at: runFile(key))
    }

    /// The drawing with `key`, if cached and intact.
    public func svg(_ key: String) -> String? {
        verifiedFile(svgFile(key)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a drawing is stored under `key` (not read: `svg(_:)` checks its seal when it is).
    public func hasSVG(_ key: String) -> Bool { FileManager.default.fileExists(atPath: svgFile(key).path) }

    /// Stores a drawing (one that passed the sanitizer: the cache is trusted to hold only such).
    public func storeSVG(_ svg: String, key: String) { store(Data(svg.utf8), at: svgFile(key)) }

    private func svgFile(_ key: String) -> URL { root.appendingPathComponent("svg/\(key).svg") }

    private func runFile(_ key: String) -> URL { root.appendingPathComponent("runs/\(key).json") }

    /// Writes a plan program's input for the run with `key` to a file of its own, and returns the file.
    public func inputFile(_ bytes: [UInt8], key: String) throws -> URL {
        let folder = root.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(key)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try Data(bytes).write(to: file)
        return file
    }

    // MARK: - Storing with a hash

    /// Writes `data`, after a line with its hash, to `file` through a temporary name and a rename (which replaces
    /// what was there at once).
    private func store(_ data: Data, at file: URL) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = file.appendingPathExtension("tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try (Data((SiteManifest.hash(data) + "\n").utf8) + data).write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else { throw POSIXError(.EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// The bytes stored at `file` when they match the hash stored with them; else the entry is removed.
    private func verifiedFile(_ file: URL) -> Data? {
        guard let stored = try? Data(contentsOf: file) else { return nil }
        guard let newline = stored.firstIndex(of: 10), newline - stored.startIndex == 64 else {
            discard(file)
            return nil
        }
        let data = stored[(newline + 1)...]
        guard String(decoding: stored[..<newline], as: UTF8.self) == SiteManifest.hash(Data(data)) else {
            discard(file)
            return nil
        }
        return Data(data)
    }

    /// Whether `folder` holds a seal whose every file is there with its hash; a folder that fails is removed.
    private func verifiedFolder(_ folder: URL) -> Bool {
        let tree = FolderTree(root: folder)
        guard let seal = tree.contents(of: Self.sealName) else {
            if tree.kind(of: "program") != nil || FileManager.default.fileExists(atPath: folder.path) { discard(folder) }
            return false
        }
        let manifest = SiteManifest(text: String(decoding: seal, as: UTF8.self))
        let intact = !manifest.paths.isEmpty && manifest.paths.allSatisfy { path in
            tree.contents(of: path).map { manifest.hashes[path] != nil && manifest.matches(path, $0) } ?? false
        }
        if !intact { discard(folder) }
        return intact
    }

    /// Writes the seal of `staging` and swaps it in at `destination` (replacing an entry already there, which is
    /// then removed); the staging folder is gone afterwards.
    private func commit(_ staging: URL, to destination: URL) {
        let tree = FolderTree(root: staging)
        let files = tree.entries().filter { $0.kind == .file && $0.path != Self.sealName }.compactMap { entry in
            tree.contents(of: entry.path).map { (entry.path, $0) }
        }
        do {
            try Data(SiteManifest(files: files).text.utf8).write(to: staging.appendingPathComponent(Self.sealName))
        } catch {
            tree.removeAll()
            return
        }
        try? FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        if rename(staging.path, destination.path) == 0 { return }
        // Something is there already (a damaged entry, or one --no-cache rebuilds): exchange, then remove it.
        if SystemCalls.exchange(staging.path, destination.path) != 0 {
            discard(destination)
            if rename(staging.path, destination.path) == 0 { return }
        }
        tree.removeAll()
    }

    /// Removes a failed entry (a file, or a folder — never through a link).
    private func discard(_ url: URL) {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR {
            // Move it aside first, so no reader sees it half-removed.
            let aside = url.deletingLastPathComponent()
                .appendingPathComponent(".discarded-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            FolderTree(root: rename(url.path, aside.path) == 0 ? aside : url).removeAll()
        } else {
            _ = unlink(url.path)
        }
    }
}
