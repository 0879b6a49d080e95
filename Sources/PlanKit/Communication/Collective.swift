/// One collective of a layer (or of a pipeline-stage boundary) in one phase, with its bytes and its time.
///
/// Bytes and time are per occurrence: one layer (or one boundary) and one micro-batch. Guarantees:
/// 0 ≤ interNodeBytesPerGPU ≤ bytesPerGPU; `time` is positive when any byte moves; `linkClass` is the class
/// that decides the time (InfiniBand whenever any byte crosses nodes).
public struct Collective: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Where in the step the collective happens.
    public enum Scope: String, Hashable, Codable, Sendable {
        /// Once in every layer, for every micro-batch.
        case everyLayer = "every layer"
        /// Once at each boundary between pipeline stages, for every micro-batch.
        case stageBoundary = "stage boundary"
    }

    public var kind: CollectiveKind
    /// What it moves, e.g. "dispatch", "attention output".
    public var purpose: String
    public var phase: Phase
    public var scope: Scope
    /// The group that holds GPU 0 (for send/recv, GPU 0 and its peer in the next stage).
    public var group: GPUGroup
    /// Groups of this collective running at once across the deployment.
    public var groupCount: Int
    /// Bytes each GPU sends in one occurrence.
    public var bytesPerGPU: Bytes
    /// Bytes each GPU sends to other nodes in one occurrence, averaged over all GPUs taking part.
    public var interNodeBytesPerGPU: Bytes
    /// The link class that decides `time`.
    public var linkClass: LinkClass
    /// Estimated time of one occurrence, on the slowest GPU (alpha–beta model; see `Deployment.communication`).
    public var time: Seconds
    /// Occurrences per step on one GPU: layersPerStage × microBatches, or microBatches at a stage boundary.
    public var occurrencesPerStep: Int

    /// The share of sent bytes that cross nodes.
    public var interNodeShare: Double { bytesPerGPU.bytes > 0 ? interNodeBytesPerGPU / bytesPerGPU : 0 }
    /// Time spent in this collective per step on one GPU.
    public var timePerStep: Seconds { time * Double(occurrencesPerStep) }

    public var description: String {
        "\(kind) (\(purpose)) over \(group): \(bytesPerGPU) per GPU, "
            + "\(SIFormat.significant(100 * interNodeShare)) % across nodes, \(linkClass), \(time)"
    }
}
