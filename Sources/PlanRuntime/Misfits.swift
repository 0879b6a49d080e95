import PlanKit
internal import PlanRecord

/// Plans that do not fit the GPUs' memory: each is a warning at the statement that made it, reported when the program
/// ends, and each figure of it carries a mark on the page — unless the program shows it on purpose, with
/// `Deployment.acknowledgingMisfit()` or an `expect` that reads its fit (`expect(!plan.memory.fits, …)`).
///
/// Shown plans are numbered in the order first shown (`PlanRecord.Plan.number`), so that an acknowledgement made after
/// a figure was shown still reaches it (`PlanRecord.planAcknowledged`).
enum Misfits {
    nonisolated(unsafe) private static var pending: [(place: PlanRecord.Place, plan: Deployment)] = []
    nonisolated(unsafe) private static var acknowledged: Set<Deployment> = []
    /// Each plan shown, with its number and whether it fits.
    nonisolated(unsafe) private static var shown: [Deployment: (number: Int, fits: Bool)] = [:]
    /// Whether an `expect`'s condition is being evaluated (a fit read then acknowledges its plan).
    nonisolated(unsafe) private static var expecting = false

    /// Starts listening to PlanKit (once, before the first cell).
    static func observe() {
        DeploymentObserver.made = { plan in
            guard !plan.memory.withinCapacity else { return }
            pending.append((PlanbookCells.place, plan))
        }
        DeploymentObserver.acknowledged = { acknowledge($0) }
        DeploymentObserver.fitChecked = { plan in
            if expecting { acknowledge(plan) }
        }
    }

    /// `condition`, evaluated so that every plan whose fit it reads counts as shown on purpose.
    static func expectation(_ condition: () -> Bool) -> Bool {
        let outer = expecting
        expecting = true
        defer { expecting = outer }
        return condition()
    }

    /// The record of `plan` as a figure describes it.
    static func record(_ plan: DisplayPlan) -> PlanRecord.Plan {
        let deployment = plan.deployment
        let entry = shown[deployment] ?? (shown.count + 1, plan.fits)
        shown[deployment] = entry
        return PlanRecord.Plan(
            name: plan.name, fits: entry.fits, misfit: entry.fits ? nil : deployment.misfitDescription,
            detail: plan.detail, number: entry.number, acknowledged: acknowledged.contains(deployment))
    }

    /// Notes that `plan` is shown on purpose; tells Planbook when figures of it that do not fit were shown already.
    private static func acknowledge(_ plan: Deployment) {
        guard acknowledged.insert(plan).inserted, let entry = shown[plan], !entry.fits else { return }
        RecordChannel.send(.planAcknowledged(number: entry.number))
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
                + "that cannot run\(more); if it is shown on purpose, say so with .acknowledgingMisfit() or an "
                + "expect(…) on its fit"))
        }
    }
}
