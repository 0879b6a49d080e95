/// Every collective of one phase: those of each layer and those at pipeline-stage boundaries.
///
/// Guarantees: `perLayerTime` sums the every-layer collectives' times; `perStepTime` is one GPU's total over a
/// step (every layer of its stage and every micro-batch, plus its stage-boundary sends).
public struct CommunicationPlan: Hashable, Codable, Sendable, CustomStringConvertible {
    public var phase: Phase
    public var collectives: [Collective]
    /// The deployment whose collectives these are.
    public var plan: DisplayPlan?

    public init(phase: Phase, collectives: [Collective], plan: DisplayPlan? = nil) {
        self.phase = phase
        self.collectives = collectives
        self.plan = plan
    }

    /// The first collective of `kind` (and `purpose`, when given), e.g. `first(.allToAll, "dispatch")`.
    public func first(_ kind: CollectiveKind, _ purpose: String? = nil) -> Collective? {
        collectives.first { $0.kind == kind && (purpose == nil || $0.purpose == purpose) }
    }

    /// Time of one layer's collectives for one micro-batch.
    public var perLayerTime: Seconds { collectives.filter { $0.scope == .everyLayer }.map(\.time).sum() }
    /// Bytes one GPU sends in one layer for one micro-batch.
    public var perLayerBytesPerGPU: Bytes {
        collectives.filter { $0.scope == .everyLayer }.map(\.bytesPerGPU).sum()
    }
    /// Time of one stage-boundary transfer for one micro-batch (zero without pipeline parallelism).
    public var boundaryTime: Seconds { collectives.filter { $0.scope == .stageBoundary }.map(\.time).sum() }
    /// One GPU's communication time over a step.
    public var perStepTime: Seconds { collectives.map(\.timePerStep).sum() }

    /// Column titles of `rows`.
    public var header: [String] {
        ["collective", "purpose", "when", "group", "bytes per GPU", "across nodes", "link", "time"]
    }

    /// "Collectives in prefill".
    public var title: String? { "Collectives in \(phase)" }

    /// One row per collective.
    public var cells: [[DisplayCell]] {
        collectives.map {
            [DisplayCell($0.kind.rawValue), DisplayCell($0.purpose), DisplayCell($0.scope.rawValue),
             DisplayCell($0.group.description), $0.bytesPerGPU.cell, .percent($0.interNodeShare),
             DisplayCell($0.linkClass.rawValue), $0.time.cell]
        }
    }

    /// The figures, without the plan.
    enum CodingKeys: String, CodingKey { case phase, collectives }

    public var description: String {
        collectives.isEmpty ? "\(phase): no communication"
            : "\(phase) communication:\n" + collectives.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// The communication of both phases.
public struct CommunicationReport: Hashable, Codable, Sendable, CustomStringConvertible {
    public var prefill: CommunicationPlan
    public var decode: CommunicationPlan

    /// The deployment whose collectives these are.
    public var plan: DisplayPlan? { prefill.plan }

    public subscript(_ phase: Phase) -> CommunicationPlan { phase == .prefill ? prefill : decode }

    public var description: String { "\(prefill)\n\(decode)" }
}
