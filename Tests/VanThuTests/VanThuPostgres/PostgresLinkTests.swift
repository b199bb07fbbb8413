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
}
