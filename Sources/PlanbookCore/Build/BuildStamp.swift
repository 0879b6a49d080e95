import Foundation
import PlanRecord

#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build into an output folder was made from (`BuildInputs`), what the folder held once it
/// was published, and what that build said. A build whose inputs hash the same and whose output folder is as that
/// build left it — the same names, and every file of the same size, inode and modification and status-change times —
/// has nothing to do
/// (ninja's "no work to do"): it writes nothing and says again what the last build said — its warnings, claims and
/// counts — so that no warning is lost on a rebuild.
///
/// Kept in the study's cache (`stamps/`, one file per output folder: the site's bytes must not depend on the
/// machine), so `--no-cache`, `planbook clean` or deleting `.planbook/` builds in full. Only the site folder is
/// stamped: `check`, `bundle`, `--compare-to`, `diff` and `pdf` always build.
struct BuildStamp: Codable, Equatable {
    /// One claim of the stamped build, with its report and line.
    struct Claim: Codable, Equatable {
        var report: String
        var line: Int
        var claim: PlanRecord.Claim
    }

    var format = Self.currentFormat
    var inputs: String
    /// The output folder as published: one line per entry (`BuildStamp.listing`).
    var output: [String]
    var pages: [String]
    var figures: Int
    var claims: [Claim]
    var reports: [String]
    var reused: Int
    var warnings: [Diagnostic]
    var scenarios: [String]

    static let currentFormat = "planbook-stamp-2"

    /// Whether a build with `options` publishes a site folder that a stamp can vouch for.
    static func applies(to options: BuildOptions) -> Bool {
        options.useCache && options.publish && options.bundle == nil && options.compareTo == nil
            && options.buildsScenarios && options.drawsFigures
    }

    /// The stamp of the output folder `options` name.
    static func file(_ options: BuildOptions) -> URL {
        let output = options.url(options.output).standardizedFileURL.path
        return options.url(options.cache).appendingPathComponent("stamps/\(ContentHash.of(output)).json")
    }

    /// The summary of the last build, when it was made from `inputs` and its output folder is as it left it.
    static func unchanged(_ options: BuildOptions, inputs: String) -> SiteBuild.Summary? {
        guard let data = FileManager.default.contents(atPath: file(options).path),
            let stamp = try? JSONDecoder().decode(BuildStamp.self, from: data),
            stamp.format == currentFormat, stamp.inputs == inputs, !stamp.output.isEmpty,
            stamp.output == listing(of: options.url(options.output))
        else { return nil }
        return SiteBuild.Summary(stamp, output: options.url(options.output).standardizedFileURL)
    }

    /// Stamps the output folder with what `summary` built from `inputs` (through a temporary file and a rename, so
    /// that a concurrent build never reads half a stamp). A stamp that cannot be written costs the next build its
    /// shortcut, nothing else.
    static func record(_ summary: SiteBuild.Summary, inputs: String, listing: [String], options: BuildOptions) {
        // What publishing itself said (a page replaced under --force, a folder kept aside) is not said again.
        let warnings = summary.warnings.filter { $0.file != options.output }
        let stamp = BuildStamp(
            inputs: inputs, output: listing, pages: summary.pages, figures: summary.figures,
            claims: summary.claims.map { Claim(report: $0.report, line: $0.line, claim: $0.claim) },
            reports: summary.explanations.map(\.report), reused: summary.explanations.count,
            warnings: warnings, scenarios: summary.scenarios)
        let file = file(options)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(
            ".\(file.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoder.encode(stamp).write(to: temporary)
            if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Every entry under `folder` (the folder itself resolved, as the publisher resolves it), sorted, one line each:
    /// its path, and a regular file's device, size, inode and modification and status-change times to the
    /// nanosecond, a folder's mark, a symbolic link's target (links inside are not followed). Empty when there is no
    /// folder.
    static func listing(of folder: URL) -> [String] {
        let folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        var root = stat()
        guard lstat(folder.path, &root) == 0, root.st_mode & S_IFMT == S_IFDIR else { return [] }
        let tree = FolderTree(root: folder)
        return tree.entries().map { path, kind in
            if kind == .link { return "\(path) -> \(tree.linkTarget(of: path) ?? "")" }
            return tree.status(of: path).map { entry(path, $0) } ?? "\(path) gone"
        }.sorted()
    }

    /// The listing's line for the entry at `path` with status `info`: a regular file's device, size, inode and
    /// modification and status-change times, a folder's mark, another entry's type.
    static func entry(_ path: String, _ info: stat) -> String {
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // The status-change time too: an edit that keeps the size and puts the modification time back
            // (`touch -r`, `cp -p`) still changes it.
            #if os(macOS)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
            #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
            #endif
            return "\(path) \(info.st_dev) \(info.st_size) \(info.st_ino) \(modified.tv_sec).\(modified.tv_nsec) "
                + "\(changed.tv_sec).\(changed.tv_nsec)"
        case S_IFDIR: return "\(path)/"
        default: return "\(path) \(info.st_mode & S_IFMT)"
        }
    }

    /// The entries of the output folder `options` name as the last publish into it left them (whatever that build
    /// was made from): a file among them is as Planbook wrote it, so the publisher need not read it to know.
    static func publishedEntries(_ options: BuildOptions) -> Set<String> {
        guard options.useCache, let data = FileManager.default.contents(atPath: file(options).path),
            let stamp = try? JSONDecoder().decode(BuildStamp.self, from: data), stamp.format == currentFormat
        else { return [] }
        return Set(stamp.output)
    }
}
