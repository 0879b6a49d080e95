/// The deployment a figure or table describes, as the page names it: its parallelism, and whether it fits the
/// GPUs' memory for what it serves (`deployment.memory.fits`).
public struct DisplayPlan: Hashable, Sendable {
    /// "EP=16", "TP=8 × PP=2".
    public var name: String
    /// Whether the plan fits in memory.
    public var fits: Bool

    public init(name: String, fits: Bool) {
        self.name = name
        self.fits = fits
    }

    /// The plan of `deployment`.
    public init(_ deployment: Deployment) {
        self.init(name: deployment.parallelism.description, fits: deployment.memory.fits)
    }
}
