/// Markers the generated program calls between cells; not for use in plan blocks.
public enum PlanbookCells {
    nonisolated(unsafe) static var current = -1

    /// Cell `index` (a plan block) starts: outputs and `print`s from here on belong to it.
    public static func begin(_ index: Int) {
        current = index
        RecordChannel.send([("t", .string("begin")), ("cell", .integer(index))])
    }

    /// Cell `index` is an inline expression: its value, formatted for prose.
    public static func inline<T>(_ index: Int, _ value: () throws -> T) rethrows {
        current = index
        RecordChannel.send([("t", .string("begin")), ("cell", .integer(index))])
        let text = InlineFormat.text(try value())
        RecordChannel.send([("t", .string("inline")), ("cell", .integer(index)), ("text", .string(text))])
    }
}
