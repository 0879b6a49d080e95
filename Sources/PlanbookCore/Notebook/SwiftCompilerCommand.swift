import Foundation

/// The one place the `swiftc` command for plan code is built: a report's program, or the study's shared library.
///
/// `flags` are the arguments that decide the result (and so are part of every `CacheKey`); the command adds the
/// paths of this compilation (module cache, sources, outputs) and its code generation threads, which do not.
public struct SwiftCompilerCommand: Sendable {
    /// The arguments that decide what is compiled.
    public let flags: [String]
    private let toolchain: PlanToolchain

    /// A report's program, linked against PlanKit and, when given, the shared library.
    static func program(toolchain: PlanToolchain, library: SharedLibrary?) -> SwiftCompilerCommand {
        var flags = common(toolchain)
        if let library {
            let folder = library.folder.path
            flags += ["-I", folder, "-L", folder, "-l\(SharedLibrary.moduleName)", "-Xlinker", "-rpath", "-Xlinker", folder]
        }
        return SwiftCompilerCommand(flags: flags, toolchain: toolchain)
    }

    /// The shared library, compiled for `@testable import` by every program. As one whole module (`-wmo`): one
    /// frontend job type-checks every file and reports each type error once, file by file (the driver's default splits
    /// the files into jobs that report some errors twice, in the order they finish, and others not at all), and in
    /// less time (0.96 → 0.75 s for the seed study's two files, measured here). Errors found after type checking
    /// (a missing `return`, a value used before it is set) come as the compiler orders them, and only when no file has
    /// a type error.
    static func sharedLibrary(toolchain: PlanToolchain) -> SwiftCompilerCommand {
        SwiftCompilerCommand(
            flags: common(toolchain) + [
                "-enable-testing", "-emit-library", "-emit-module", "-module-name", SharedLibrary.moduleName, "-wmo",
            ],
            toolchain: toolchain)
    }

    /// Flags every plan compilation shares. MemberImportVisibility: a member of a module the code does not import
    /// (Foundation's String methods, say) is a compile error naming the module, not a link error later.
    private static func common(_ toolchain: PlanToolchain) -> [String] {
        let libraries = toolchain.libraryDirectory.path
        return [
            "-swift-version", "5", "-enable-upcoming-feature", "MemberImportVisibility", "-diagnostic-style", "llvm",
            "-I", toolchain.moduleDirectory.path, "-L", libraries, "-lPlanKit", "-lm",
            "-Xlinker", "-rpath", "-Xlinker", libraries,
        ]
    }

    /// Runs the compiler on `sources` with `outputs` (`-o PATH`, `-emit-module-path PATH`), using `moduleCache`, its
    /// code generated on up to `threads` threads (`-num-threads`, for a whole-module compile: one per source file at
    /// most; what the program does does not depend on it, so, like the paths, it is not among the `flags`).
    func run(sources: [URL], outputs: [String], moduleCache: URL, threads: Int = 1) throws(ChildProcess.LaunchError)
        -> ChildOutput
    {
        let arguments = flags + ["-module-cache-path", moduleCache.path] + (threads > 1 ? ["-num-threads", "\(threads)"] : [])
            + outputs + sources.map(\.path)
        return try ChildProcess.run(toolchain.compiler, arguments, timeout: .seconds(300))
    }
}
