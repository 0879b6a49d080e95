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
    /// A hash of the compiler's identity and the libraries' bytes.
    public let fingerprint: String

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

    /// The toolchain of this process, found once.
    public static func located() throws(Diagnostic) -> PlanToolchain {
        switch cached {
        case .success(let toolchain): return toolchain
        case .failure(let problem): throw problem
        }
    }

    private static let cached: Result<PlanToolchain, Diagnostic> = Result { () throws(Diagnostic) in try locate() }

    private static func locate() throws(Diagnostic) -> PlanToolchain {
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
        var hash = ContentHash()
        let compilerPath = URL(fileURLWithPath: compiler).resolvingSymlinksInPath().path
        hash.add(compilerPath)
        hash.add(libraries.standardizedFileURL.path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: compilerPath)
        hash.add("\(attributes?[.size] ?? 0) \((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        for file in libraryFiles + ["PlanKit", "PlanCharts", "PlanRecord", "PlanRuntime"].map({ modules.appendingPathComponent("\($0).swiftmodule") }) {
            hash.add((try? Data(contentsOf: file)) ?? Data())
        }
        return PlanToolchain(
            compiler: compiler, libraryDirectory: libraries, moduleDirectory: modules, fingerprint: hash.hex)
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
