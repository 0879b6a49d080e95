import Foundation

/// A form of the rendered study written as files of a site folder: every page filled into the page template.
protocol SiteEmitter {
    /// The files of the site, by path relative to its root, in a stable order.
    func files(_ pages: [RenderedPage]) -> [(path: String, contents: Data)]
}

/// The site folder: pages, their downloads as files beside them, a page for each drawing too large to sit inline,
/// the template's assets, and KaTeX's stylesheet and fonts when a page shows math.
struct SiteFolderEmitter: SiteEmitter {
    let template: PageTemplate
    var math: MathAssets?

    func files(_ pages: [RenderedPage]) -> [(path: String, contents: Data)] {
        var files: [(path: String, contents: Data)] = []
        for (position, page) in pages.enumerated() {
            let html = template.render(PageContext.make(
                for: position, of: pages, content: page.bodyHTML(.site), findings: page.findingsHTML(.site)))
            files.append((page.report.outputName, Data(html.utf8)))
            files += page.downloads.map { ($0.path, Data($0.contents.utf8)) }
            files += page.figurePages.map {
                ($0.path, Data(template.render(PageContext.figure($0, of: pages), template: "figure").utf8))
            }
        }
        let math = pages.contains(where: \.hasMath) ? (self.math?.files ?? []) : []
        return files + template.assets.map { ("assets/\($0.name)", $0.contents) } + math
    }
}

/// Pages that each work alone (`build --self-contained`): the stylesheets inlined (KaTeX's with its fonts), every
/// download a `data:` link.
struct SelfContainedEmitter: SiteEmitter {
    let template: PageTemplate
    var math: MathAssets?

    func files(_ pages: [RenderedPage]) -> [(path: String, contents: Data)] {
        pages.enumerated().map { position, page in
            let context = PageContext.make(
                for: position, of: pages, content: page.bodyHTML(.selfContained),
                findings: page.findingsHTML(.selfContained), stylesheet: template.stylesheet,
                mathStylesheet: math?.inlined)
            return (page.report.outputName, Data(template.render(context).utf8))
        }
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
