import Foundation
import Synchronization

/// `planbook build`: the whole pipeline from `Reports/*.md` to a published `site/`, as a list of named steps.
///
/// load reports → outline pages → run plan blocks → draw figures → render pages → apply template → publish. Every problem of every
/// report is collected, and listed file by file and line by line, before the build stops; nothing is written unless every step succeeded, and then the site
/// is swapped in at once (see `SitePublisher`).
public struct SiteBuild: Sendable {
    /// What a successful build produced.
    public struct Summary: Sendable {
        /// Pages written, in navigation order (their file names).
        public var pages: [String]
        /// Figures laid out by Graphviz.
        public var figures: Int
        /// The site folder, resolved.
        public var output: URL
        /// Every claim, by report, in navigation order.
        public var claims: [(report: String, claim: ClaimResult, line: Int)]
        /// Per report with plan blocks: why it was compiled, run or reused.
        public var explanations: [(report: String, explanation: String)]
        /// Reports whose plan program was compiled, and run, in this build.
        public var compiled: Int
        public var ran: Int
        /// Reports with plan blocks whose outputs came from the cache.
        public var reused: Int
        /// How long the build took, in seconds.
        public var seconds: Double
        /// Problems that did not stop the build, file by file.
        public var warnings: [Diagnostic]
    }

    public let options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    /// Runs every step; throws every problem found.
    public func run() throws(BuildFailure) -> Summary {
        let clock = ContinuousClock()
        let start = clock.now
        var problems: [Diagnostic] = []
        // A build killed mid-publish can have left the site aside: put it back first, whatever this build does.
        if options.publish && options.bundle == nil {
            problems += SitePublisher.recover(options.url(options.output), displayPath: options.output)
        }
        let template: PageTemplate?
        do {
            template = try PageTemplate(
                directory: options.url(options.templates), displayPath: options.templates,
                required: options.templatesRequired)
        } catch {
            template = nil
            problems += error.diagnostics
        }
        let (reports, loadProblems) = loadReports()
        let (shared, sharedProblems) = loadSharedCode()
        problems += sharedProblems
        problems += loadProblems
        let slugs = Set(reports.map(\.slug))
        let allowScripts = options.allowScripts
        let outlines = reports.map { PageRenderer.outline($0, slugs: slugs, allowScripts: allowScripts) }
        let (library, libraryProblems) = buildSharedLibrary(shared, needed: outlines.contains { !$0.cells.isEmpty })
        problems += libraryProblems
        let notebooks = libraryProblems.isEmpty
            ? runNotebooks(outlines, shared: shared, library: library)
            : outlines.map { _ in Notebook.Result(outputs: nil, problems: [], compiled: false, ran: false, explanation: "shared code failed") }
        let items = zip(outlines, notebooks).map { PageItems($0, outputs: $1.outputs) }
        var references = CrossReferences()
        for index in outlines.indices.sorted(by: { Self.navigationOrder(outlines[$0].report, outlines[$1].report) }) {
            references.add(items[index], page: outlines[index].report.outputName)
        }
        let figureCount = items.reduce(0) { $0 + $1.figures.count }
        if figureCount > 0 { options.progress.report("Drawing \(figureCount) figure(s) with Graphviz") }
        let (svgs, figureProblems) = drawFigures(zip(outlines, items).map { ($0.report.path, $1.figures) })
        for index in outlines.indices {
            problems += outlines[index].report.problems + outlines[index].problems + notebooks[index].problems
                + figureProblems[index]
            if let outputs = notebooks[index].outputs {
                problems += ContentPolicy.problems(
                    in: outputs, cells: outlines[index].cells, report: outlines[index].report, allowScripts: allowScripts)
            }
            if notebooks[index].problems.isEmpty {
                problems += PageRenderer.unresolvedReferences(outlines[index], references: references)
            }
        }
        if !problems.contains(where: { $0.severity == .error }) {
            problems += unreadParameters(outlines: outlines, notebooks: notebooks)
        }
        let warnings = problems.filter { $0.severity == .warning }
        guard !problems.contains(where: { $0.severity == .error }), let template else {
            throw BuildFailure(Self.sorted(problems))
        }

        let toolchain = outlines.contains { !$0.cells.isEmpty } ? try? PlanToolchain.located() : nil
        let pages = outlines.indices.map { index in
            var provenance = Provenance(
                report: outlines[index].report, shared: shared, parameters: notebooks[index].outputs?.parameters ?? [],
                toolchain: toolchain, usesPlanCode: !outlines[index].cells.isEmpty,
                overrides: Set(options.parameters.map(\.name)))
            if !items[index].figures.isEmpty { provenance.drawings = Self.drawingTools }
            return PageRenderer.render(
                outlines[index], outputs: notebooks[index].outputs, items: items[index], svgs: svgs[index],
                references: references, provenance: provenance)
        }.sorted(by: Self.navigationOrder)
        var files: [(path: String, contents: Data)] = []
        if let bundle = options.bundle {
            try writeBundle(pages: pages, template: template, to: bundle)
        } else if options.selfContained {
            let stylesheet = template.assets.first { $0.name == "style.css" }.map { String(decoding: $0.contents, as: UTF8.self) }
            for position in pages.indices {
                let html = template.render(PageContext.make(for: position, of: pages, stylesheet: stylesheet))
                let embedded = EmbeddedDownloads.embed(html, downloads: pages[position].downloads)
                files.append((pages[position].report.outputName, Data(embedded.utf8)))
            }
        } else {
            for position in pages.indices {
                let html = template.render(PageContext.make(for: position, of: pages))
                files.append((pages[position].report.outputName, Data(html.utf8)))
                files += pages[position].downloads.map { ($0.path, Data($0.contents.utf8)) }
            }
            files += template.assets.map { ("assets/\($0.name)", $0.contents) }
        }
        var publishWarnings: [Diagnostic] = []
        if options.publish && options.bundle == nil {
            publishWarnings = try SitePublisher.publish(
                files, to: options.url(options.output), displayPath: options.output, force: options.force,
                protected: [options.workingDirectory, options.url(options.reports), options.url(options.templates)])
        }
        let ordered = outlines.indices.sorted { Self.navigationOrder(outlines[$0].report, outlines[$1].report) }
        return Summary(
            pages: pages.map(\.report.outputName), figures: items.reduce(0) { $0 + $1.figures.count },
            output: options.url(options.output).standardizedFileURL,
            claims: ordered.flatMap { index in
                (notebooks[index].outputs?.claims ?? []).map { claim in
                    (outlines[index].report.path, claim, outlines[index].cells[claim.cell].line + claim.line - 1)
                }
            },
            explanations: ordered.filter { !outlines[$0].cells.isEmpty }
                .map { (outlines[$0].report.path, notebooks[$0].explanation) },
            compiled: notebooks.filter(\.compiled).count, ran: notebooks.filter(\.ran).count,
            reused: zip(outlines, notebooks).filter { !$0.cells.isEmpty && !$1.ran && $1.problems.isEmpty }.count,
            seconds: Self.seconds(clock.now - start), warnings: Self.sorted(warnings) + publishWarnings)
    }
}
