/// With `--compare-to`, compares the study's ledger with the named build's, so that the render step marks every
/// number that differs and the pages step lists them on "What changed since …".
struct CompareStep: BuildStep {
    func run(_ study: inout Study) {
        guard let base = study.options.compareTo else { return }
        study.comparison = LedgerComparison(
            old: base.ledger, new: study.ledger, oldName: base.name, newName: "this build", tolerance: base.tolerance)
    }
}
