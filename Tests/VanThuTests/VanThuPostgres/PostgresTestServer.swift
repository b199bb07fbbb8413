import Foundation
import Testing
@testable import VanThuPostgres

/// The PostgreSQL server the tests use: `VANTHU_TEST_POSTGRES_URL` (set by .ci/run, which starts
/// `tools/pg-cluster`). Each test gets a database of its own, dropped afterwards. Without the
/// variable the PostgreSQL tests are skipped, with the reason printed; on CI (`CI=true`) that is a
/// failure instead (`serverIsGivenOnCI`), so CI cannot skip them silently.
enum PostgresTestServer {
    static var url: String? {
        let value = ProcessInfo.processInfo.environment["VANTHU_TEST_POSTGRES_URL"]
        return value?.isEmpty == false ? value : nil
    }

    static var available: Bool {
        if url == nil { reportSkipOnce }
        return url != nil
    }

    static let skipReason: Comment = "VANTHU_TEST_POSTGRES_URL is not set: start a server with `tools/pg-cluster start` and export its URL"

    private static let reportSkipOnce: Void = {
        print("PostgreSQL tests skipped: VANTHU_TEST_POSTGRES_URL is not set (tools/pg-cluster start prints a URL for it)")
    }()

    /// A new, empty database (made from template1, which holds unaccent and pg_trgm); its URL.
    /// Dropped by `drop`.
    static func makeDatabase() throws -> (url: String, name: String) {
        let base = try PostgresLocation(url: url!)
        let name = "vt_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let link = PostgresLink(base)
        defer { link.close() }
        try link.withSession { try $0.execute("CREATE DATABASE \(name) TEMPLATE template1") }
        var components = URLComponents(string: url!)!
        components.path = "/" + name
        return (components.string!, name)
    }

    static func drop(_ name: String) {
        guard let base = try? PostgresLocation(url: url!) else { return }
        let link = PostgresLink(base)
        defer { link.close() }
        _ = try? link.withSession { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    /// Runs `body` with a fresh database's URL, dropping it afterwards.
    static func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
        let (url, name) = try makeDatabase()
        defer { drop(name) }
        return try body(url)
    }

    /// A statement on the database at `url`, as the test's own connection.
    @discardableResult
    static func sql(_ url: String, _ text: String) throws -> [[String?]] {
        let link = PostgresLink(try PostgresLocation(url: url))
        defer { link.close() }
        return try link.withSession { session in
            try session.query(text).map { row in row.makeRandomAccess().map { cell in try? cell.decode(String?.self) ?? nil } }
        }
    }
}

struct PostgresTestServerTests {
    /// On CI the PostgreSQL tests must run: a missing server is a failure, not a skip.
    @Test func serverIsGivenOnCI() {
        let onCI = ProcessInfo.processInfo.environment["CI"] == "true"
        if onCI {
            #expect(PostgresTestServer.url != nil, "CI=true but VANTHU_TEST_POSTGRES_URL is not set: .ci/run must start tools/pg-cluster")
        } else if PostgresTestServer.url == nil {
            print("PostgreSQL tests skipped: VANTHU_TEST_POSTGRES_URL is not set")
        }
    }
}
