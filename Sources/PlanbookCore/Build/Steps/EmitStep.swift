import Foundation

/// Writes the rendered study in the form asked for: the site folder (swapped in at once) — the study's pages, each
/// scenario's copy, Planbook's own pages and every ledger — self-contained pages, or the one-file bundle (the study
/// alone). `planbook check` writes nothing.
struct EmitStep: BuildStep {
    func run(_ study: inout Study) {
        let options = study.options
        guard options.publish, let template = study.template else { return }
        let pages = study.pages.compactMap(\.rendered)
        do {
            if let bundle = options.bundle {
                try BundleEmitter(template: template, math: study.mathAssets).write(pages, to: bundle, options: options)
            } else {
                let emitter: any SiteEmitter = options.selfContained
                    ? SelfContainedEmitter(template: template, math: study.mathAssets)
                    : SiteFolderEmitter(template: template, math: study.mathAssets)
                let site = SiteContents(
                    pages: pages, ledger: study.ledger,
                    scenarios: study.scenarioSites.map {
                        SiteContents.Copy(
                            scenario: $0.scenario, pages: $0.pages.compactMap(\.rendered), ledger: $0.ledger)
                    },
                    generated: study.generatedPages)
                var listing: [String]?
                study.problems += try SitePublisher.publish(
                    emitter.files(site), to: options.url(options.output), displayPath: options.output,
                    force: options.force, protected: Self.protected(options),
                    unchangedEntries: BuildStamp.publishedEntries(options),
                    whilePublished: { listing = BuildStamp.listing(of: $0) })
                study.publishedListing = listing
            }
        } catch {
            study.problems += error.diagnostics
        }
    }

    /// Folders the output may be neither nor hold: the project, its reports and templates.
    static func protected(_ options: BuildOptions) -> [URL] {
        [options.workingDirectory, options.url(options.reports), options.url(options.templates)]
    }
}
