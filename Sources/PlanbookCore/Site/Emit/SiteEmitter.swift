import Foundation

/// Everything a site folder holds: the study's pages and ledger, each scenario's copy (its pages and ledger, under
/// `scenarios/<name>/`), and the pages Planbook made (the scenario matrix, "What changed since …").
struct SiteContents {
    /// One scenario's copy of the study.
    struct Copy {
        var scenario: Scenario
        var pages: [RenderedPage]
        var ledger: Ledger
    }

    var pages: [RenderedPage]
    var ledger: Ledger
    var scenarios: [Copy] = []
    var generated: [RenderedPage] = []
}

/// One piece of a site folder its emitter makes: a page of the study or of a copy (`folder`), or a ledger.
enum SiteEmitterJob: Sendable {
    case page(RenderedPage, position: Int, of: [RenderedPage], folder: String)
    case ledger(Ledger, folder: String)
}

/// A form of the rendered study written as files of a site folder: every page filled into the page template.
protocol SiteEmitter: Sendable {
    /// The files of the site, by path relative to its root, in a stable order.
    func files(_ site: SiteContents) -> [(path: String, contents: Data)]

    /// One page filled in: `page`, at `position` among `pages` (nil for a page Planbook made, which `pages` navigate
    /// to), `depth` folders below the site's root.
    func html(_ page: RenderedPage, position: Int?, of pages: [RenderedPage], depth: Int) -> String

    /// The pages of `page`'s drawings too large to sit inline, among `pages`, `depth` folders below the site's root
    /// (none where drawings are embedded).
    func figureFiles(_ page: RenderedPage, of pages: [RenderedPage], depth: Int) -> [(path: String, contents: Data)]
}

extension SiteEmitter {
    /// The pages of `site` and their downloads, each scenario's copy in its folder, Planbook's pages, and every ledger.
    /// Every page and ledger is made side by side (the study's and each copy's), then listed in a stable order.
    func siteFiles(_ site: SiteContents) -> [(path: String, contents: Data)] {
        var jobs: [SiteEmitterJob] = []
        for (pages, ledger, folder) in [(site.pages, site.ledger, "")]
            + site.scenarios.map({ ($0.pages, $0.ledger, $0.scenario.folder) })
        {
            jobs += pages.indices.map { SiteEmitterJob.page(pages[$0], position: $0, of: pages, folder: folder) }
            jobs.append(.ledger(ledger, folder: folder))
        }
        let made = jobs.concurrentMap { job -> [(path: String, contents: Data)] in
            switch job {
            case .page(let page, let position, let pages, let folder):
                let prefix = folder.isEmpty ? "" : folder + "/"
                let depth = folder.isEmpty ? 0 : folder.split(separator: "/").count
                let html = html(page, position: position, of: pages, depth: depth)
                return [(prefix + page.report.outputName, Data(html.utf8))]
                    + page.downloads.map { (prefix + $0.path, Data($0.contents.utf8)) }
                    + figureFiles(page, of: pages, depth: depth).map { (prefix + $0.path, $0.contents) }
            case .ledger(let ledger, let folder):
                return [((folder.isEmpty ? "" : folder + "/") + Ledger.fileName, ledger.json)]
            }
        }
        var files = made.flatMap { $0 }
        for page in site.generated {
            let depth = page.report.slug.split(separator: "/").count - 1
            files.append((page.report.outputName, Data(html(page, position: nil, of: site.pages, depth: depth).utf8)))
            files += page.downloads.map { ($0.path, Data($0.contents.utf8)) }
        }
        return files
    }

    /// The context of `page`: a report's page among `pages`, or a page Planbook made, whose links to the pages climb
    /// `depth` folders (a copy's pages link to each other, and climb only to the assets).
    func context(
        _ page: RenderedPage, position: Int?, of pages: [RenderedPage], depth: Int, content: String, findings: String,
        stylesheet: String?, mathStylesheet: String?
    ) -> [String: Any] {
        let root = String(repeating: "../", count: depth)
        guard let position else {
            return PageContext.rooted(
                PageContext.make(generated: page, navigation: pages, content: content, stylesheet: stylesheet),
                pagesRoot: root, assetsRoot: root)
        }
        return PageContext.rooted(
            PageContext.make(
                for: position, of: pages, content: content, findings: findings, stylesheet: stylesheet,
                mathStylesheet: mathStylesheet),
            pagesRoot: "", assetsRoot: root)
    }
}

