import PlanKit
internal import PlanRecord

/// Marks `value` as a headline number of the study, under `label`: a row of the scenario matrix
/// (`site/scenarios/index.html`), beside every claim's computed value, with its value in each scenario. Shows nothing
/// by itself and returns `value`, so that prose can show and mark a number at once:
/// `` `{swift} headline("Decode TPOT", proposed.performance.decode.tpot)` ``.
@discardableResult
public func headline<T>(_ label: String, _ value: T) -> T {
    RecordChannel.send(.headline(cell: PlanbookCells.current, label: label, InlineFormat.value(value)))
    return value
}
