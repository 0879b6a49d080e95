/// The values a page template sees, built from a rendered page and its place in the site.
///
/// Keys: `title`, `summary`, `siteTitle`, `indexHref`, `stylesheetHref`, `content` (raw HTML), `toc` (list of
/// `id`, `text`, `level`), `hasToc`, the navigation (`nav`, `navBefore`, `navAfter`, `navSections`: see
/// `SiteNavigation`), `previous` and `next` (`title`,
/// `href`, absent at the ends), `hasPager`, `generator`, and `stylesheet` (the CSS itself, only for self-contained
/// pages, which inline it instead of linking `stylesheetHref`). No timestamps: the same inputs fill in the same page.
public enum PageContext {
    /// The name and version printed in every page's footer.
    public static let generator = "Planbook \(PlanbookVersion.current)"

    /// The context for `pages[position]` among all `pages` of the site, in navigation order, its body `content`.
    public static func make(
        for position: Int, of pages: [RenderedPage], content: String, stylesheet: String? = nil
    ) -> [String: Any] {
        let page = pages[position]
        let index = pages.first { $0.report.slug == "index" } ?? pages[0]
        var context: [String: Any] = [
            "title": page.title,
            "siteTitle": index.title,
            "indexHref": SitePath.href(index.report.outputName),
            "stylesheetHref": "assets/style.css",
            "content": content,
            "toc": page.toc.map { ["id": $0.id, "text": $0.text, "level": $0.level] as [String: Any] },
            "hasToc": !page.toc.isEmpty,
            "generator": generator,
        ]
        context.merge(SiteNavigation.context(for: position, of: pages)) { _, navigation in navigation }
        if let summary = page.report.frontMatter.summary, !summary.isEmpty { context["summary"] = summary }
        context["hasPager"] = pages.count > 1
        if let stylesheet { context["stylesheet"] = stylesheet }
        if position > 0 {
            context["previous"] = ["title": pages[position - 1].title, "href": SitePath.href(pages[position - 1].report.outputName)]
        }
        if position + 1 < pages.count {
            context["next"] = ["title": pages[position + 1].title, "href": SitePath.href(pages[position + 1].report.outputName)]
        }
        return context
    }
}
