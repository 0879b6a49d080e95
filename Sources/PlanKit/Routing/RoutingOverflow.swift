/// Tokens that exceed expert capacity at one capacity factor, per layer and in total.
///
/// Capacity per expert is ⌈c × assignments / experts⌉ (see `ExpertTokenCounts.capacity`); a layer drops
/// Σ max(0, count − capacity) token-expert assignments.
public struct RoutingOverflow: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The capacity factor c.
    public let capacityFactor: Double
    /// Tokens each expert may take, per layer.
    public let capacityPerLayer: [Int]
    /// Assignments beyond capacity, per layer.
    public let droppedPerLayer: [Int]
    /// Token-expert assignments, per layer.
    public let assignmentsPerLayer: [Int]

    /// The overflow of `layers` at capacity factor `capacityFactor`.
    public init(capacityFactor: Double, layers: [ExpertTokenCounts]) {
        self.capacityFactor = capacityFactor
        capacityPerLayer = layers.map { $0.capacity(capacityFactor: capacityFactor) }
        droppedPerLayer = layers.map { $0.dropped(capacityFactor: capacityFactor) }
        assignmentsPerLayer = layers.map(\.total)
    }

    /// Assignments dropped over all layers.
    public var dropped: Int { droppedPerLayer.reduce(0, +) }
    /// Assignments over all layers.
    public var assignments: Int { assignmentsPerLayer.reduce(0, +) }
    /// dropped / assignments (0 when nothing was routed).
    public var droppedFraction: Double { assignments > 0 ? Double(dropped) / Double(assignments) : 0 }

    public var description: String {
        let capacities = Set(capacityPerLayer)
        let capacity = capacities.count == 1 ? "\(capacityPerLayer[0]) tokens per expert" : "capacity varies by layer"
        return "at capacity factor \(SIFormat.significant(capacityFactor)) (\(capacity)), "
            + "\(SIFormat.grouped(dropped)) of \(SIFormat.grouped(assignments)) token-expert assignments "
            + "(\(SIFormat.fixed(100 * droppedFraction, decimals: 1)) %) overflow"
    }

    /// Column titles of `rows`.
    public var header: [String] { ["Layer", "Capacity", "Dropped", "Of assignments"] }

    /// "Tokens over expert capacity at capacity factor 1.25, per layer".
    public var title: String? {
        "Tokens over expert capacity at capacity factor \(SIFormat.significant(capacityFactor)), per layer"
    }

    /// One row per layer.
    public var cells: [[DisplayCell]] {
        droppedPerLayer.indices.map { layer in
            [
                DisplayCell(String(layer)), DisplayCell(capacityPerLayer[layer]), DisplayCell(droppedPerLayer[layer]),
                DisplayCell(assignmentsPerLayer[layer]),
            ]
        }
    }
}
