internal import PlanRecord

/// States an invariant of the study: when `condition` is false, the build fails at this line with `message`.
/// The program goes on, so that every failed expectation of a report is listed.
public func expect(_ condition: Bool, _ message: @autoclosure () -> String, file: String = #filePath, line: Int = #line) {
    guard !condition else { return }
    RecordChannel.send(.expectationFailed(PlanRecord.Place(file: file, line: line), message: message()))
}
