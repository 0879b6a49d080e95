import Foundation

/// The study's shared Swift files (`Reports/*.swift`) compiled once into a library, `PlanbookShared`, that every
/// report's plan program links — instead of compiling them again into each program.
///
/// Reports see the files' declarations as if they were their own (`@testable import`, so nothing has to be `public`).
/// The library is cached by the hash of the files and the toolchain, like the programs. Errors in the files are
/// reported once, at their own path, line and column.
public struct SharedLibrary: Sendable {
    /// The module name plan programs import.
    public static let moduleName = "PlanbookShared"

    /// The folder holding `libPlanbookShared.so` and `PlanbookShared.swiftmodule`.
    public let folder: URL
    /// The hash it is cached under; part of every program's key.
    public let key: String

    /// The library of `shared`, compiled (or found in `cache`). Nil when there are no shared files.
    public static func build(
        _ shared: [SharedPlanCode], toolchain: PlanToolchain, cache: PlanCache, useCache: Bool
    ) -> Result<SharedLibrary?, BuildFailure> {
        guard !shared.isEmpty else { return .success(nil) }
        var hash = ContentHash()
        hash.add("shared-library-1")
        hash.add(toolchain.fingerprint)
        for file in shared {
            hash.add(file.path)
            hash.add(file.source)
        }
        let key = hash.hex
        let folder = cache.sharedLibraryFolder(key)
        if useCache, cache.sharedLibrary(key) {
            return .success(SharedLibrary(folder: folder, key: key))
        }
        let staging: URL
        do {
            staging = try cache.stagingFolder()
            for (index, file) in shared.enumerated() {
                try Data(file.compiledSource.utf8).write(to: staging.appendingPathComponent(SharedPlanCode.fileName(index)))
            }
        } catch {
            return .failure(BuildFailure([Diagnostic(file: shared[0].path, "could not write to the cache: \(error)")]))
        }
        let libraries = toolchain.libraryDirectory.path
        let arguments = [
            "-swift-version", "5", "-enable-upcoming-feature", "MemberImportVisibility", "-diagnostic-style", "llvm",
            "-enable-testing", "-module-cache-path", cache.moduleCache.path,
            "-emit-library", "-emit-module", "-module-name", moduleName,
            "-I", toolchain.moduleDirectory.path, "-L", libraries, "-lPlanKit", "-lm",
            "-Xlinker", "-rpath", "-Xlinker", libraries,
            "-o", staging.appendingPathComponent("lib\(moduleName)\(PlanToolchain.libraryExtension)").path,
            "-emit-module-path", staging.appendingPathComponent("\(moduleName).swiftmodule").path,
        ] + shared.indices.map { staging.appendingPathComponent(SharedPlanCode.fileName($0)).path }
        let result: ChildOutput
        do {
            result = try ChildProcess.run(toolchain.compiler, arguments, timeout: .seconds(300))
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailure([Diagnostic(file: shared[0].path, error.description)]))
        }
        guard result.termination == .exited(0) else {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailure(errors(in: result.errorText, shared: shared)))
        }
        cache.commitSharedLibrary(staging, key: key)
        return .success(SharedLibrary(folder: folder, key: key))
    }

    /// The compiler's errors, at the shared files' own lines (they are compiled under `#sourceLocation`).
    static func errors(in stderr: String, shared: [SharedPlanCode]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for line in stderr.split(separator: "\n") {
            guard let marker = line.firstRange(of: ": error: ") else { continue }
            let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            let message = String(line[marker.upperBound...])
            if place.count >= 3, let number = Int(place[place.count - 2]), let column = Int(place[place.count - 1]),
                let file = shared.first(where: { place.dropLast(2).joined(separator: ":").hasSuffix($0.path) }) {
                result.append(Diagnostic(file: file.path, line: number, column: column, message))
            } else {
                result.append(Diagnostic(file: shared[0].path, line: 1, column: 1, message))
            }
        }
        if result.isEmpty {
            let detail = stderr.split(separator: "\n").prefix(5).joined(separator: " ")
            result.append(Diagnostic(file: shared[0].path, line: 1, column: 1, "the Swift compiler failed: \(detail)"))
        }
        return result
    }
}
