import Foundation

/// The study's shared Swift files (`Reports/*.swift`) compiled once into a library, `PlanbookShared`, that every
/// report's plan program links — instead of compiling them again into each program.
///
/// Reports see the files' declarations as if they were their own (`@testable import`, so nothing has to be `public`).
/// The library is cached by the hash of the files and the toolchain, like the programs, sealed with the hash of each
/// of its files (see `PlanCache`). Errors in the files are
/// reported once, at their own path, line and column.
public struct SharedLibrary: Sendable {
    /// The module name plan programs import.
    public static let moduleName = "PlanbookShared"

    /// The folder holding `libPlanbookShared.so` and `PlanbookShared.swiftmodule`.
    public let folder: URL
    /// The key it is cached under; part of every program's key.
    public let key: CacheKey

    /// Where the library of `shared` is kept in `cache`, and its key; nil when there are no shared files.
    public static func planned(_ shared: [SharedPlanCode], toolchain: PlanToolchain, cache: PlanCache) -> SharedLibrary? {
        guard !shared.isEmpty else { return nil }
        let key = CacheKey.sharedLibrary(shared, toolchain: toolchain, flags: command(toolchain).flags)
        return SharedLibrary(folder: cache.sharedLibraryFolder(key.hex), key: key)
    }

    private static func command(_ toolchain: PlanToolchain) -> SwiftCompilerCommand {
        .sharedLibrary(toolchain: toolchain)
    }

    private static var fileName: String { "lib\(moduleName)\(PlanToolchain.libraryExtension)" }

    /// Whether the library is in `cache` and intact (its files match their seal; a damaged one is discarded).
    public func isBuilt(in cache: PlanCache) -> Bool { cache.sharedLibrary(key.hex) }

    /// Compiles `shared` into this library's folder; the compiler's errors at the shared files' lines.
    public func compile(_ shared: [SharedPlanCode], toolchain: PlanToolchain, cache: PlanCache) -> BuildFailure? {
        let command = Self.command(toolchain)
        let fileName = Self.fileName
        let staging: URL
        let sources: [URL]
        do {
            staging = try cache.stagingFolder()
            sources = shared.indices.map { staging.appendingPathComponent(SharedPlanCode.fileName($0)) }
            for (file, url) in zip(shared, sources) { try Data(file.compiledSource.utf8).write(to: url) }
        } catch {
            return BuildFailure([Diagnostic(file: shared[0].path, "could not write to the cache: \(error)")])
        }
        let result: ChildOutput
        do {
            result = try command.run(
                sources: sources,
                outputs: ["-o", staging.appendingPathComponent(fileName).path,
                          "-emit-module-path", staging.appendingPathComponent("\(Self.moduleName).swiftmodule").path],
                // The library compiles before any program: a thread per file, up to the cores.
                moduleCache: cache.moduleCache,
                threads: min(ProcessInfo.processInfo.activeProcessorCount, sources.count))
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return BuildFailure([Diagnostic(file: shared[0].path, error.description)])
        }
        guard result.termination == .exited(0) else {
            try? FileManager.default.removeItem(at: staging)
            return BuildFailure(CompilerDiagnostics.errors(in: result.errorText, shared: shared))
        }
        cache.commitSharedLibrary(staging, key: key.hex)
        return nil
    }
}
