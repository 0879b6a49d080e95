/// The deployment a figure, table or chart describes: the page names it in the default caption ("Memory per GPU —
/// EP=8") and marks the output when the plan does not fit the GPUs' memory.
///
/// PlanKit sets it wherever a deployment builds one of its figures (`memory`, `performance`, `communication`,
/// `dimensions`, `placement`, `dag`, its charts, a routing load on it); a value made by hand has none. It holds the
/// deployment itself (boxed, so that a `Placement` can hold the deployment that holds it), and works out its name
/// and fit only when asked, so that computing a figure costs no memory estimate.
public struct DisplayPlan: Hashable, Sendable, CustomStringConvertible {
    private indirect enum Box: Hashable, Sendable { case deployment(Deployment) }
    private let box: Box

    /// The plan of `deployment`.
    public init(_ deployment: Deployment) { box = .deployment(deployment) }

    /// The deployment described.
    public var deployment: Deployment {
        switch box { case .deployment(let deployment): deployment }
    }

    /// "EP=16", "TP=8 × PP=2 × 2 micro-batches": its parallelism.
    public var name: String { deployment.parallelism.description }

    /// "EP=16 at batch 1024, 10,000 tokens, on 2 × 8 H100 SXM": what tells two plans of one parallelism apart.
    public var detail: String {
        let d = deployment
        return "\(name) at batch \(SIFormat.grouped(d.workload.batch)), \(SIFormat.grouped(d.workload.sequenceLength)) "
            + "tokens, on \(d.cluster.nodes) × \(d.cluster.gpusPerNode) \(d.cluster.gpu.name)"
    }

    /// Whether the plan fits the GPUs' memory in the phases it serves (`deployment.memory.fits`).
    public var fits: Bool { deployment.memory.withinCapacity }

    public var description: String { name }
}

extension Display {
    /// This display, as describing `plan` when there is one.
    public func described(by plan: DisplayPlan?) -> Display {
        plan.map { .describing($0, self) } ?? self
    }
}
