/// The navigation a page shows, bounded whatever the number of pages: a study of 5,000 reports must not repeat
/// 5,000 links on every page (issue 18 measured 350 KB of navigation per page, 1.7 GB in all).
///
/// Pages are grouped by their front matter's `section`, in navigation order (a section sits where its first page
/// does). Pages without a section are listed at the top level; each section is one entry, linking to its first
/// page, and only the current page's section lists its pages. A list of more than `window` pages shows the `window`
/// pages around the current one (or its first ones), with links to the pages just before and after the window.
/// Template keys (see `PageContext`): `nav` (`title`, `href`, `current`), `navBefore` and `navAfter` (`title`,
/// `href`, absent when the window shows everything), `navSections` (`title`, `href`, `count`, `current`, and for the
/// current section `pages`, `before`, `after`).
public enum SiteNavigation {
    /// Most page links one list shows.
    public static let window = 40

    /// The navigation keys for `pages[position]` among `pages`, in navigation order.
    public static func context(for position: Int, of pages: [RenderedPage]) -> [String: Any] {
        var groups: [(title: String?, members: [Int])] = []
        for (index, page) in pages.enumerated() {
            let title = page.report.frontMatter.section
            if let group = groups.firstIndex(where: { $0.title == title }) {
                groups[group].members.append(index)
            } else {
                groups.append((title, [index]))
            }
        }
        var context: [String: Any] = [:]
        var sections: [[String: Any]] = []
        for group in groups {
            let isCurrent = group.members.contains(position)
            guard let title = group.title else {
                let list = windowed(group.members, around: position, of: pages)
                context["nav"] = list.entries
                if let before = list.before { context["navBefore"] = before }
                if let after = list.after { context["navAfter"] = after }
                continue
            }
            var section: [String: Any] = [
                "title": title, "href": SitePath.href(pages[group.members[0]].report.outputName),
                "count": group.members.count, "current": isCurrent,
            ]
            if isCurrent {
                let list = windowed(group.members, around: position, of: pages)
                section["pages"] = list.entries
                if let before = list.before { section["before"] = before }
                if let after = list.after { section["after"] = after }
            }
            sections.append(section)
        }
        if context["nav"] == nil { context["nav"] = [[String: Any]]() }
        if !sections.isEmpty { context["navSections"] = sections }
        return context
    }

    /// At most `window` of `members` (page indices), around `position` when it is one of them.
    private static func windowed(
        _ members: [Int], around position: Int, of pages: [RenderedPage]
    ) -> (entries: [[String: Any]], before: [String: Any]?, after: [String: Any]?) {
        var start = 0
        if members.count > window, let here = members.firstIndex(of: position) {
            start = min(max(0, here - window / 2), members.count - window)
        }
        let shown = members[start..<min(members.count, start + window)]
        let entries = shown.map { index -> [String: Any] in
            [
                "title": pages[index].title, "href": SitePath.href(pages[index].report.outputName),
                "current": index == position,
            ]
        }
        func more(_ count: Int, _ index: Int, _ direction: String) -> [String: Any] {
            [
                "title": "\(count) \(direction) page\(count == 1 ? "" : "s")",
                "href": SitePath.href(pages[index].report.outputName),
            ]
        }
        let before = start > 0 ? more(start, members[start - 1], "earlier") : nil
        let hidden = members.count - shown.endIndex
        let after = hidden > 0 ? more(hidden, members[shown.endIndex], "later") : nil
        return (entries, before, after)
    }
}
