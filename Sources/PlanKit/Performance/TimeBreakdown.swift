/// A span of time split into compute, memory traffic, communication and pipeline bubble.
///
/// Guarantees: `total` is the sum of the four parts, and no part is negative. Compute and memory hold the
/// roofline times of the operators each bound decided; communication holds only the time not hidden behind
/// computation; bubble is time a GPU waits on the pipeline.
public struct TimeBreakdown: Hashable, Codable, Sendable, CustomStringConvertible {
    public var compute: Seconds
    public var memory: Seconds
    public var communication: Seconds
    public var bubble: Seconds

    public init(compute: Seconds = .zero, memory: Seconds = .zero, communication: Seconds = .zero,
                bubble: Seconds = .zero) {
        self.compute = compute
        self.memory = memory
        self.communication = communication
        self.bubble = bubble
    }

    /// The roofline times of `operators`, each to the bound that decided it.
    public init(_ operators: [OperatorTime]) {
        self.init()
        for op in operators {
            if op.bound == .memory { memory += op.time } else { compute += op.time }
        }
    }

    /// compute + memory + communication + bubble.
    public var total: Seconds { compute + memory + communication + bubble }

    /// Every part multiplied by `factor`.
    public static func * (lhs: TimeBreakdown, rhs: Double) -> TimeBreakdown {
        TimeBreakdown(compute: lhs.compute * rhs, memory: lhs.memory * rhs, communication: lhs.communication * rhs,
                      bubble: lhs.bubble * rhs)
    }

    /// The part-by-part sum.
    public static func + (lhs: TimeBreakdown, rhs: TimeBreakdown) -> TimeBreakdown {
        TimeBreakdown(compute: lhs.compute + rhs.compute, memory: lhs.memory + rhs.memory,
                      communication: lhs.communication + rhs.communication, bubble: lhs.bubble + rhs.bubble)
    }

    /// Column titles of `row`.
    public static let header = ["compute", "memory", "communication", "bubble", "total"]
    /// The parts and the total, as table cells.
    public var cells: [DisplayCell] { [compute, memory, communication, bubble, total].map(\.cell) }
    /// The parts and the total, formatted.
    public var row: [String] { cells.map(\.text) }

    public var description: String {
        "\(total) = compute \(compute) + memory \(memory) + communication \(communication) + bubble \(bubble)"
    }
}
