@preconcurrency internal import Glibc

/// Where a plan program tells Planbook what its cells produced: one JSON object per line on standard output, each
/// line starting with the ASCII record separator (U+001E) so that it cannot be mistaken for the program's own
/// `print` output, which goes to the same stream in the same order.
///
/// Records are written with `write(2)` as they happen and standard output is line-buffered, so nothing is lost when
/// the program traps later.
enum RecordChannel {
    /// The first character of every record line.
    static let separator = "\u{1E}"

    nonisolated(unsafe) private static var started = false

    /// Writes one record: `fields` as a JSON object.
    static func send(_ fields: [(String, JSONValue)]) {
        if !started {
            started = true
            setvbuf(stdout, nil, _IOLBF, 0)
        }
        fflush(stdout)
        var line = separator + JSONValue.object(fields).text + "\n"
        line.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
