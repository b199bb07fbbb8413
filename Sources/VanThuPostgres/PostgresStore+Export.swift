import Foundation
import PostgresNIO
import VanThuStore

/// One export for many workers. Every worker that shares the store ends its run the same way, but
/// only one should write the archive files: at 10 million documents an export is hundreds of
/// gigabytes. So a worker, once its files are committed, says it has finished ingesting
/// (`runs.ingested_at`), then takes the store's export lock (an advisory lock: one worker at a
/// time decides and exports). Holding it, it looks for runs still ingesting, and watches each
/// until its heartbeat renews `alive_until` (it is alive: within 5 s) or its
/// `alive_until` passes (it was killed: within a lease). If some are alive, the last of them
/// will export, and this worker leaves it to them; if not, it is the last, and it exports unless
/// the store has not changed since the last export (the export state is the store's own,
/// `exportKey` "archive"). So a worker killed with -9 never keeps the archive from being exported.
///
/// Why this cannot miss a record: a worker marks itself done ingesting only after its last
/// commit, and the exporter reads the store after seeing every other run done (or dead). A worker
/// that finishes while the last one exports waits for the lock, then finds the generation it
/// would export already exported, and writes nothing.
extension PostgresStore {
    /// The advisory lock's key (beside the migrations' 7419001).
    static let exportLockKey: Int64 = 7_419_002

    public var isShared: Bool { true }

    public func asExporter<T>(run: Int64, _ body: (_ stillIngesting: [String]) throws -> T) throws -> T {
        try link.retrying { session in
            try session.query("UPDATE runs SET ingested_at = clock_timestamp() WHERE id = $1", [.int(run)])
        }
        return try link.withSession { session in
            // Waited for without a statement that blocks (an export may outlast any statement timeout).
            while try !session.query("SELECT pg_try_advisory_lock($1)", [.int(Self.exportLockKey)])[0].value(0, as: Bool.self) {
                Thread.sleep(forTimeInterval: 0.2)
            }
            defer { _ = try? session.query("SELECT pg_advisory_unlock($1)", [.int(Self.exportLockKey)]) }
            var firstSeen: [Int64: String] = [:]
            while true {
                let others = try session.query("""
                    SELECT id, worker || ' (run ' || id || ')', alive_until::text FROM runs WHERE id <> $1 AND ingested_at IS NULL
                        AND finished_at IS NULL AND alive_until > clock_timestamp() ORDER BY id
                    """, [.int(run)]).map { (try $0.value(0, as: Int64.self), try $0.value(1, as: String.self), try $0.value(2, as: String.self)) }
                // Alive: renewed since first seen here. Not yet: look again (a dead one drops out within a lease).
                var unconfirmed = false
                for (id, _, until) in others where firstSeen[id] == nil || firstSeen[id] == until {
                    if firstSeen[id] == nil { firstSeen[id] = until }
                    unconfirmed = true
                }
                if !unconfirmed { return try body(others.map(\.1)) }
                Thread.sleep(forTimeInterval: min(1, Self.leaseSeconds / 8))
            }
        }
    }
}
