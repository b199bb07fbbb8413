import Dispatch
import Foundation

/// Writes batches into the store on a thread of its own, so the workers process the next batch
/// while the last one is written. At most one batch waits: memory stays bounded whatever the corpus.
final class StoreWriter: @unchecked Sendable {
    private let store: ArchiveStore
    private let run: Int64
    private let version: String
    private let queue = DispatchQueue(label: "vanthu.store-writer")
    private let slots = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    private var failure: (any Error)?
    private var nanoseconds: UInt64 = 0

    init(store: ArchiveStore, run: Int64, version: String) {
        self.store = store
        self.run = run
        self.version = version
    }

    /// Queues a batch; waits while two batches are already queued. Throws the first write error.
    func submit(_ batch: ArchiveStore.Batch) throws {
        try check()
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
        queue.sync {}
        try check()
        return lock.withLock { Double(nanoseconds) / 1e9 }
    }

    private func check() throws {
        if let error = lock.withLock({ failure }) { throw error }
    }
}
