import Foundation

/// Planbook's cache in `.planbook/cache/`: compiled plan programs by the hash of their source and toolchain, the
/// outputs of successful runs by the hash of the program and its parameters, and Graphviz drawings by the hash of
/// their DOT, layout engine and Graphviz version.
///
/// Entries are written to a temporary name and renamed into place, so a reader never sees half an entry and two
/// builds can share the cache. Only runs without errors are stored.
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

    /// The folder of the compiled program with `key` (holding `main.swift` and `program`).
    public func programFolder(_ key: String) -> URL { root.appendingPathComponent("programs/\(key)") }

    /// The compiled executable with `key`, if cached.
    public func program(_ key: String) -> URL? {
        let url = programFolder(key).appendingPathComponent("program")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// The stored outputs of the run with `key`, if any.
    public func run(_ key: String) -> NotebookOutputs? {
        guard let data = try? Data(contentsOf: runFile(key)) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(NotebookOutputs.self, from: data)
    }

    /// Stores the outputs of a successful run.
    public func storeRun(_ outputs: NotebookOutputs, key: String) {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(outputs) else { return }
        store(data, at: runFile(key))
    }

    /// The drawing with `key`, if cached.
    public func svg(_ key: String) -> String? {
        (try? Data(contentsOf: svgFile(key))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Stores a drawing.
    public func storeSVG(_ svg: String, key: String) { store(Data(svg.utf8), at: svgFile(key)) }

    private func svgFile(_ key: String) -> URL { root.appendingPathComponent("svg/\(key).svg") }

    /// Writes `data` to `file` through a temporary name and a rename.
    private func store(_ data: Data, at file: URL) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = file.appendingPathExtension("tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: temporary)
            _ = try? FileManager.default.removeItem(at: file)
            try FileManager.default.moveItem(at: temporary, to: file)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Writes a plan program's input for the run with `key` to a file of its own, and returns the file.
    public func inputFile(_ bytes: [UInt8], key: String) throws -> URL {
        let folder = root.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(key)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try Data(bytes).write(to: file)
        return file
    }

    /// A fresh folder to compile in; `commitProgram` moves it into place.
    public func stagingFolder() throws -> URL {
        let folder = root.appendingPathComponent("programs/staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Moves a compiled `staging` folder to the entry for `key` (or drops it if another build got there first).
    public func commitProgram(_ staging: URL, key: String) -> URL {
        let destination = programFolder(key)
        if (try? FileManager.default.moveItem(at: staging, to: destination)) == nil {
            try? FileManager.default.removeItem(at: staging)
        }
        return destination.appendingPathComponent("program")
    }

    private func runFile(_ key: String) -> URL { root.appendingPathComponent("runs/\(key).json") }
}
