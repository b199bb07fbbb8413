import Dispatch
import Foundation

/// Writes batches into the store on threads of their own, so the workers process the next batch
/// while the last one is written: one thread writes the store (records, sources, facts), another
/// the full-text index, which is a file of its own so the two commit side by side. Small batches
/// are gathered into transactions of about `transactionBytes` (the full-text index costs less per
/// byte in larger transactions: fewer, larger segments to merge). At most two transactions wait
/// on each writer: memory stays bounded whatever the corpus.
final class StoreWriter: @unchecked Sendable {
    private let store: ArchiveStore
    private let run: Int64
    private let version: String
    private let transactionBytes: Int
    /// Gathered on the submitting thread, not yet queued.
    private var pending = ArchiveStore.Batch()
    private var pendingBytes = 0
    private let storeLane: Lane
    private let indexLane: Lane

    /// One writing thread and its queue.
    private final class Lane: @unchecked Sendable {
        let queue: DispatchQueue
        let slots = DispatchSemaphore(value: 2)
        let lock = NSLock()
        var failure: (any Error)?
        var nanoseconds: UInt64 = 0

        init(_ label: String) { queue = DispatchQueue(label: label) }

        /// Runs `work` on the lane's thread after what is queued; waits while two are queued.
        func submit(_ work: @escaping @Sendable () throws -> Void) {
            slots.wait()
            queue.async { [self] in
                defer { slots.signal() }
                guard lock.withLock({ failure == nil }) else { return }
                let start = DispatchTime.now().uptimeNanoseconds
                do { try work() } catch {
                    lock.withLock { if failure == nil { failure = error } }
                }
                let spent = DispatchTime.now().uptimeNanoseconds - start
                lock.withLock { nanoseconds += spent }
            }
        }

        func check() throws {
            if let error = lock.withLock({ failure }) { throw error }
        }

        /// Waits for everything queued; the seconds spent writing.
        func drain() -> Double {
            queue.sync {}
            return lock.withLock { Double(nanoseconds) / 1e9 }
        }
    }

    init(store: ArchiveStore, run: Int64, version: String, transactionBytes: Int = 4 << 20) {
        self.store = store
        self.run = run
        self.version = version
        self.transactionBytes = transactionBytes
        storeLane = Lane("vanthu.store-writer")
        indexLane = Lane("vanthu.index-writer")
    }

    /// Adds a batch to the next transaction, which is queued once it holds `transactionBytes` of
    /// records; waits while two transactions are already queued. Throws the first write error.
    /// Called from one thread.
    func submit(_ batch: ArchiveStore.Batch) throws {
        try check()
        pending.append(batch)
        pendingBytes += batch.archived.reduce(0) { $0 + $1.record.json.count + $1.record.search.body.utf8.count }
        if pendingBytes >= transactionBytes { flush() }
    }

    private func flush() {
        let batch = pending
        pending = ArchiveStore.Batch()
        pendingBytes = 0
        guard !batch.isEmpty else { return }
        let (store, run, version) = (store, run, version)
        storeLane.submit { try store.apply(batch, run: run, extractorVersion: version) }
        if let index = store.index, !batch.archived.isEmpty {
            indexLane.submit { try index.apply(batch.archived.map(\.record.search), run: run) }
        }
    }

    /// Waits for every queued batch; throws the first write error. Returns the seconds each
    /// writer spent writing.
    func finish() throws -> (store: Double, index: Double) {
        flush()
        let seconds = (storeLane.drain(), indexLane.drain())
        try check()
        return seconds
    }

    private func check() throws {
        try storeLane.check()
        try indexLane.check()
    }
}
