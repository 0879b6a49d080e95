/// The whole study as one HTML file (`planbook bundle`): every page a section, the navigation in-page links, the
/// stylesheet inlined and every download embedded, so a reviewer needs nothing but the file.
///
/// Each page's ids are scoped by its name (`memory` on `large-ep` becomes `large-ep--memory`), and links between
/// pages (`large-ep.html#memory`) become links inside the file (`#large-ep--memory`), so nothing collides.
public enum StudyBundle {
    /// The bundle of `pages` (in navigation order), filled into the `bundle` template.
    public static func html(pages: [RenderedPage], template: PageTemplate, stylesheet: String) -> String {
        let slugs = Set(pages.map(\.report.slug))
        let index = pages.first { $0.report.slug == "index" } ?? pages[0]
        let context: [String: Any] = [
            "siteTitle": index.title,
            "stylesheet": stylesheet,
            "generator": PageContext.generator,
            "nav": pages.map { ["title": $0.title, "href": "#page-\($0.report.slug)"] },
            "pages": pages.map { page -> [String: Any] in
                var entry: [String: Any] = [
                    "id": "page-\(page.report.slug)", "title": page.title,
                    "content": scoped(EmbeddedDownloads.embed(page.bodyHTML, downloads: page.downloads),
                                      page: page.report.slug, slugs: slugs),
                ]
                if let summary = page.report.frontMatter.summary, !summary.isEmpty { entry["summary"] = summary }
                return entry
            },
        ]
        return template.render(context, template: "bundle")
    }

    /// `html` of page `page` with its ids prefixed and its links to pages in `slugs` pointed inside the bundle.
    static func scoped(_ html: String, page: String, slugs: Set<String>) -> String {
        var result = html
            .replacingBytes(" id=\"", with: " id=\"\(page)--")
            .replacingBytes("href=\"#", with: "href=\"#\(page)--")
            .replacingBytes("url(#", with: "url(#\(page)--")
            .prefixingLabelledByIDs(with: "\(page)--")
        for slug in slugs.sorted() {
            result = result
                .replacingBytes("href=\"\(HTML.escape(SitePath.href("\(slug).html")))#", with: "href=\"#\(slug)--")
                .replacingBytes("href=\"\(HTML.escape(SitePath.href("\(slug).html")))\"", with: "href=\"#page-\(slug)\"")
        }
        return result
    }
}
