internal import PlanRecord

/// States an invariant of the study: when `condition` is false, the build fails at this line with `message`.
/// The program goes on, so that every failed expectation of a report is listed. A plan whose fit `condition` reads
/// (`expect(!plan.memory.fits, "EP=16 does not fit at batch 1024")`) is shown on purpose: no warning, no mark.
public func expect(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: String = #filePath,
    line: Int = #line
) {
    guard !Misfits.expectation(condition) else { return }
    RecordChannel.send(.expectationFailed(PlanRecord.Place(file: file, line: line), message: message()))
}
