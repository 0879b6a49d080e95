import Foundation

/// The problems that need nothing run to be found, all before any program is compiled: the reports' own (front
/// matter, fences, block options, raw HTML), names their plan code uses before it declares them (read with
/// SwiftParser, once), and whether the output folder or bundle file may be written — after putting back a site a
/// killed publish left aside.
struct CheckStep: BuildStep {
    func run(_ study: inout Study) {
        for index in study.pages.indices {
            let outline = study.pages[index].outline
            study.problems += outline.problems
            // A report whose fences swallow its blocks gets no other diagnostic about its code.
            guard !outline.cells.isEmpty, !outline.problems.contains(where: { $0.severity == .error }) else { continue }
            let syntax = outline.cells.map { CellSyntax(code: $0.code) }
            study.pages[index].syntax = syntax
            study.problems += DeclarationOrder(report: outline.report, cells: outline.cells, syntax: syntax).problems
        }
        study.problems += Self.nameClashes(study)
        let options = study.options
        guard options.publish else { return }
        if let bundle = options.bundle {
            study.problems += BundleEmitter.preflight(bundle, options: options, template: study.template)
        } else {
            // A build killed mid-publish can have left the site aside: put it back first, whatever this build does.
            study.problems += SitePublisher.recover(options.url(options.output), displayPath: options.output)
            study.problems += SitePublisher.preflight(
                options.url(options.output), displayPath: options.output, force: options.force,
                protected: EmitStep.protected(options), unchangedEntries: BuildStamp.publishedEntries(options))
        }
    }

    /// A report whose page or folder would take the place of one Planbook writes: `scenarios.md` when the study
    /// declares scenarios (their copies live in `scenarios/`), `what-changed.md` with `--compare-to`.
    static func nameClashes(_ study: Study) -> [Diagnostic] {
        var reserved: [String: String] = [:]
        if study.buildsScenarioCopies { reserved[Scenario.folder] = "the scenarios' copies of the study" }
        if study.options.compareTo != nil { reserved[ChangesPage.slug] = "the “What changed” page of --compare-to" }
        return study.pages.compactMap { page in
            reserved[page.report.slug].map { what in
                Diagnostic(file: page.report.path, line: 1, column: 1,
                           "this report's page and folder would take the place of \(what); rename the file")
            }
        }
    }
}
