import Foundation
import Testing
@testable import VanThuStore
@testable import VanThuPostgres

/// The work queue in-process, with short leases given to each call (no environment, no sleeps
/// that guess): a claim is exclusive, a lease renewed is kept, a lease that ran out is taken by
/// another owner, and a run whose heartbeat stopped no longer counts as one still ingesting.
@Suite(.enabled(if: PostgresTestServer.available, PostgresTestServer.skipReason))
struct PostgresWorkQueueTests {
    static func queue(_ store: PostgresStore, count: Int) throws {
        try store.enqueue((0..<count).map { PostgresStore.QueuedFile(location: "r:f\($0)", root: "r", size: $0, mtime: 1) })
    }

    /// Waits (up to a minute) until `condition` holds; false if it never did.
    static func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test func claimsAreExclusiveAndExpiredLeasesAreTakenByAnother() throws {
        try PostgresTestServer.withDatabase { url in
            let store = try PostgresStore(url: url)
            try Self.queue(store, count: 10)
            let a = try store.claim(roots: ["r"], owner: "a", limit: 4, lease: 600)
            let b = try store.claim(roots: ["r"], owner: "b", limit: 100, lease: 600)
            #expect(a.count == 4 && b.count == 6 && Set(a).isDisjoint(with: b))
            #expect(try store.claim(roots: ["r"], owner: "c", limit: 100, lease: 600).isEmpty)
            #expect(try store.openWork(roots: ["r"]) == 10)
            // a's lease made short, as if the clock had run: c takes a's files, never b's.
            try store.renewLeases(owner: "a", lease: 0.05)
            var taken: [String] = []
            #expect(try Self.eventually {
                taken += try store.claim(roots: ["r"], owner: "c", limit: 100, lease: 600)
                return taken.count == 4
            })
            #expect(Set(taken) == Set(a))
            try store.settle(taken + b)
            #expect(try store.openWork(roots: ["r"]) == 0)
        }
    }

    @Test func aHeartbeatKeepsALeaseThatWouldOtherwiseRunOut() throws {
        try PostgresTestServer.withDatabase { url in
            let store = try PostgresStore(url: url)
            try Self.queue(store, count: 3)
            #expect(try store.claim(roots: ["r"], owner: "a", limit: 3, lease: 5).count == 3)
            let beats = BeatCounter()
            let heartbeat = PostgresStore.Heartbeat(every: 0.05) {
                try? store.renewLeases(owner: "a", lease: 5)
                beats.add()
                return true
            }
            // Many renewals later (each giving 5 s more), nobody else has taken them.
            #expect(Self.eventually { beats.value >= 30 })
            #expect(try store.claim(roots: ["r"], owner: "b", limit: 3, lease: 600).isEmpty)
            heartbeat.stop()
            #expect(try Self.eventually { try store.claim(roots: ["r"], owner: "b", limit: 3, lease: 600).count == 3 })
        }
    }

    @Test func theLastRunToFinishIngestingExportsAndADeadOneIsNotWaitedFor() throws {
        try PostgresTestServer.withDatabase { url in
            let first = try PostgresStore(url: url), second = try PostgresStore(url: url)
            let one = try first.beginRun(), two = try second.beginRun()
            // One is still ingesting (its heartbeat beats): two leaves the export to it.
            let told = try second.asExporter(run: two) { $0 }
            #expect(told.count == 1 && told[0].contains("run \(one)"))
            // One finishes last: nobody is left ingesting, one exports.
            #expect(try first.asExporter(run: one) { $0 }.isEmpty)
            // A third run that died (its alive_until in the past, no heartbeat) is not waited for.
            try PostgresTestServer.sql(url, "INSERT INTO runs (worker, alive_until) VALUES ('gone:1', clock_timestamp() - interval '1 s')")
            let three = try first.beginRun()
            #expect(try first.asExporter(run: three) { $0 }.isEmpty)
            try first.finishRun(one, report: RunReport())
            #expect(try PostgresTestServer.sql(url, "SELECT count(*)::text FROM runs WHERE id = \(one) AND alive_until IS NULL") == [["1"]])
        }
    }
}

/// A count shared with a heartbeat's thread.
final class BeatCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
