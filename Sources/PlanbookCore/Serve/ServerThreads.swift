import Foundation

/// Threads of the preview server's own, on which its tasks run (a `TaskExecutor`, SE-0417) instead of Swift's
/// shared cooperative pool.
///
/// The cooperative pool has one thread per core. Work that blocks one of them — a rebuild started from the watcher,
/// or in the tests a build that waits for its plan programs — took the threads the server needed: on a machine with
/// two cores, two such waits left it none, and requests went unanswered for as long as they lasted. The server's
/// tasks, its sockets' actor and its deadlines prefer these threads (`withTaskExecutorPreference`), so nothing else
/// in the process can starve it, and nothing it does blocks the rest.
final class ServerThreads: TaskExecutor, @unchecked Sendable {
    /// The threads every preview server of the process shares.
    static let shared = ServerThreads(count: 2, name: "planbook-serve")

    private let condition = NSCondition()
    /// Jobs waiting to run, oldest first from `next`.
    private var jobs: [UnownedJob] = []
    private var next = 0

    /// Starts `count` threads named `name`, which run for the life of the process.
    init(count: Int, name: String) {
        for index in 0..<count {
            let thread = Thread { self.work() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            } else if next >= 1_024, next * 2 >= jobs.count {
                jobs.removeFirst(next)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
