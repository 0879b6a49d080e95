import PlanRecord

/// The findings at the top of a page, before any code: the verdict of each of the page's claims in one compact list
/// — verdict, claim, the paper's and the computed value, and the sentence of why — each linking to its card in the
/// page. On the index it also gives the study's whole verdict: how the claims of every other page came out.
struct FindingsPart: MarkdownPart {
    /// How the claims of another page came out, for the index.
    struct PageVerdict: Sendable {
        var slug: String
        var title: String
        var claims: [PlanRecord.Claim]
    }

    /// The page's claims, with their cards' anchors.
    var claims: [PageItems.PlacedClaim]
    /// The other pages with claims, in navigation order (the index only).
    var study: [PageVerdict] = []

    /// Whether there is anything to show.
    var isEmpty: Bool { claims.isEmpty && study.isEmpty }

    func html(_ renderer: MarkdownHTML) -> String {
        guard !isEmpty else { return "" }
        let scope = renderer.scope
        let heading = study.isEmpty ? "Findings" : "The verdict"
        var html = "<section class=\"pb-findings\" aria-labelledby=\"\(scope.id("findings"))\">\n"
            + "<div class=\"pb-findings-head\"><h2 id=\"\(scope.id("findings"))\">\(heading)</h2>"
        if !claims.isEmpty {
            html += " <p class=\"pb-findings-tally\">\(Self.tally(claims.map(\.claim)))</p>"
        }
        html += "</div>\n"
        if !claims.isEmpty {
            html += "<ul class=\"pb-findings-list\">\n" + claims.map { row($0, scope: scope) }.joined() + "</ul>\n"
        }
        if !study.isEmpty {
            let all = study.flatMap(\.claims)
            html += "<p class=\"pb-findings-study\">Across the study's pages, \(Self.tally(all)): "
                + study.map { page in
                    let holding = page.claims.filter(\.holds).count
                    return "<a href=\"\(scope.page(page.slug, "findings"))\">\(HTML.escape(page.title))</a> "
                        + "\(holding) of \(page.claims.count)"
                }.joined(separator: " · ") + ".</p>\n"
        }
        return html + "</section>\n"
    }

    /// One claim: its verdict, label (a link to its card), values and why.
    private func row(_ placed: PageItems.PlacedClaim, scope: LinkScope) -> String {
        let claim = placed.claim
        let verdict = ClaimVerdict(claim)
        // A claim in words gives its values in the why; a number claim beside it.
        let why = claim.check == .statement ? verdict.sentence : verdict.reason
        return "<li class=\"finding \(verdict.outcome.cssClass)\">"
            + "<span class=\"verdict\">\(verdict.outcome.rawValue)</span> "
            + "<a class=\"finding-label\" href=\"#\(scope.id(placed.anchor))\">\(HTML.escape(claim.label))</a> "
            + (claim.check == .statement ? "" : "<span class=\"finding-values\"><span class=\"finding-paper\">paper "
                + "\(HTML.escape(claim.paper.text))</span> <span class=\"finding-computed\">computed "
                + "\(HTML.escape(claim.computed.text))</span></span> ")
            + "<span class=\"finding-why\">\(HTML.escape(why))</span></li>\n"
    }

    /// "2 of 10 claims hold; 5 are not reproduced, 3 cannot hold".
    static func tally(_ claims: [PlanRecord.Claim]) -> String {
        let outcomes = claims.map { ClaimVerdict($0).outcome }
        let holding = claims.filter(\.holds).count
        var text = "\(holding) of \(claims.count) claim\(claims.count == 1 ? "" : "s") "
            + (holding == 1 ? "holds" : "hold")
        let others: [(ClaimVerdict.Outcome, String, String)] = [
            (.notReproduced, "is not reproduced", "are not reproduced"), (.doesNotHold, "does not hold", "do not hold"),
            (.cannotHold, "cannot hold", "cannot hold"),
        ]
        let parts = others.compactMap { outcome, one, many -> String? in
            let count = outcomes.filter { $0 == outcome }.count
            return count == 0 ? nil : "\(count) \(count == 1 ? one : many)"
        }
        if !parts.isEmpty { text += "; " + parts.joined(separator: ", ") }
        return text
    }
}
