import PlanKit
internal import PlanRecord

/// Plans made by the program that do not fit the GPUs' memory, by the statement that made them; reported as
/// warnings when the program ends, except those acknowledged (`Deployment.acknowledgingMisfit()`).
enum Misfits {
    nonisolated(unsafe) private static var pending: [(place: PlanRecord.Place, plan: Deployment)] = []
    nonisolated(unsafe) private static var acknowledged: Set<Deployment> = []

    /// Starts listening to PlanKit (once, before the first cell).
    static func observe() {
        DeploymentObserver.made = { plan in
            guard !plan.memory.fits else { return }
            pending.append((PlanbookCells.place, plan))
        }
        DeploymentObserver.acknowledged = { acknowledged.insert($0) }
    }

    /// One warning per statement that made plans that do not fit and were not acknowledged.
    static func report() {
        var places: [PlanRecord.Place] = []
        var plans: [PlanRecord.Place: [Deployment]] = [:]
        for (place, plan) in pending where !acknowledged.contains(plan) {
            if plans[place] == nil { places.append(place) }
            if !(plans[place]?.contains(plan) ?? false) { plans[place, default: []].append(plan) }
        }
        for place in places {
            let made = plans[place] ?? []
            let more = made.count > 1 ? " (and \(made.count - 1) more plan\(made.count > 2 ? "s" : "") made here)" : ""
            RecordChannel.send(.warning(place, message: "\(made[0].misfitDescription); its figures describe a plan "
                + "that cannot run\(more); if it is shown on purpose, say so with .acknowledgingMisfit()"))
        }
    }
}
