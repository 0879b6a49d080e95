import Foundation
import Mustache

/// The study's look: `page.mustache`, the partials in `partials/`, `bundle.mustache` (the one-file layout),
/// `figure.mustache` (the page of a drawing too large to sit inline), and the assets (`style.css`, …) — Planbook's built-in templates with the study's files in their place (see
/// `TemplateFiles`), read once per build.
///
/// A template with a syntax error is reported with its path, line and column.
public struct PageTemplate: Sendable {
    private let library: MustacheLibrary
    /// Files copied to `assets/` in the site, by name, sorted.
    public let assets: [(name: String, contents: Data)]

    /// The look of a study whose templates folder is `directory`, which the user names `displayPath` (e.g.
    /// `Templates`); `required` when the user named it, so that its absence is an error.
    public init(directory: URL, displayPath: String, required: Bool = false) throws(BuildFailure) {
        try self.init(files: TemplateFiles(folder: directory, displayPath: displayPath, required: required))
    }

    /// The look made of `files`.
    public init(files: TemplateFiles) throws(BuildFailure) {
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        var assets: [(String, Data)] = []
        for file in files.files {
            let name: String
            if ["page.mustache", "bundle.mustache", "figure.mustache"].contains(file.path) {
                name = String(file.path.dropLast(".mustache".count))
            } else if file.path.hasPrefix("partials/") {
                name = String(file.path.dropFirst("partials/".count).dropLast(".mustache".count))
            } else {
                if !file.path.hasSuffix(".mustache") { assets.append((file.path, file.contents)) }
                continue
            }
            guard let text = String(data: file.contents, encoding: .utf8) else {
                problems.append(Diagnostic(file: file.displayPath, "unreadable template; save it as UTF-8 text"))
                continue
            }
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(
                    file: file.displayPath, line: error.context.lineNumber, column: error.context.columnNumber,
                    "template syntax error: \(error.error)"))
            } catch {
                problems.append(Diagnostic(file: file.displayPath, "template syntax error: \(error)"))
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        self.library = library
        self.assets = assets
    }

    /// The page filled in with `context` (see `PageContext` for its keys).
    public func render(_ context: [String: Any]) -> String {
        library.render(context, withTemplate: "page") ?? ""
    }

    /// The stylesheet (`style.css`) as text, for pages that inline it.
    public var stylesheet: String? {
        assets.first { $0.name == "style.css" }.map { String(decoding: $0.contents, as: UTF8.self) }
    }

    /// Whether the folder has `bundle.mustache`, the one-file layout of `planbook bundle`.
    public var hasBundleTemplate: Bool { library.getTemplate(named: "bundle") != nil }

    /// The template `name` filled in with `context`.
    public func render(_ context: [String: Any], template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
