import Foundation
import PlanbookCore

/// A study folder in a fresh temporary directory: `Reports/` with the given files, and no `Templates/` (so it is
/// built with the built-in look, unless a test writes templates to override it). Removed by `remove()`.
struct TemporaryStudy {
    let root: URL

    /// The repository's root, found from this file's path (tests only).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(reports: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("planbook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        for (name, text) in reports {
            try write(text, to: "Reports/\(name)")
        }
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The Swift compiler's module cache that every test study shares (`$PLANBOOK_MODULE_CACHE` under `make test`):
    /// a fresh one per study would cost each about 1.3 s.
    static let moduleCache = ProcessInfo.processInfo.environment["PLANBOOK_MODULE_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("planbook-test-module-cache").path

    var options: BuildOptions {
        var options = BuildOptions(workingDirectory: root)
        options.moduleCache = Self.moduleCache
        return options
    }

    func build(force: Bool = false, output: String = "site") throws(BuildFailure) -> SiteBuild.Summary {
        var options = self.options
        options.force = force
        options.output = output
        return try SiteBuild(options: options).run()
    }

    /// Every file under `folder`, by relative path, with its bytes.
    func snapshot(_ folder: String = "site") -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return files }
        for case let path as String in enumerator {
            if let data = FileManager.default.contents(atPath: base.appendingPathComponent(path).path) {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory)
                if !isDirectory.boolValue { files[path] = data }
            }
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A small clustered graph: two clusters of two nodes each.
let twoClusterDOT = """
    digraph G {
      subgraph cluster_gpu0 { label="GPU 0"; a0; a1; }
      subgraph cluster_gpu1 { label="GPU 1"; b0; b1; }
      a0 -> b0; a1 -> b1;
    }
    """
