/// The scenario switcher at the top of every page of a study that declares scenarios: links to the same page under
/// the study's own parameters and under every scenario, the current one marked, and to the scenario matrix. Plain
/// links, no JavaScript.
struct ScenarioSwitcherPart: MarkdownPart {
    /// The scenario this page belongs to (nil: the study under its own parameters).
    var current: String?
    /// Every scenario, in the order declared.
    var scenarios: [Scenario]
    /// The page's file (`large-ep.html`).
    var file: String

    func html(_ renderer: MarkdownHTML) -> String {
        // From the site's root, a scenario's copy is `scenarios/NAME/`; from a copy, the root is `../../`.
        let root = current == nil ? "" : "../../"
        func link(_ title: String, _ href: String, isCurrent: Bool, detail: String = "") -> String {
            let title =
                HTML.escape(title)
                + (detail.isEmpty ? "" : " <span class=\"pb-scenario-detail\">(\(HTML.escape(detail)))</span>")
            return isCurrent
                ? "<li class=\"pb-current\"><a href=\"\(MarkdownHTML.escapeURL(href))\" aria-current=\"page\">"
                    + "\(title)</a></li>"
                : "<li><a href=\"\(MarkdownHTML.escapeURL(href))\">\(title)</a></li>"
        }
        var items = [link("study’s own parameters", root + file, isCurrent: current == nil)]
        for scenario in scenarios {
            items.append(
                link(
                    scenario.name, root + "\(scenario.folder)/\(file)", isCurrent: scenario.name == current,
                    detail: scenario.summary))
        }
        let matrix = root + "\(Scenario.folder)/index.html"
        return "<nav class=\"pb-scenarios\" aria-label=\"Scenarios of this study\">\n<p class=\"pb-scenarios-title\">"
            + "This page under each scenario "
            + "(<a href=\"\(MarkdownHTML.escapeURL(matrix))\">all scenarios side by side</a>):"
            + "</p>\n<ul class=\"pb-scenarios-list\">\n" + items.joined(separator: "\n") + "\n</ul>\n</nav>\n"
    }
}
