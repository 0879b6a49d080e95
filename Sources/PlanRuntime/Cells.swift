internal import PlanRecord

/// Markers the generated program calls between cells; not for use in plan blocks.
public enum PlanbookCells {
    nonisolated(unsafe) static var current = -1

    /// Cell `index` (a plan block) starts: outputs and `print`s from here on belong to it.
    public static func begin(_ index: Int) {
        current = index
        RecordChannel.send(.cellStarted(cell: index))
    }

    /// The top-level statement at `line`:`column` of cell `index` starts: a trap or an uncaught error from here on
    /// is reported at it.
    public static func at(_ index: Int, _ line: Int, _ column: Int) {
        RecordChannel.send(.statementStarted(PlanRecord.Place(file: "cell-\(index)", line: line, column: column)))
    }

    /// Cell `index` is an inline expression: its value, formatted for prose, with the number behind it.
    public static func inline<T>(_ index: Int, _ value: () throws -> T) rethrows {
        begin(index)
        RecordChannel.send(.inline(cell: index, InlineFormat.value(try value())))
    }
}
