import Dispatch
import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

/// Scheduling: the plan's files go through the stages on `workers` threads; their outcomes come
/// back in the plan's order on the calling thread, which counts them in the report and gathers
/// the store's rows into batches for the two writers (`StoreWriter`: the store's and the search
/// index's, each on a thread of its own). At most `window` outcomes wait to be counted, and the
/// writers hold at most a few transactions, so memory does not grow with the corpus.
struct DocumentScheduler {
    var stages: Pipeline.DocumentStages
    /// Worker threads running the stages.
    var workers: Int

    init(stages: Pipeline.DocumentStages, jobs: Int?) {
        self.stages = stages
        workers = min(Pipeline.maximumJobs, max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Files handed to the writer at once.
    var batchSize: Int { max(8, workers * 8) }
    /// Outcomes made but not yet counted, at most: enough that the workers carry on while a
    /// writer commits (a few hundred small files), bounded by `bytesInFlight` for large ones.
    var window: Int { workers * 128 }
    /// Input bytes of the files being processed or waiting to be counted, at most (one file is
    /// always let through, whatever its size). A prepared record holds about three times its
    /// file's size (text, JSON, folded text) until the writers take it.
    static let bytesInFlight = 12 << 20

    /// Runs every item through the stages, counts each outcome in `report` and hands its rows to
    /// `writer`, in the items' order. Returns the time spent in each stage (summed over workers).
    /// Throws the first error of the store's writer.
    func run(_ items: [IncrementalPlan.Item], version: String, writer: StoreWriter, report: inout RunReport,
             started: DispatchTime, progress: ((RunProgress) -> Void)?) throws -> StageTimings {
        var timings = StageTimings()
        var batch = ArchiveStore.Batch()
        var inBatch = 0
        let stages = stages
        try Self.orderedMap(items, workers: workers, window: window, cost: { $0.file.size }, budget: Self.bytesInFlight) { item -> (Pipeline.DocumentStages.Outcome, StageTimings) in
            var timings = StageTimings()
            let outcome = stages.outcome(item.file, knownSHA256: item.previous?.sha256, timings: &timings, keepingLargeText: false)
            return (outcome, timings)
        } consume: { index, result in
            let (outcome, itemTimings) = result
            timings.add(itemTimings)
            report.count(outcome, of: items[index].file)
            batch.add(outcome, of: items[index], version: version)
            inBatch += 1
            if inBatch == batchSize || index == items.count - 1 {
                try writer.submit(batch)
                batch = ArchiveStore.Batch()
                inBatch = 0
                progress?(RunProgress(done: report.skipped + report.processed, total: report.inputsFound, bytes: report.bytesRead,
                                      quarantined: report.quarantined.count,
                                      elapsed: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9))
            }
        }
        return timings
    }

    /// Maps `items` on `workers` threads and hands each result to `consume` on the calling thread, in
    /// the items' order. Workers take the next item as soon as they are free (no barrier between
    /// batches, so one long document does not idle the other cores); at most `window` results wait
    /// to be consumed, and at most `budget` of the items' `cost` (but always one item a worker). When
    /// `consume` throws, workers stop taking items and the error is rethrown.
    ///
    /// The workers are threads of their own, at a lower priority (`WorkerThreads`): the calling
    /// thread and the writers it feeds are the run's serial chain, and the workers use what the
    /// chain leaves of the processor instead of taking their share of it.
    static func orderedMap<T: Sendable, R: Sendable>(_ items: [T], workers: Int, window: Int, cost: (T) -> Int = { _ in 0 },
                                                     budget: Int = .max, _ transform: @escaping @Sendable (T) -> R,
                                                     consume: (Int, R) throws -> Void) throws {
        guard !items.isEmpty else { return }
        let ring = OrderedRing<R>(window: max(1, window), costs: items.map(cost), budget: budget, floor: workers)
        let threads = WorkerThreads(count: min(workers, items.count)) {
            while let index = ring.claim() {
                ring.put(index, transform(items[index]))
            }
        }
        defer {
            ring.cancel()
            threads.join()
            SchedulingTrace.shared.add(workersWaiting: ring.claimWaitNanoseconds, consumerWaiting: ring.takeWaitNanoseconds)
        }
        for index in 0..<items.count {
            try consume(index, ring.take(index))
        }
    }
}

extension ArchiveStore.Batch {
    /// Adds the store's rows for what became of one file: its source row, and its record or its
    /// quarantine entry. A file whose bytes did not change only has its source row touched.
    mutating func add(_ outcome: Pipeline.DocumentStages.Outcome, of item: IncrementalPlan.Item, version: String) {
        let file = item.file
        var source = ArchiveStore.SourceRow(location: file.path, root: item.root, path: file.relativePath, size: file.size,
                                            mtime: file.modified?.timeIntervalSince1970 ?? 0, sha256: nil, documentId: nil,
                                            status: .archived, extractorVersion: version)
        switch outcome {
        case .unchanged(let sha):
            source.sha256 = sha
            source.documentId = item.previous?.documentId
            touched.append(source)
        case .quarantined(let failure):
            source.status = .quarantined
            quarantined.append(.init(source, .init(stage: failure.stage, reason: failure.reason)))
        case .archived(let prepared, _):
            source.sha256 = prepared.record.source.sha256
            source.documentId = prepared.record.id
            archived.append(.init(prepared.forStore, source))
        }
    }
}

/// The hand-over between `orderedMap`'s workers and its consumer: item indices are claimed in
/// order, and a worker may claim index i only once the consumer has taken i - window, and only
/// while the items claimed and not yet taken cost no more than the budget (or fewer than `floor`
/// items are claimed and not yet taken: one a worker, whatever their size).
final class OrderedRing<R>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [R?]
    private let costs: [Int]
    private let budget: Int
    private let floor: Int
    /// The cost of the items claimed and not yet taken.
    private var inFlight = 0
    private var next = 0
    private var taken = 0
    private var cancelled = false
    /// Time workers waited for room, and the consumer for a result (for `SchedulingTrace`).
    private(set) var claimWaitNanoseconds: UInt64 = 0
    private(set) var takeWaitNanoseconds: UInt64 = 0

    /// `costs`: one per item (the item count); `budget`: the most their in-flight sum may reach.
    init(window: Int, costs: [Int], budget: Int = .max, floor: Int = 1) {
        slots = Array(repeating: nil, count: window)
        self.costs = costs
        self.budget = budget
        self.floor = max(1, floor)
    }

    private var full: Bool {
        next - taken >= slots.count || (next - taken >= floor && inFlight + costs[next] > budget)
    }

    /// The next index to process, waiting while the window is full; nil when none is left.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        if !cancelled && next < costs.count && full {
            let start = DispatchTime.now().uptimeNanoseconds
            while !cancelled && next < costs.count && full { condition.wait() }
            claimWaitNanoseconds &+= DispatchTime.now().uptimeNanoseconds &- start
        }
        guard !cancelled, next < costs.count else { return nil }
        inFlight += costs[next]
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ value: R) {
        condition.lock()
        slots[index % slots.count] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The result of `index`, waiting for it.
    func take(_ index: Int) -> R {
        condition.lock()
        defer { condition.unlock() }
        if slots[index % slots.count] == nil {
            let start = DispatchTime.now().uptimeNanoseconds
            while slots[index % slots.count] == nil { condition.wait() }
            takeWaitNanoseconds &+= DispatchTime.now().uptimeNanoseconds &- start
        }
        let value = slots[index % slots.count]!
        slots[index % slots.count] = nil
        taken = index + 1
        inFlight -= costs[index]
        condition.broadcast()
        return value
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
