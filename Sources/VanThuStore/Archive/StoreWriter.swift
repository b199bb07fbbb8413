import Dispatch
import Foundation

/// Writes batches into the store on threads of their own, so the workers process the next batch
/// while the last one is written: one thread writes the store (records, sources, facts), another
/// the full-text index, which is a file of its own so the two commit side by side. Small batches
/// are gathered into larger transactions. At most two transactions are queued or being written on
/// each writer: memory stays bounded whatever the corpus.
package final class StoreWriter: @unchecked Sendable {
    private let store: any RecordStore
    /// The SQLite store's full-text index, written on its own thread; nil for a store that indexes
    /// in the same transaction as the records (PostgreSQL).
    private let index: SearchIndex?
    private let run: Int64
    private let version: String
    private let transactionBytes: Int
    /// Gathered on the submitting thread, not yet queued.
    private var pending = ArchiveStore.Batch()
    private var pendingBytes = 0
    private let indexTransactionBytes: Int
    private var pendingEntries: [SearchIndex.Entry] = []
    private var pendingEntryBytes = 0
    private let storeLane: Lane
    private let indexLane: Lane
    /// A record's JSON from this size on is large: its document is written alone, its index
    /// entry first, then the store's row, and a run that wrote one lets the index's writer finish
    /// before the export reads the store. Each of them holds copies of the document (SQLite makes
    /// its own of a row as it writes it): one after the other, not all at once (issue 14, item 8).
    package static let largeRecordBytes = 4 << 20
    /// Whether a large record was submitted.
    package private(set) var wroteLargeRecord = false

    /// One writing thread and its queue.
    private final class Lane: @unchecked Sendable {
        let queue: DispatchQueue
        let slots: DispatchSemaphore
        let lock = NSLock()
        var failure: (any Error)?
        var nanoseconds: UInt64 = 0

        /// `depth`: how many transactions may be queued or running at once.
        init(_ label: String, depth: Int) {
            queue = DispatchQueue(label: label)
            slots = DispatchSemaphore(value: depth)
        }

        /// Runs `work` on the lane's thread after what is queued; waits while `depth` are queued.
        func submit(_ work: @escaping @Sendable () throws -> Void) {
            if slots.wait(timeout: .now()) == .timedOut {
                let start = DispatchTime.now().uptimeNanoseconds
                slots.wait()
                SchedulingTrace.shared.add("submitter waiting for \(queue.label)", nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
            }
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

    package init(store: any RecordStore, run: Int64, version: String, transactionBytes: Int = 4 << 20, indexTransactionBytes: Int = 8 << 20) {
        self.store = store
        index = (store as? ArchiveStore)?.index
        self.indexTransactionBytes = indexTransactionBytes
        self.run = run
        self.version = version
        self.transactionBytes = transactionBytes
        storeLane = Lane("vanthu.store-writer", depth: 2)
        // One index transaction written, one waiting, while the next is gathered: a commit that
        // merges segments takes several times as long as one that does not, and with one
        // waiting the store's writer and the workers carry on meanwhile.
        indexLane = Lane("vanthu.index-writer", depth: 2)
    }

    /// Adds a batch to the next transactions: the store's is queued once it holds
    /// `transactionBytes` of records, the index's once it holds `indexTransactionBytes` of text
    /// (FTS5 writes a segment at each commit, and fewer, larger segments mean less merging:
    /// measured on 50 MB, 16 MB transactions with a 16 MB hash cut the index's CPU by 12% and its
    /// writes from 186 to 116 MB; 8 MB, kept for memory, about 5% and 158 MB). Waits while two transactions are already queued on a writer.
    /// Throws the first write error. Called from one thread.
    package func submit(_ batch: ArchiveStore.Batch) throws {
        try check()
        let large = batch.archived.contains { $0.record.json.count >= Self.largeRecordBytes }
        if large {
            // What is queued is written before the large document is taken up.
            wroteLargeRecord = true
            flushStore()
            flushIndex()
            _ = storeLane.drain()
            _ = indexLane.drain()
        }
        var batch = batch
        for position in batch.archived.indices {
            let entry = batch.archived[position].record.search
            if index != nil {
                pendingEntries.append(entry)
                // The strings and what each entry costs besides (measured: about 200 bytes).
                pendingEntryBytes += entry.bodyBytes + entry.title.utf8.count + entry.units.utf8.count + 256
            }
            // The store does not need the folded text: not held twice while its transaction waits.
            batch.archived[position].record.search = .init(id: entry.id)
        }
        pending.append(batch)
        pendingBytes += batch.archived.reduce(0) { $0 + $1.record.json.count }
        if large {
            // The index's entry first, so its folded text is gone before SQLite assembles the
            // store's row (a copy of the JSON) beside the JSON: text, JSON and row were held at once.
            flushIndex()
            _ = indexLane.drain()
            flushStore()
            _ = storeLane.drain()
            return
        }
        if pendingBytes >= transactionBytes { flushStore() }
        if pendingEntryBytes >= indexTransactionBytes { flushIndex() }
    }

    private func flushStore() {
        let batch = pending
        pending = ArchiveStore.Batch()
        pendingBytes = 0
        guard !batch.isEmpty else { return }
        let (store, run, version) = (store, run, version)
        storeLane.submit { try store.apply(batch, run: run, extractorVersion: version) }
    }

    private func flushIndex() {
        let entries = pendingEntries
        pendingEntries = []
        pendingEntryBytes = 0
        guard let index, !entries.isEmpty else { return }
        let run = run
        indexLane.submit {
            try index.apply(entries, run: run)
            for entry in entries where entry.bodyBytes > index.segmentBytes { entry.releaseBody() }
        }
    }

    /// Queues what is gathered and waits for the store's writer to write everything queued;
    /// throws its first error. Returns the seconds it spent writing. The index's writer may still
    /// be writing: what reads the store alone (the export) can go on meanwhile.
    package func finishStore() throws -> Double {
        flushStore()
        flushIndex()
        let seconds = storeLane.drain()
        try check()
        return seconds
    }

    /// Waits for the index's writer (after `finishStore()`). Returns the seconds it spent writing,
    /// and its first write error: the index is derived data, so a failure there (a damaged file)
    /// does not fail the run, which rebuilds the index from the store instead.
    package func finishIndex() -> (seconds: Double, failure: (any Error)?) {
        flushIndex()
        let seconds = indexLane.drain()
        return (seconds, indexLane.lock.withLock { indexLane.failure })
    }

    private func check() throws {
        try storeLane.check()
    }
}
