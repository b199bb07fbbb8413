import Dispatch
import Foundation

/// Writes batches into the store on a thread of its own, so the workers process the next batch
/// while the last one is written. Small batches are gathered into transactions of about
/// `transactionBytes` (the full-text index costs less per byte in larger transactions: fewer,
/// larger segments to merge). At most two transactions wait: memory stays bounded whatever the corpus.
final class StoreWriter: @unchecked Sendable {
    private let store: ArchiveStore
    private let run: Int64
    private let version: String
    private let transactionBytes: Int
    /// Gathered on the submitting thread, not yet queued.
    private var pending = ArchiveStore.Batch()
    private var pendingBytes = 0
    private let queue = DispatchQueue(label: "vanthu.store-writer")
    private let slots = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    private var failure: (any Error)?
    private var nanoseconds: UInt64 = 0

    init(store: ArchiveStore, run: Int64, version: String, transactionBytes: Int = 4 << 20) {
        self.store = store
        self.run = run
        self.version = version
        self.transactionBytes = transactionBytes
    }

    /// Adds a batch to the next transaction, which is queued once it holds `transactionBytes` of
    /// records; waits while two transactions are already queued. Throws the first write error.
    /// Called from one thread.
    func submit(_ batch: ArchiveStore.Batch) throws {
        try check()
        pending.append(batch)
        pendingBytes += batch.archived.reduce(0) { $0 + $1.record.json.count + $1.record.searchBody.utf8.count }
        if pendingBytes >= transactionBytes { try flush() }
    }

    private func flush() throws {
        let batch = pending
        pending = ArchiveStore.Batch()
        pendingBytes = 0
        guard !batch.isEmpty else { return }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            let start = DispatchTime.now().uptimeNanoseconds
            do { try store.apply(batch, run: run, extractorVersion: version) } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
            let spent = DispatchTime.now().uptimeNanoseconds - start
            lock.withLock { nanoseconds += spent }
        }
    }

    /// Waits for every queued batch; throws the first write error. Returns the seconds spent writing.
    func finish() throws -> Double {
        try flush()
        queue.sync {}
        try check()
        return lock.withLock { Double(nanoseconds) / 1e9 }
    }

    private func check() throws {
        if let error = lock.withLock({ failure }) { throw error }
    }
}
