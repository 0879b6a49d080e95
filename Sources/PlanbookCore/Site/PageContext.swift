/// The values a page template sees, built from a rendered page and its place in the site.
///
/// Keys: `title`, `summary`, `siteTitle`, `indexHref`, `stylesheetHref`, `content` and `findings` (raw HTML: the body,
/// and the findings panel it opens with, empty on a page without claims), `toc` (list of `id`, `text`, `level`),
/// `hasToc`, the navigation (`nav`, `navBefore`, `navAfter`, `navSections`: see `SiteNavigation`), `previous` and
/// `next` (`title`,
/// `href`, absent at the ends), `hasPager`, `generator`, and `stylesheet` (the CSS itself, only for self-contained
/// pages, which inline it instead of linking `stylesheetHref`); on a page with math, `mathStylesheetHref` (KaTeX's
/// stylesheet) or, inlined with its fonts, `mathStylesheet`. No timestamps: the same inputs fill in the same page.
public enum PageContext {
    /// The name and version printed in every page's footer.
    public static let generator = "Planbook \(PlanbookVersion.current)"

    /// The context for `pages[position]` among all `pages` of the site, in navigation order, its body `content`.
    public static func make(
        for position: Int, of pages: [RenderedPage], content: String, findings: String = "", stylesheet: String? = nil,
        mathStylesheet: String? = nil
    ) -> [String: Any] {
        let page = pages[position]
        let index = pages.first { $0.report.slug == "index" } ?? pages[0]
        var context: [String: Any] = [
            "title": page.title,
            "siteTitle": index.title,
            "indexHref": SitePath.href(index.report.outputName),
            "stylesheetHref": "assets/style.css",
            "content": content,
            "findings": findings,
            "toc": page.toc.map { ["id": $0.id, "text": $0.text, "level": $0.level] as [String: Any] },
            "hasToc": !page.toc.isEmpty,
            "generator": generator,
        ]
        context.merge(SiteNavigation.context(for: position, of: pages)) { _, navigation in navigation }
        if let summary = page.report.frontMatter.summary, !summary.isEmpty { context["summary"] = summary }
        context["hasPager"] = pages.count > 1
        if let stylesheet { context["stylesheet"] = stylesheet }
        if page.hasMath {
            if let mathStylesheet { context["mathStylesheet"] = mathStylesheet } else {
                context["mathStylesheetHref"] = "assets/katex/katex.min.css"
            }
        }
        if position > 0 {
            context["previous"] = ["title": pages[position - 1].title, "href": SitePath.href(pages[position - 1].report.outputName)]
        }
        if position + 1 < pages.count {
            context["next"] = ["title": pages[position + 1].title, "href": SitePath.href(pages[position + 1].report.outputName)]
        }
        return context
    }

    /// The context of a page Planbook made (the scenario matrix, "What changed since …"): the study's `navigation`
    /// with no page current, no pager, its own title, summary and table of contents.
    public static func make(
        generated page: RenderedPage, navigation pages: [RenderedPage], content: String, stylesheet: String? = nil
    ) -> [String: Any] {
        let position = pages.firstIndex { $0.report.slug == "index" } ?? 0
        let navigation = make(for: position, of: pages, content: content, stylesheet: stylesheet)
        var context = notCurrent(navigation) as? [String: Any] ?? [:]
        context["title"] = page.title
        if let summary = page.report.frontMatter.summary { context["summary"] = summary } else {
            context.removeValue(forKey: "summary")
        }
        context["toc"] = page.toc.map { ["id": $0.id, "text": $0.text, "level": $0.level] as [String: Any] }
        context["hasToc"] = !page.toc.isEmpty
        context["hasPager"] = false
        context.removeValue(forKey: "previous")
        context.removeValue(forKey: "next")
        return context
    }

    /// `context` for a page `pagesRoot` below the pages it links to and `assetsRoot` below the site's `assets/`
    /// ("../", "../../"): every relative link prefixed.
    public static func rooted(_ context: [String: Any], pagesRoot: String, assetsRoot: String) -> [String: Any] {
        guard !pagesRoot.isEmpty || !assetsRoot.isEmpty else { return context }
        func relative(_ href: String) -> Bool { !href.hasPrefix("#") && !href.hasPrefix("/") && !href.contains(":") }
        func visit(_ value: Any, key: String) -> Any {
            switch value {
            case let href as String where (key == "stylesheetHref" || key == "mathStylesheetHref") && relative(href):
                return assetsRoot + href
            case let href as String where (key == "href" || key == "indexHref") && relative(href):
                return pagesRoot + href
            case let dictionary as [String: Any]:
                return Dictionary(uniqueKeysWithValues: dictionary.map { ($0.key, visit($0.value, key: $0.key)) })
            case let array as [Any]: return array.map { visit($0, key: key) }
            default: return value
            }
        }
        return visit(context, key: "") as? [String: Any] ?? context
    }

    /// `value` with every `current` flag false.
    private static func notCurrent(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            return Dictionary(uniqueKeysWithValues: dictionary.map { key, value in
                (key, key == "current" ? false : notCurrent(value))
            })
        case let array as [Any]: return array.map(notCurrent)
        default: return value
        }
    }
}

extension PageContext {
    /// The context of `figure`'s page (`figure.mustache`) in a site whose pages are `pages`: `title`, `siteTitle`,
    /// `stylesheetHref` (from the figure's folder), `svgFile`, `width`, `height`, `alternative`, `backHref`,
    /// `backTitle` and `generator`.
    static func figure(_ figure: FigurePage, of pages: [RenderedPage]) -> [String: Any] {
        let index = pages.first { $0.report.slug == "index" } ?? pages[0]
        let depth = figure.path.split(separator: "/").count - 1
        return [
            "title": figure.title, "siteTitle": index.title,
            "stylesheetHref": String(repeating: "../", count: depth) + "assets/style.css",
            "svgFile": figure.svgFile, "width": figure.width, "height": figure.height, "alternative": figure.alternative,
            "backHref": figure.backHref, "backTitle": figure.backTitle, "generator": generator,
        ]
    }
}
