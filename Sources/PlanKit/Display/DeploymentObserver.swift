/// Who hears of every deployment made, of every misfit acknowledged and of every check of a plan's fit: Planbook's
/// runtime, which warns about plans that do not fit the GPUs' memory and marks their figures. Nobody, in plain
/// PlanKit use (the hooks are nil).
///
/// Set once, before any plan is made, by the program's runtime; PlanKit itself never sets or reads any state here.
public enum DeploymentObserver {
    /// Called with each deployment `Deployment.init` makes.
    nonisolated(unsafe) public static var made: ((Deployment) -> Void)?
    /// Called with each deployment shown on purpose although it may not fit (`acknowledgingMisfit()`).
    nonisolated(unsafe) public static var acknowledged: ((Deployment) -> Void)?
    /// Called with the deployment whose `memory.fits` was read (of a footprint that came from a deployment).
    nonisolated(unsafe) public static var fitChecked: ((Deployment) -> Void)?
}

extension Deployment {
    /// This plan, marked as shown on purpose even when it does not fit the GPUs' memory — a sweep that marks its
    /// plans' fit, a search for the smallest plan that fits — so that Planbook neither warns about it nor marks its
    /// figures.
    public func acknowledgingMisfit() -> Deployment {
        DeploymentObserver.acknowledged?(self)
        return self
    }

    /// "EP=16 at batch 1024 needs 347 GB per GPU of 80 GB": why a plan that does not fit cannot run.
    public var misfitDescription: String {
        "\(parallelism) at batch \(workload.batch) needs \(memory.totalPerGPU) per GPU of \(memory.capacityPerGPU)"
    }
}