/// The site folder: pages, their downloads as files beside them, a page for each drawing too large to sit inline,
/// the template's assets, and KaTeX's stylesheet and fonts when a page shows math.
struct SiteFolderEmitter: SiteEmitter {
    let template: PageTemplate
    var math: MathAssets?

    func files(_ site: SiteContents) -> [(path: String, contents: Data)] {
        let hasMath = (site.pages + site.scenarios.flatMap(\.pages)).contains(where: \.hasMath)
        return siteFiles(site) + template.assets.map { ("assets/\($0.name)", $0.contents) }
            + (hasMath ? (math?.files ?? []) : [])
    }

    func html(_ page: RenderedPage, position: Int?, of pages: [RenderedPage], depth: Int) -> String {
        template.render(context(
            page, position: position, of: pages, depth: depth, content: page.bodyHTML(.site),
            findings: page.findingsHTML(.site), stylesheet: nil, mathStylesheet: nil))
    }

    func figureFiles(_ page: RenderedPage, of pages: [RenderedPage], depth: Int) -> [(path: String, contents: Data)] {
        let root = String(repeating: "../", count: depth)
        return page.figurePages.map {
            let context = PageContext.rooted(PageContext.figure($0, of: pages), pagesRoot: "", assetsRoot: root)
            return ($0.path, Data(template.render(context, template: "figure").utf8))
        }
    }
}

/// Pages that each work alone (`build --self-contained`): the stylesheets inlined (KaTeX's with its fonts), every
/// download a `data:` link.
struct SelfContainedEmitter: SiteEmitter {
    let template: PageTemplate
    var math: MathAssets?

    func files(_ site: SiteContents) -> [(path: String, contents: Data)] {
        // Downloads are embedded in the pages: only the pages and the ledgers are files.
        var pagesOnly = site
        pagesOnly.pages = site.pages.map(\.withoutDownloadFiles)
        pagesOnly.scenarios = site.scenarios.map { copy in
            var copy = copy
            copy.pages = copy.pages.map(\.withoutDownloadFiles)
            return copy
        }
        pagesOnly.generated = site.generated.map(\.withoutDownloadFiles)
        return siteFiles(pagesOnly)
    }

    func html(_ page: RenderedPage, position: Int?, of pages: [RenderedPage], depth: Int) -> String {
        template.render(context(
            page, position: position, of: pages, depth: depth, content: page.bodyHTML(.selfContained),
            findings: page.findingsHTML(.selfContained), stylesheet: template.stylesheet,
            mathStylesheet: math?.inlined))
    }

    func figureFiles(_ page: RenderedPage, of pages: [RenderedPage], depth: Int) -> [(path: String, contents: Data)] {
        []
    }
}

extension RenderedPage {
    /// The page, its downloads kept only in its links (embedded).
    var withoutDownloadFiles: RenderedPage {
        var page = self
        page.downloads = []
        return page
    }
}

extension LinkScope {
    /// Pages as files of the site folder, downloads embedded in the page.
    static let selfContained = LinkScope(
        id: LinkScope.site.id, page: LinkScope.site.page, download: embedded, embedsFiles: true)

    /// The attributes of a link that carries the file itself: a `data:` URL and the file's name.
    @Sendable static func embedded(_ path: String, _ contents: String) -> String {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        return "href=\"data:\(mimeType(of: fileName));base64,\(Data(contents.utf8).base64EncodedString())\" "
            + "download=\"\(fileName)\""
    }

    /// The media type of a download, by its extension.
    static func mimeType(of fileName: String) -> String {
        switch fileName.split(separator: ".").last {
        case "svg": "image/svg+xml"
        case "csv": "text/csv;charset=utf-8"
        case "json": "application/json"
        case "dot": "text/vnd.graphviz;charset=utf-8"
        default: "text/plain;charset=utf-8"
        }
    }
}
