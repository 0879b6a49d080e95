import Foundation
import Mustache

/// The study's look: `page.mustache`, the partials in `partials/`, `bundle.mustache` (the one-file layout, optional),
/// and the assets (`style.css`, …) of a templates folder, read once per build.
///
/// A template with a syntax error or a missing `page.mustache` is reported with its path, line and column.
public struct PageTemplate: Sendable {
    private let library: MustacheLibrary
    /// Files copied to `assets/` in the site, by name, sorted.
    public let assets: [(name: String, contents: Data)]

    /// Reads the templates in `directory`, which the user names `displayPath` (e.g. `Templates`).
    public init(directory: URL, displayPath: String) throws(BuildFailure) {
        let files = FileManager.default
        let pagePath = "\(displayPath)/page.mustache"
        guard let page = try? String(contentsOf: directory.appendingPathComponent("page.mustache"), encoding: .utf8) else {
            throw BuildFailure([Diagnostic(
                file: pagePath, "missing or unreadable page template; create it, or pass --templates with a folder that has one")])
        }
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        func register(_ text: String, name: String, path: String) {
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(
                    file: path, line: error.context.lineNumber, column: error.context.columnNumber,
                    "template syntax error: \(error.error)"))
            } catch {
                problems.append(Diagnostic(file: path, "template syntax error: \(error)"))
            }
        }
        register(page, name: "page", path: pagePath)
        if let bundle = try? String(contentsOf: directory.appendingPathComponent("bundle.mustache"), encoding: .utf8) {
            register(bundle, name: "bundle", path: "\(displayPath)/bundle.mustache")
        }
        let partialsFolder = directory.appendingPathComponent("partials")
        let partials = ((try? files.contentsOfDirectory(atPath: partialsFolder.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for file in partials {
            let path = "\(displayPath)/partials/\(file)"
            guard let text = try? String(contentsOf: partialsFolder.appendingPathComponent(file), encoding: .utf8) else {
                problems.append(Diagnostic(file: path, "unreadable template; save it as UTF-8 text"))
                continue
            }
            register(text, name: String(file.dropLast(".mustache".count)), path: path)
        }
        let assets = Self.assets(in: directory, displayPath: displayPath, problems: &problems)
        if !assets.contains(where: { $0.0 == "style.css" }) {
            problems.append(Diagnostic(file: "\(displayPath)/style.css", "missing stylesheet; create it (it is copied to assets/style.css)"))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        self.library = library
        self.assets = assets
    }

    /// The files of `directory` other than templates: what the site copies to `assets/`.
    private static func assets(
        in directory: URL, displayPath: String, problems: inout [Diagnostic]
    ) -> [(name: String, contents: Data)] {
        let files = FileManager.default
        var assets: [(String, Data)] = []
        let entries = ((try? files.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        for name in entries where !name.hasSuffix(".mustache") && !name.hasPrefix(".") && name != "partials" {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let contents = files.contents(atPath: url.path) else {
                problems.append(Diagnostic(file: "\(displayPath)/\(name)", "unreadable asset"))
                continue
            }
            assets.append((name, contents))
        }
        return assets
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
