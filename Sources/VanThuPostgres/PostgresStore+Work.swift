import Foundation
import PostgresNIO
import VanThuStore

/// The work queue that lets many `vanthu run` processes share one ingest. Each worker walks its
/// input roots and plans as a lone run would; it then puts its pending files in `work` (a file
/// already queued is left as it is, one done at another size or mtime is queued again) and takes
/// them a few at a time with `SELECT … FOR UPDATE SKIP LOCKED`, so two workers never take the
/// same file. A claim holds a lease, renewed by the worker's heartbeat while it lives: a worker
/// killed with -9 stops renewing, its lease runs out, and another worker takes its files. The
/// batch that writes a file's record marks it done in the same transaction, so a file is done
/// exactly when its record is committed.
extension PostgresStore {
    /// A file for the queue: where it is, its root (workers take only files of the roots they
    /// walked), and the size and mtime it was planned at.
    public struct QueuedFile: Sendable {
        public var location: String
        public var root: String
        public var size: Int
        public var mtime: Double

        public init(location: String, root: String, size: Int, mtime: Double) {
            self.location = location; self.root = root; self.size = size; self.mtime = mtime
        }
    }

    /// How long a claim lasts without renewal: `VANTHU_PG_LEASE_SECONDS`, else 60 s.
    public static var leaseSeconds: Double {
        ProcessInfo.processInfo.environment["VANTHU_PG_LEASE_SECONDS"].flatMap(Double.init).map { max(0.5, $0) } ?? 60
    }

    /// Queues `files` (in slices, one transaction each).
    public func enqueue(_ files: [QueuedFile]) throws {
        for start in stride(from: 0, to: files.count, by: 5000) {
            let slice = files[start..<min(files.count, start + 5000)]
            try link.retrying { session in
                try session.query("""
                    INSERT INTO work (location, root, size, mtime)
                    SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::float8[])
                    ON CONFLICT (location) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, done = false,
                        owner = NULL, lease_until = NULL
                    WHERE work.done AND (work.size, work.mtime) IS DISTINCT FROM (excluded.size, excluded.mtime)
                    """, [.texts(slice.map(\.location)), .texts(slice.map(\.root)), .int8s(slice.map { Int64($0.size) }),
                          .float8s(slice.map(\.mtime))])
            }
        }
    }

    /// Takes up to `limit` files of `roots` that nobody holds (never claimed, or whose lease ran
    /// out), in location order, for `owner`. Empty when none is free now (others may hold some).
    public func claim(roots: [String], owner: String, limit: Int, lease: Double = PostgresStore.leaseSeconds) throws -> [String] {
        try link.retrying { session in
            try session.query("""
                UPDATE work SET owner = $1, lease_until = clock_timestamp() + make_interval(secs => $2), claims = claims + 1
                WHERE location IN (
                    SELECT location FROM work WHERE NOT done AND root = ANY($3) AND (lease_until IS NULL OR lease_until < clock_timestamp())
                    ORDER BY root, location LIMIT $4 FOR UPDATE SKIP LOCKED)
                RETURNING location
                """, [.text(owner), .double(lease), .texts(roots), .int(Int64(limit))]).map { try $0.value(0, as: String.self) }
        }
    }

    /// Files of `roots` not done yet, held or not (0: the ingest of these roots is over).
    public func openWork(roots: [String]) throws -> Int {
        try link.retrying { session in
            Int(try session.query("SELECT count(*) FROM work WHERE NOT done AND root = ANY($1)", [.texts(roots)])[0].value(0, as: Int64.self))
        }
    }

    /// Renews the leases of every file `owner` holds.
    public func renewLeases(owner: String, lease: Double = PostgresStore.leaseSeconds) throws {
        try link.retrying { session in
            try session.query("UPDATE work SET lease_until = clock_timestamp() + make_interval(secs => $2) WHERE owner = $1 AND NOT done",
                              [.text(owner), .double(lease)])
        }
    }

    /// Marks files done without a record written: ones a worker claimed but did not plan (it saw
    /// them unchanged, or another worker did them while it walked).
    public func settle(_ locations: [String]) throws {
        guard !locations.isEmpty else { return }
        try link.retrying { session in
            try session.query("UPDATE work SET done = true, owner = NULL, lease_until = NULL WHERE location = ANY($1) AND NOT done",
                              [.texts(locations)])
        }
    }

    /// Lets go of the files `owner` still holds (a worker stopping cleanly with work undone).
    public func release(owner: String) throws {
        try link.retrying { session in
            try session.query("UPDATE work SET owner = NULL, lease_until = NULL WHERE owner = $1 AND NOT done", [.text(owner)])
        }
    }

    /// How often a heartbeat beats: every third of a lease, at least every 5 s (so that a worker
    /// waiting to export learns soon that another is alive, whatever the lease).
    static func beatInterval(lease: Double) -> Double { min(lease / 3, 5) }

    /// Renews `owner`'s leases on a thread of its own (`beatInterval`), until `stop()`.
    public final class Heartbeat: @unchecked Sendable {
        private let condition = NSCondition()
        private var stopped = false
        private var thread: Thread?

        public convenience init(store: PostgresStore, owner: String, lease: Double = PostgresStore.leaseSeconds) {
            self.init(every: PostgresStore.beatInterval(lease: lease)) { [weak store] in
                guard let store else { return false }
                try? store.renewLeases(owner: owner, lease: lease)
                return true
            }
        }

        /// Calls `beat` every `interval` seconds until `stop()`, or until `beat` returns false.
        init(every interval: Double, _ beat: @escaping @Sendable () -> Bool) {
            let thread = Thread { [self] in
                while true {
                    condition.lock()
                    if !stopped { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
                    let done = stopped
                    condition.unlock()
                    if done || !beat() { return }
                }
            }
            self.thread = thread
            thread.start()
        }

        public func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
