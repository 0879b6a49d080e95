import Foundation

/// The problems that need nothing run to be found, all before any program is compiled: the reports' own (front
/// matter, fences, block options, raw HTML), and whether the output folder or bundle file may be written.
struct CheckStep: BuildStep {
    func run(_ study: inout Study) {
        for page in study.pages { study.problems += page.outline.problems }
        let options = study.options
        guard options.publish else { return }
        if let bundle = options.bundle {
            study.problems += BundleEmitter.preflight(bundle, options: options, template: study.template)
        } else {
            study.problems += SitePublisher.preflight(
                options.url(options.output), displayPath: options.output, force: options.force,
                protected: EmitStep.protected(options))
        }
    }
}
