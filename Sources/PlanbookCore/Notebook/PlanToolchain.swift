import Foundation
import Synchronization

/// What plan programs are compiled with: the Swift compiler, and the PlanKit library (which holds the PlanKit,
/// PlanCharts and PlanRuntime modules) built with Planbook.
///
/// The compiler is `$SWIFTC`, else `swiftc` on `PATH`. The library is looked for in `$PLANBOOK_LIBRARY_DIR`, else
/// relative to the running executable's real path: `../lib/planbook/` (where `make install` puts it, so an installed
/// prefix can be moved), then beside it (where `swift build` puts it). `fingerprint` changes whenever the compiler,
/// the library or its folder changes, so cached programs (which name the folder) are never reused across them.
public struct PlanToolchain: Sendable {
    /// The `swiftc` executable.
    public let compiler: String
    /// The folder holding `libPlanKit.so`.
    public let libraryDirectory: URL
    /// The folder holding `PlanKit.swiftmodule`, `PlanCharts.swiftmodule`, `PlanRecord.swiftmodule` and `PlanRuntime.swiftmodule`.
    public let moduleDirectory: URL
    /// A hash of the compiler's identity, the libraries' folder and the libraries' bytes.
    public let fingerprint: String
    /// A hash of the compiler binary's identity (`ToolchainMemo.identity`: real path, size, inode, times).
    public let compilerIdentity: String

    /// The compiler's own version line ("Swift version 6.3.1 (swift-6.3.1-RELEASE)"), asked once per process.
    public var compilerVersion: String {
        Self.versions.withLock { cache in
            if let known = cache[compiler] { return known }
            let output = try? ChildProcess.run(compiler, ["--version"], timeout: .seconds(30))
            let text = output.map { String(decoding: $0.standardOutput + $0.standardError, as: UTF8.self) } ?? ""
            let line = text.split(separator: "\n").first { $0.contains("version") }.map(String.init) ?? "unknown"
            cache[compiler] = line
            return line
        }
    }

    private static let versions = Mutex<[String: String]>([:])

    /// The compiler's version line, remembered in `folder` (`ToolchainMemo`) under the compiler binary's identity:
    /// `swiftc --version` runs only when the compiler is one this folder has not seen.
    public func compilerVersion(rememberedIn folder: URL) -> String {
        ToolchainMemo.remembered(
            "swiftc-\(compilerIdentity).version", in: folder,
            valid: { $0.contains("version") && !$0.contains("\n") }, learn: { compilerVersion }
        ) ?? "unknown"
    }

    /// The toolchain of this process, found once per `folder`, in which the hash of the libraries' bytes is
    /// remembered (`ToolchainMemo`; without a folder they are hashed afresh).
    public static func located(rememberingIn folder: URL? = nil) throws(Diagnostic) -> PlanToolchain {
        let result = found.withLock { known in
            if let result = known[folder?.path ?? ""] { return result }
            let result = Result { () throws(Diagnostic) in try locate(rememberingIn: folder) }
            known[folder?.path ?? ""] = result
            return result
        }
        return try result.get()
    }

    private static let found = Mutex<[String: Result<PlanToolchain, Diagnostic>]>([:])

    private static func locate(rememberingIn folder: URL?) throws(Diagnostic) -> PlanToolchain {
        let environment = ProcessInfo.processInfo.environment
        guard let compiler = environment["SWIFTC"].flatMap({ $0.isEmpty ? nil : $0 }) ?? findOnPath("swiftc") else {
            throw Diagnostic(file: "swiftc", "the Swift compiler was not found on PATH; install Swift or set SWIFTC")
        }
        let libraries: URL
        if let folder = environment["PLANBOOK_LIBRARY_DIR"], !folder.isEmpty {
            libraries = URL(fileURLWithPath: folder)
        } else {
            let executableFolder = URL(fileURLWithPath: executablePath()).deletingLastPathComponent()
            let installed = executableFolder.deletingLastPathComponent().appendingPathComponent("lib/planbook")
            let installedLibrary = installed.appendingPathComponent("libPlanKit\(libraryExtension)")
            libraries = FileManager.default.fileExists(atPath: installedLibrary.path) ? installed : executableFolder
        }
        let modules = [libraries.appendingPathComponent("Modules"), libraries].first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("PlanKit.swiftmodule").path)
        }
        let libraryFiles = [libraries.appendingPathComponent("libPlanKit\(libraryExtension)")]
        let runtimeModule = modules?.appendingPathComponent("PlanRuntime.swiftmodule")
        guard let modules, let runtimeModule, FileManager.default.fileExists(atPath: runtimeModule.path),
            libraryFiles.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) })
        else {
            throw Diagnostic(
                file: libraries.path,
                "the PlanKit library was not found here; build them with `swift build` (or `make`), "
                    + "or set PLANBOOK_LIBRARY_DIR to the folder that holds libPlanKit\(libraryExtension)")
        }
        let compilerIdentity = ContentHash.of(
            ToolchainMemo.identity(of: URL(fileURLWithPath: compiler).resolvingSymlinksInPath().path))
        let files = libraryFiles + ["PlanKit", "PlanCharts", "PlanRecord", "PlanRuntime"].map {
            modules.appendingPathComponent("\($0).swiftmodule")
        }
        var identities = ContentHash()
        for file in files { identities.add(ToolchainMemo.identity(of: file.path)) }
        let bytes = ToolchainMemo.remembered(
            "libraries-\(identities.hex).sha256", in: folder,
            valid: { $0.utf8.count == 64 && $0.allSatisfy(\.isHexDigit) },
            learn: {
                var hash = ContentHash()
                for file in files { hash.add((try? Data(contentsOf: file)) ?? Data()) }
                return hash.hex
            }) ?? ""
        var hash = ContentHash()
        hash.add(compilerIdentity)
        hash.add(libraries.standardizedFileURL.path)
        hash.add(bytes)
        return PlanToolchain(
            compiler: compiler, libraryDirectory: libraries, moduleDirectory: modules, fingerprint: hash.hex,
            compilerIdentity: compilerIdentity)
    }

    #if os(macOS)
    static let libraryExtension = ".dylib"
    #else
    static let libraryExtension = ".so"
    #endif

    private static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func executablePath() -> String {
        // /proc/self/exe is the executable's real path: a symbolic link to planbook (~/bin/planbook) is resolved.
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
