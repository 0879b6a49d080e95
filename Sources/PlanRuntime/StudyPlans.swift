import PlanCharts
internal import PlanRecord

/// The study's plans (`plans:` in `index.md`), which Planbook gives the program in its input file: handed to
/// PlanCharts before the first cell runs, so that each plan keeps one colour on every chart of the study.
enum StudyPlans {
    static func apply() {
        guard let given = ParameterValues.given[PlanInput.plansEntry] else { return }
        ChartPalette.plans = given.text.split(separator: "\u{1F}").map(String.init)
    }
}
