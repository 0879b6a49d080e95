internal import PlanRecord

/// Markers the generated program calls between cells; not for use in plan blocks.
public enum PlanbookCells {
    nonisolated(unsafe) static var current = -1
    /// The statement running now (the last one marked).
    nonisolated(unsafe) static var place = PlanRecord.Place(file: "cell-0", line: 1)

    /// Cell `index` (a plan block) starts: outputs and `print`s from here on belong to it.
    public static func begin(_ index: Int) {
        if current < 0 {
            MemoFolder.install()
            Misfits.observe()
            StudyPlans.apply()
        }
        current = index
        place = PlanRecord.Place(file: "cell-\(index)", line: 1)
        RecordChannel.send(.cellStarted(cell: index))
    }

    /// The program's cells have all run: report what is left to say (plans that do not fit).
    public static func end() { Misfits.report() }

    /// The top-level statement at `line`:`column` of cell `index` starts: a trap or an uncaught error from here on
    /// is reported at it.
    public static func at(_ index: Int, _ line: Int, _ column: Int) {
        place = PlanRecord.Place(file: "cell-\(index)", line: line, column: column)
        RecordChannel.send(.statementStarted(place))
    }

    /// Cell `index` is an inline expression: its value, formatted for prose, with the number behind it.
    public static func inline<T>(_ index: Int, column: Int = 1, _ value: () throws -> T) rethrows {
        begin(index)
        place.column = column
        RecordChannel.send(.inline(cell: index, InlineFormat.value(try value())))
    }
}
