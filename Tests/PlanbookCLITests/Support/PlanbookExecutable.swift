import Foundation
import PlanbookCore

/// The `planbook` executable that `swift build` made, run as a user runs it: in a folder, with its exit status and
/// output. Every run shares one Swift module cache (`$PLANBOOK_MODULE_CACHE`, as `make test` sets it, or one in the
/// temporary folder): a fresh one would add about 1.3 s to each study's first compile.
enum PlanbookExecutable {
    /// The executable next to this test bundle in the build folder.
    static let url: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the tests run from .build/debug/PlanbookPackageTests.xctest; on macOS from inside a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("planbook").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("planbook")
    }()

    /// The module cache every run shares.
    static let moduleCache =
        ProcessInfo.processInfo.environment["PLANBOOK_MODULE_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("planbook-test-module-cache").path

    /// The repository's root, found from this file's path (tests only).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `executable` (the built `planbook` by default) with `arguments` in `folder`, with `environment` added to
    /// this process's.
    static func run(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:], executable: URL = url
    ) throws -> ChildOutput {
        // GNU env's -C runs the command in `folder`, as a user in that folder would; NAME=VALUE sets a variable.
        let variables = (["PLANBOOK_MODULE_CACHE": moduleCache].merging(environment) { $1 })
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return try ChildProcess.run(
            "/usr/bin/env", ["-C", folder.path] + variables + [executable.path] + arguments, timeout: .seconds(300))
    }

    /// Starts `executable` (the built `planbook` by default) with `arguments` in `folder`, its output discarded, and
    /// returns at once: for tests that signal or kill it while it runs.
    static func start(_ arguments: [String], in folder: URL, executable: URL = url) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["PLANBOOK_MODULE_CACHE": moduleCache]) {
            _, new in new
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
