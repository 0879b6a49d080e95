import Foundation

/// The whole study as one HTML file (`planbook bundle`): every page a section, the navigation in-page links, the
/// stylesheet inlined and every download embedded, so a reviewer needs nothing but the file.
///
/// Each page is rendered with its ids scoped by its name (`memory` on `large-ep` is `large-ep--memory`) and its links
/// to pages pointing inside the file (`#large-ep--memory`), so nothing collides — the HTML is written that way, not
/// rewritten afterwards.
struct BundleEmitter {
    let template: PageTemplate
    var math: MathAssets?

    /// The problems that keep the bundle from being written to `path`, found before anything is built.
    static func preflight(_ path: String, options: BuildOptions, template: PageTemplate?) -> [Diagnostic] {
        if let template, !template.hasBundleTemplate {
            return [Diagnostic(
                file: "\(options.templates)/bundle.mustache", "missing bundle template; create it to use planbook bundle")]
        }
        if let existing = try? String(contentsOf: options.url(path), encoding: .utf8),
            !existing.contains("<meta name=\"generator\" content=\"Planbook"), !options.force {
            return [Diagnostic(file: path, "this file exists and Planbook did not write it; choose another name or pass --force")]
        }
        return []
    }

    /// The bundle of `pages` (in navigation order).
    func html(_ pages: [RenderedPage]) -> String {
        let index = pages.first { $0.report.slug == "index" } ?? pages[0]
        var context: [String: Any] = [
            "siteTitle": index.title,
            "stylesheet": template.stylesheet ?? "",
            "generator": PageContext.generator,
            "nav": pages.map { ["title": $0.title, "href": "#page-\($0.report.slug)"] },
            "pages": pages.map { page -> [String: Any] in
                var entry: [String: Any] = [
                    "id": "page-\(page.report.slug)", "title": page.title,
                    "content": page.bodyHTML(.bundle(page: page.report.slug)),
                    "findings": page.findingsHTML(.bundle(page: page.report.slug)),
                ]
                if let summary = page.report.frontMatter.summary, !summary.isEmpty { entry["summary"] = summary }
                return entry
            },
        ]
        if pages.contains(where: \.hasMath), let math { context["mathStylesheet"] = math.inlined }
        return template.render(context, template: "bundle")
    }

    /// Writes the bundle to `path` atomically.
    func write(_ pages: [RenderedPage], to path: String, options: BuildOptions) throws(BuildFailure) {
        let url = options.url(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html(pages).utf8).write(to: url, options: .atomic)
        } catch {
            throw BuildFailure([Diagnostic(file: path, "could not write the bundle: \(error.localizedDescription)")])
        }
    }
}

extension LinkScope {
    /// Page `page` inside the one-file bundle: its ids prefixed by its name, pages as sections of the file.
    static func bundle(page: String) -> LinkScope {
        LinkScope(
            id: { "\(page)--\($0)" },
            page: { slug, anchor in anchor.map { "#\(slug)--\($0)" } ?? "#page-\(slug)" },
            download: embedded, embedsFiles: true)
    }
}
