/// One stretch of a step timeline: what a pipeline stage's GPUs do from `start` for `duration`.
///
/// Segments of the main lane follow one another without gaps and fill the step; segments with `overlapped` set
/// run at the same time as the main lane (communication hidden behind compute) and are drawn beneath it.
public struct TimelineSegment: Hashable, Sendable {
    /// What the time goes to.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Operators whose roofline time is decided by arithmetic.
        case compute
        /// Operators whose roofline time is decided by HBM traffic.
        case memory
        /// Collectives and stage-to-stage sends the GPU waits for.
        case communication
        /// Time the stage waits on the pipeline.
        case bubble
    }

    /// The pipeline stage (row).
    public var stage: Int
    public var kind: Kind
    public var start: Seconds
    public var duration: Seconds
    /// The micro-batch worked on (nil for bubbles).
    public var microBatch: Int?
    /// What runs: "layer 3", "QKV projection – attention", "send to stage 1", "collectives".
    public var detail: String
    /// Whether the segment runs concurrently with the main lane (hidden communication).
    public var overlapped: Bool

    public init(stage: Int, kind: Kind, start: Seconds, duration: Seconds, microBatch: Int?, detail: String,
                overlapped: Bool = false) {
        self.stage = stage
        self.kind = kind
        self.start = start
        self.duration = duration
        self.microBatch = microBatch
        self.detail = detail
        self.overlapped = overlapped
    }

    /// start + duration.
    public var end: Seconds { start + duration }
}
