import Foundation

/// The files of a study's look: the built-in templates, each replaced by the study's file of the same path, and the
/// study's own additions (more partials, more assets). What `PageTemplate` reads.
///
/// From a templates folder Planbook reads `page.mustache`, `bundle.mustache`, `partials/*.mustache` and every other
/// file at its top level (assets, copied to `assets/`); hidden files and other folders are ignored. A study may thus
/// override only `style.css` or one partial, or every file. A folder that does not exist gives the built-in look,
/// unless the user named it (`--templates DIR`), when it is an error.
public struct TemplateFiles: Sendable {
    /// One file, by its path inside a templates folder.
    public struct File: Sendable {
        /// `page.mustache`, `partials/nav.mustache`, `style.css`.
        public var path: String
        public var contents: Data
        /// How problems name it: `Templates/partials/nav.mustache`, or `built-in partials/nav.mustache`.
        public var displayPath: String
        /// Whether it is Planbook's own rather than the study's.
        public var builtIn: Bool
    }

    /// Every file, sorted by path.
    public let files: [File]

    /// The built-in files overlaid with those of `folder`, which the user calls `displayPath`; `required` when the
    /// user named the folder, so that its absence is an error rather than the built-in look.
    public init(folder: URL, displayPath: String, required: Bool) throws(BuildFailure) {
        var byPath: [String: File] = [:]
        for file in BuiltInTemplates.files {
            byPath[file.path] = File(
                path: file.path, contents: file.contents, displayPath: "built-in \(file.path)", builtIn: true)
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw BuildFailure([
                Diagnostic(file: displayPath, "this is a file, not a templates folder; pass --templates DIR")
            ])
        }
        if !exists && required {
            throw BuildFailure([
                Diagnostic(
                    file: displayPath,
                    "no templates folder here; create it (planbook templates --eject writes the built-in "
                        + "ones into it), or leave out --templates to use the built-in look")
            ])
        }
        var problems: [Diagnostic] = []
        for path in exists ? Self.paths(in: folder) : [] {
            let shown = "\(displayPath)/\(path)"
            guard let contents = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                problems.append(Diagnostic(file: shown, "could not read this template file"))
                continue
            }
            byPath[path] = File(path: path, contents: contents, displayPath: shown, builtIn: false)
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        files = byPath.values.sorted { $0.path < $1.path }
    }

    /// The study's own files under `folder`: top-level files and `partials/*.mustache`, sorted.
    public static func paths(in folder: URL) -> [String] {
        let manager = FileManager.default
        func plainFiles(_ url: URL) -> [String] {
            ((try? manager.contentsOfDirectory(atPath: url.path)) ?? []).filter { name in
                var isDirectory: ObjCBool = false
                return !name.hasPrefix(".")
                    && manager.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
            }
        }
        let partials = plainFiles(folder.appendingPathComponent("partials"))
            .filter { $0.hasSuffix(".mustache") }.map { "partials/\($0)" }
        return (plainFiles(folder) + partials).sorted()
    }

    /// The file at `path`, if any.
    public func file(_ path: String) -> File? { files.first { $0.path == path } }
}
