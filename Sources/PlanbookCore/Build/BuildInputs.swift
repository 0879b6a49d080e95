import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A hash of everything a site build reads: the reports and shared code, the templates, the options, Planbook
/// itself, the toolchain plan code compiles with, and the system files it draws, typesets and parses with (every
/// shared library loaded into the process when the build starts, Graphviz's plugins — not the libraries those load
/// in a layout child, which the drawing cache does not key either — the pinned font, KaTeX and Node.js). Two builds with
/// the same hash publish the same bytes (`BuildStamp`).
///
/// Sources are hashed by their bytes; programs, libraries and fonts by their identity (`ToolchainMemo.identity`: real
/// path, size, inode, modification and status-change times), so that a package upgrade, a rebuilt PlanKit or a
/// reinstalled Planbook changes the hash without a byte of them being read. Like the run cache, it does not see files
/// a plan program opens by itself.
enum BuildInputs {
    /// The hash, or nil where the inputs cannot be enumerated (a system without `/proc/self/maps`).
    static func hash(_ options: BuildOptions) -> String? {
        #if os(Linux)
        var hash = ContentHash()
        hash.add("planbook-build-inputs-1")
        hash.add(Self.options(options))
        hash.add(sources(options))
        // Planbook, and every shared library loaded into it (Foundation, cmark-gfm, Graphviz, libxml2, fontconfig…).
        hash.add("programs")
        for path in ["/proc/self/exe"] + Self.libraries {
            hash.add(ToolchainMemo.identity(of: path))
        }
        // What is loaded or run later: Graphviz's plugins, the font, KaTeX and Node, the compiler and PlanKit.
        for library in Self.libraries where library.contains("/libgvc.") {
            let plugins = URL(fileURLWithPath: library).deletingLastPathComponent().appendingPathComponent("graphviz")
            for path in Self.files(under: plugins) {
                hash.add(ToolchainMemo.identity(of: plugins.appendingPathComponent(path).path))
            }
        }
        let environment = ProcessInfo.processInfo.environment
        let fontFolders = (environment["PLANBOOK_FONTS"].flatMap { $0.isEmpty ? nil : $0 })
            .map { $0.split(separator: ":").map(String.init) } ?? PinnedFont.defaultFolders
        for folder in fontFolders {
            for name in PinnedFont.fileNames { hash.add(ToolchainMemo.identity(of: "\(folder)/\(name)")) }
        }
        if let katex = KaTeX.located(environment: environment) {
            hash.add(katex.identity)
            hash.add(ToolchainMemo.identity(of: katex.node))
            for path in Self.files(under: katex.folder) {
                hash.add(ToolchainMemo.identity(of: katex.folder.appendingPathComponent(path).path))
            }
        } else {
            hash.add("no KaTeX")
        }
        if let toolchain = try? PlanToolchain.located(rememberingIn: options.planCache.toolchainFolder) {
            hash.add(toolchain.fingerprint)
        } else {
            hash.add("no toolchain")
        }
        return hash.hex
        #else
        return nil
        #endif
    }

    /// A hash of the study's own files: every name in the reports folder and the bytes of what a build reads there,
    /// and everything in the templates folder. A build compares it before and after, so that a report saved while it
    /// built is built again next time.
    static func sources(_ options: BuildOptions) -> String {
        var hash = ContentHash()
        // The reports folder: every name in it (a report added or removed), and the bytes of what a build reads.
        let reports = options.url(options.reports)
        hash.add("reports")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []).sorted()
        for name in names {
            hash.add(name)
            let path = reports.appendingPathComponent(name).path
            if (name.hasSuffix(".md") || name.hasSuffix(".swift")) && !name.hasPrefix(".") {
                hash.add(FileManager.default.contents(atPath: path) ?? Data())
                hash.add(Self.linkTarget(path))
            }
        }
        // The templates folder, everything in it.
        hash.add("templates")
        let templates = options.url(options.templates)
        for path in Self.files(under: templates) {
            hash.add(path)
            hash.add(FileManager.default.contents(atPath: templates.appendingPathComponent(path).path) ?? Data())
        }
        return hash.hex
    }

    /// Every option that can change what is published, in one line.
    static func options(_ options: BuildOptions) -> String {
        let parameters = options.parameters.map { "\($0.name)=\($0.value.typeName):\($0.value)" }
        // The names as given too: pages and messages spell the folders as the user did (`Reports/x.md`).
        return [
            options.reports, options.templates, options.output, options.workingDirectory.path,
            options.url(options.reports).standardizedFileURL.path,
            options.url(options.templates).standardizedFileURL.path,
            "\(options.templatesRequired)", options.url(options.output).standardizedFileURL.path, "\(options.force)",
            parameters.joined(separator: "\u{1F}"), "\(options.timeout)", options.url(options.cache).path,
            "\(options.selfContained)", "\(options.inlineLimit)", "\(options.layoutTimeout)", "\(options.memoryLimit)",
            "\(options.layoutMemoryLimit)", "\(options.allowOutsideLinks)", "\(options.allowScripts)",
            "\(options.statementMarkers)",
        ].joined(separator: "\u{1E}")
    }

    /// The libraries mapped into this process the first time it asked (for `planbook build`, those it started with):
    /// a library a build loads later (Graphviz's plugins, in a process that builds again, as `serve` does) would
    /// otherwise make the next build's inputs look changed.
    private static let libraries = loadedLibraries()

    /// The real path of every file mapped into this process (its shared libraries), sorted.
    private static func loadedLibraries() -> [String] {
        // Read to its end: a file of /proc states no size, and a reader that trusts the size stops at a page.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"),
            let data = try? handle.readToEnd()
        else { return [] }
        try? handle.close()
        let maps = String(decoding: data, as: UTF8.self)
        var paths: Set<String> = []
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if !path.hasSuffix(" (deleted)") { paths.insert(path) }
        }
        return paths.sorted()
    }

    /// Every regular file under `folder`, as paths relative to it, sorted (none when it does not exist).
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var info = stat()
            if stat(folder.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// Where the symbolic link at `path` points, or "" when it is not one.
    private static func linkTarget(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
    }
}

