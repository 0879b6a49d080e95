@preconcurrency internal import Glibc
internal import PlanRecord

/// Where a plan program tells Planbook what its cells produced: one `PlanRecord` per line on standard output, each
/// line starting with the ASCII record separator (U+001E) so that it cannot be mistaken for the program's own
/// `print` output, which goes to the same stream in the same order.
///
/// Records are written with `write(2)` as they happen and standard output is line-buffered, so nothing is lost when
/// the program traps later.
enum RecordChannel {
    nonisolated(unsafe) private static var started = false

    /// Writes one record.
    static func send(_ record: PlanRecord) {
        if !started {
            started = true
            setvbuf(stdout, nil, _IOLBF, 0)
        }
        fflush(stdout)
        let line = record.line
        line.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
