import Foundation
import Testing
@testable import VanThuPostgres

/// The link's answer when the server ends a session between two statements of one unit of work:
/// a lost connection at once (postgres-nio never answers a statement written after the channel
/// closed; PGSession.wait watches the close), not a wait for the statement timeout.
@Suite(.enabled(if: PostgresTestServer.available, PostgresTestServer.skipReason))
struct PostgresLinkTests {
    @Test func aStatementAfterTheServerEndedTheSessionFailsAtOnce() throws {
        try PostgresTestServer.withDatabase { url in
            let link = PostgresLink(try PostgresLocation(url: url))
            defer { link.close() }
            link.queryTimeout = 120
            let started = Date()
            #expect(throws: PostgresStoreError.self) {
                try link.withSession { session in
                    try session.query("BEGIN")
                    let pid = try session.query("SELECT pg_backend_pid()")[0].value(0, as: Int32.self)
                    try PostgresTestServer.sql(url, "SELECT pg_terminate_backend(\(pid))")
                    // The channel closed (and NIO took its handlers away) before the next statement.
                    let deadline = Date().addingTimeInterval(60)
                    while !session.connection.isClosed && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
                    try session.connection.closeFuture.wait()
                    try session.query("SELECT 1")
                }
            }
            #expect(Date().timeIntervalSince(started) < 60, "waited for the statement timeout: the close was not seen")
            // The link goes on with a new connection.
            #expect(try link.retrying { try $0.query("SELECT 2")[0].value(0, as: Int32.self) } == 2)
        }
    }

    /// Each statement's answer is let go when the statement is done: a watcher registered on the
    /// connection's close for every statement kept every answer (its rows too) for the life of
    /// the connection, and `vanthu serve` on PostgreSQL grew by megabytes a search.
    @Test func aConnectionKeepsNoAnswerAfterItsStatement() throws {
        try PostgresTestServer.withDatabase { url in
            let link = PostgresLink(try PostgresLocation(url: url))
            defer { link.close() }
            let before = Self.residentMegabytes()
            // 200 answers of 1 MB on one pooled connection: 200 MB if each were kept.
            for _ in 0..<200 {
                let text = try link.retrying { try $0.query("SELECT repeat('x', 1048576)")[0].value(0, as: String.self) }
                #expect(text.utf8.count == 1_048_576)
            }
            let grown = Self.residentMegabytes() - before
            #expect(grown < 100, "resident memory grew by \(grown) MB over 200 answers of 1 MB")
        }
    }

    @Test func theCloseWatchHoldsItsWaiterOnlyWhileItWaits() {
        final class Probe: Waking, @unchecked Sendable {
            var woken = 0
            func signal() { woken += 1 }
        }
        let watch = CloseWatch()
        weak var released: Probe?
        do {
            let probe = Probe()
            released = probe
            watch.begin(probe)
            watch.end()
        }
        #expect(released == nil)
        // A close wakes the one waiting, and anyone who begins to wait after it, at once.
        let waiting = Probe()
        watch.begin(waiting)
        watch.closed()
        #expect(waiting.woken == 1)
        watch.end()
        let late = Probe()
        watch.begin(late)
        #expect(late.woken == 1)
    }

    /// The process's resident memory (VmRSS), in MB.
    static func residentMegabytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
}
