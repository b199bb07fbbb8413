import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore
import VanThuPostgres

/// A run on a shared PostgreSQL store: the plan's files go into the store's work queue, and this
/// worker takes them a few at a time (`PostgresStore.claim`, `FOR UPDATE SKIP LOCKED`) beside any
/// other workers on the same roots, until none is left undone. Files another worker holds are
/// waited for: if that worker dies, its leases run out and they are taken here. A heartbeat
/// renews this worker's leases while it lives, including those of files whose records wait in
/// the store writer's queue; the writer's transaction marks each file done.
enum WorkQueueRun {
    /// Files claimed at once: `VANTHU_PG_CLAIM`, else 32 a worker thread (a few seconds of work).
    static func claimSize(workers: Int) -> Int {
        ProcessInfo.processInfo.environment["VANTHU_PG_CLAIM"].flatMap(Int.init).map { max(1, $0) } ?? max(8, workers * 32)
    }

    static func run(_ plan: IncrementalPlan, inputs: [PipelineConfig.InputSpec], store: PostgresStore, runID: Int64,
                    scheduler: DocumentScheduler, version: String, writer: StoreWriter, report: inout RunReport,
                    started: DispatchTime, progress: ((RunProgress) -> Void)?) throws -> StageTimings {
        var timings = StageTimings()
        let roots = Array(Set(plan.pending.map(\.root))).sorted()
        guard !roots.isEmpty else { return timings }
        try store.enqueue(plan.pending.map {
            PostgresStore.QueuedFile(location: $0.file.path, root: $0.root, size: $0.file.size, mtime: $0.file.modified?.timeIntervalSince1970 ?? 0)
        })
        var planned: [String: IncrementalPlan.Item] = [:]
        for item in plan.pending where planned[item.file.path] == nil { planned[item.file.path] = item }
        let owner = "\(store.worker):run-\(runID)"
        let heartbeat = PostgresStore.Heartbeat(store: store, owner: owner)
        defer { heartbeat.stop() }
        let size = claimSize(workers: scheduler.workers)
        var storeSeconds = 0.0
        do {
            while true {
                let claimed = try store.claim(roots: roots, owner: owner, limit: size)
                if claimed.isEmpty {
                    // What this worker took is written first (the writer commits what it gathered).
                    storeSeconds = try writer.finishStore()
                    // The rest is held by other workers: wait for them to finish it, or for their leases to run out.
                    if try store.openWork(roots: roots) == 0 { break }
                    Thread.sleep(forTimeInterval: min(1, PostgresStore.leaseSeconds / 4))
                    continue
                }
                var items: [IncrementalPlan.Item] = []
                var unplanned: [String] = []
                for location in claimed {
                    if let item = planned.removeValue(forKey: location) { items.append(item) } else { unplanned.append(location) }
                }
                // Queued by a worker that saw them changed, but committed unchanged since: nothing to do.
                try store.settle(unplanned)
                if !items.isEmpty {
                    timings.add(try scheduler.run(items, version: version, writer: writer, report: &report, started: started, progress: progress))
                }
            }
            timings.add(.store, seconds: storeSeconds)
        } catch {
            // What this worker holds goes back to the queue at once rather than when its leases run out.
            heartbeat.stop()
            try? store.release(owner: owner)
            throw error
        }
        return timings
    }
}
