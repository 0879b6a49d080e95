import Foundation

/// One side of `planbook diff`, or the build `build --compare-to` names: a git revision of the study's repository, a
/// built site folder, or the working tree as it is — and how to get its ledger.
///
/// A revision is read with `git archive` (its reports folder, and its templates folder when it has one) into a
/// temporary folder, which is built there through the study's own cache and removed: the repository, its index and
/// its working tree are not touched, and a revision whose programs and parameters are cached compiles and runs
/// nothing. A site folder is not built: its `ledger.json` is read. Neither lays out a drawing or builds a scenario.
public enum LedgerSource: Sendable, Equatable {
    /// The study as it is on disk.
    case workingTree
    /// A git revision, as the user named it, and the commit it names.
    case revision(String, commit: String)
    /// A built site folder, and how the user named it.
    case site(URL, displayPath: String)

    /// `argument` as a source: an existing folder is a built site, anything else must name a commit of the git
    /// repository the study is in.
    public static func parse(_ argument: String, options: BuildOptions) throws(BuildFailure) -> LedgerSource {
        var isDirectory: ObjCBool = false
        let url = options.url(argument)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .site(url, displayPath: argument)
        }
        let repository = try Git.topLevel(options)
        guard let commit = Git.commit(argument, in: repository) else {
            throw BuildFailure([
                Diagnostic(
                    file: argument,
                    "not a built site folder (none is here) nor a revision of the git repository at "
                        + "\(repository.path); name a commit, branch or tag (`HEAD~1`, `v1.0`), or a folder "
                        + "`planbook build` wrote")
            ])
        }
        return .revision(argument, commit: commit)
    }

    /// How the comparison names it: "HEAD (3f2a1bc)", "site/", "the working tree".
    public var name: String {
        switch self {
        case .workingTree: "the working tree"
        case .revision(let name, let commit):
            commit.hasPrefix(name) ? String(commit.prefix(12)) : "\(name) (\(commit.prefix(7)))"
        case .site(_, let path): path.hasSuffix("/") ? path : path + "/"
        }
    }

    /// The ledger of this source, built (or read) with the study options `options`; `built` receives the summary
    /// of the build, when there is one (not for a site folder), for what it compiled, ran and reused.
    public func ledger(
        options: BuildOptions, built: (SiteBuild.Summary) -> Void = { _ in }
    ) throws(BuildFailure) -> Ledger {
        switch self {
        case .site(let url, let path):
            return try Ledger(site: url, displayPath: path)
        case .workingTree:
            let summary = try Self.build(options)
            built(summary)
            return summary.ledger
        case .revision(let name, let commit):
            let summary = try Self.buildRevision(name, commit: commit, options: options)
            built(summary)
            return summary.ledger
        }
    }

    /// The study of `options` built for its numbers only: nothing published, drawn or built as a scenario.
    static func build(_ options: BuildOptions) throws(BuildFailure) -> SiteBuild.Summary {
        var options = options
        options.publish = false
        options.bundle = nil
        options.drawsFigures = false
        options.buildsScenarios = false
        options.compareTo = nil
        return try SiteBuild(options: options).run()
    }

    private static func buildRevision(
        _ name: String, commit: String, options: BuildOptions
    ) throws(BuildFailure) -> SiteBuild.Summary {
        let repository = try Git.topLevel(options)
        let reports = try Git.path(of: options.url(options.reports), in: repository, named: options.reports)
        guard Git.hasFolder(reports, commit: commit, in: repository) else {
            throw BuildFailure([
                Diagnostic(
                    file: "\(name):\(reports)",
                    "this revision has no reports folder `\(reports)`; name a later revision")
            ])
        }
        let templates = try? Git.path(of: options.url(options.templates), in: repository, named: options.templates)
        let folders =
            [reports]
            + (templates.flatMap { Git.hasFolder($0, commit: commit, in: repository) ? $0 : nil }.map { [$0] } ?? [])
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("planbook-revision-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: root) }
        try Git.extract(commit, folders: folders, from: repository, into: root, name: name)
        var built = options
        built.workingDirectory = root
        built.reports = reports
        built.templates = templates ?? options.templates
        built.templatesRequired = false
        built.cache = options.url(options.cache).path
        built.moduleCache = options.planCache.moduleCache.path
        let progress = options.progress
        built.progress = BuildProgress { progress.report("[\(name)] \($0)") }
        do {
            return try build(built)
        } catch {
            throw BuildFailure(
                error.diagnostics.map { problem in
                    var named = problem
                    named.file = "\(name):\(problem.file)"
                    return named
                })
        }
    }
}

/// The few git commands `LedgerSource` needs, each run as a child process.
enum Git {
    /// The top folder of the repository the study is in.
    static func topLevel(_ options: BuildOptions) throws(BuildFailure) -> URL {
        guard let output = run(["-C", options.workingDirectory.path, "rev-parse", "--show-toplevel"]) else {
            throw BuildFailure([
                Diagnostic(
                    file: options.workingDirectory.path,
                    "this study is not in a git repository, so there is no revision to compare; compare built site "
                        + "folders instead (`planbook diff old-site site`)")
            ])
        }
        return URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The full hash of the commit `revision` names, or nil.
    static func commit(_ revision: String, in repository: URL) -> String? {
        guard !revision.hasPrefix("-") else { return nil }
        return run([
            "-C", repository.path, "rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}",
        ])
    }

    /// `url`'s path inside `repository` ("Reports", "docs/study/Reports").
    static func path(of url: URL, in repository: URL, named: String) throws(BuildFailure) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        let top = repository.path
        guard path.hasPrefix(top + "/") else {
            throw BuildFailure([Diagnostic(file: named, "this folder is not inside the git repository at \(top)")])
        }
        return String(path.dropFirst(top.count + 1))
    }

    /// Whether `commit` has the folder `path`.
    static func hasFolder(_ path: String, commit: String, in repository: URL) -> Bool {
        guard let output = run(["-C", repository.path, "ls-tree", "-d", "--name-only", commit, "--", path]) else {
            return false
        }
        return output.split(separator: "\n").contains { $0 == path }
    }

    /// Writes `folders` of `commit` into `root` (made here).
    static func extract(
        _ commit: String, folders: [String], from repository: URL, into root: URL, name: String
    )
        throws(BuildFailure)
    {
        let archive = root.appendingPathComponent(".planbook-revision.tar")
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([
                Diagnostic(file: name, "could not make a temporary folder: \(error.localizedDescription)")
            ])
        }
        guard
            run(["-C", repository.path, "archive", "--format=tar", "-o", archive.path, commit, "--"] + folders) != nil,
            let tar = try? ChildProcess.run("tar", ["-xf", archive.path, "-C", root.path]),
            tar.termination == .exited(0)
        else {
            throw BuildFailure([Diagnostic(file: name, "could not read this revision's files with `git archive`")])
        }
        try? FileManager.default.removeItem(at: archive)
    }

    /// What `git arguments` printed, trimmed, or nil when it failed.
    private static func run(_ arguments: [String]) -> String? {
        guard let result = try? ChildProcess.run("git", arguments, timeout: .seconds(120)),
            result.termination == .exited(0)
        else { return nil }
        return String(decoding: result.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
