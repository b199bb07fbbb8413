import Foundation
import Testing
import VanThuPipeline
import VanThuStore
@testable import VanThuPostgres
@testable import VanThuServe

/// `vanthu serve` on a PostgreSQL store (issue 19): the same pages and API answers as on the
/// SQLite store of the same inputs. Runs when `VANTHU_TEST_POSTGRES_URL` names a server
/// (`tools/pg-cluster start`), as the PostgreSQL suites of VanThuTests do.
@Suite(.enabled(if: ServePostgres.serverURL != nil, "VANTHU_TEST_POSTGRES_URL is not set: start a server with `tools/pg-cluster start`"))
struct PostgresServeTests {
    static var serverURL: String? { ServePostgres.serverURL }

    /// A fresh database on the test server; dropped by the caller.
    static func makeDatabase() throws -> (url: String, drop: () -> Void) {
        let base = try PostgresLocation(url: serverURL!)
        let name = "vt_serve_" + UUID().uuidString.prefix(8).lowercased()
        let link = PostgresLink(base)
        try link.withSession { try $0.execute("CREATE DATABASE \(name) TEMPLATE template1") }
        var components = URLComponents(string: serverURL!)!
        components.path = "/" + name
        return (components.string!, {
            _ = try? link.withSession { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            link.close()
        })
    }

    /// The fixture documents run into a PostgreSQL store, served; and the SQLite archive of the
    /// same files (ServeFixture.shared).
    @Test func pagesAndAPIAnswerAsOnSQLite() throws {
        let (url, drop) = try Self.makeDatabase()
        defer { drop() }
        let folder = ServeFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = PipelineConfig(inputs: [PipelineConfig.InputSpec(path: ServeFixture.shared.input.path)])
        config.output.folder = folder.path
        config.store = .postgres(url: url)
        let report = try Pipeline(config: config, baseDirectory: folder).run()
        #expect(report.archived >= 4)
        let postgres = ServeApp(archive: ServedArchive(store: try PostgresStore(url: url, readOnly: true)))
        let sqlite = ServeFixture.app

        func id(_ name: String) -> String { ServeFixture.id(of: name) }
        let document = id("huong-dan-08.txt"), news = id("tin-dan-van-kheo.txt")
        var targets = [
            "/", "/units", "/units?q=son+lam", "/deadlines", "/counts", "/counts.csv",
            "/api/units", "/api/deadlines", "/api/counts",
            "/documents/\(document)", "/documents/\(news)", "/documents/\(String(document.prefix(6)))",
            "/api/documents/\(document)", "/api/documents/\(news)", "/documents/ffff0000ffff0000",
            // Filters only: ordered by date, then id, on both.
            "/?kind=dispatch", "/api/search?deadline=1", "/api/search?year=2024", "/?unit=UBND",
            // Words: ranked by each backend's own function; with these few documents, the same order.
            "/?q=d%C3%A2n+v%E1%BA%ADn", "/api/search?q=dan+van", "/api/search?q=%22d%C3%A2n+v%E1%BA%ADn%22&size=2&page=2",
            "/api/search?q=k%E1%BA%BF+ho%E1%BA%A1ch&kind=plan", "/api/search?q=zzzznothing", "/api/search?q=%3F%3F",
            "/api/search?q=ph%C6%B0%E1%BB%9Dng&deadline=1",
        ]
        if let unit = (ServeFixture.json(ServeFixture.get("/api/units")) as? [String: Any]).flatMap({ $0["units"] as? [[String: Any]] })?
            .first?["key"] as? String {
            targets += ["/units/" + URLText.component(unit), "/api/units/" + URLText.component(unit)]
        }
        var compared = 0
        for target in targets {
            let a = ServeFixture.get(target, app: sqlite), b = ServeFixture.get(target, app: postgres)
            #expect(a.status == b.status, "\(target): \(a.status) on SQLite, \(b.status) on PostgreSQL")
            #expect(a.text == b.text, "\(target) differs:\n\(a.text.prefix(600))\n----\n\(b.text.prefix(600))")
            if a.status == 200 { compared += 1 }
        }
        #expect(compared >= 20)
        // A search that finds something, so the comparison above compared hits.
        let hits = (ServeFixture.json(ServeFixture.get("/api/search?q=dan+van", app: postgres)) as? [String: Any])?["hits"] as? [[String: Any]]
        #expect((hits?.count ?? 0) >= 2)
    }

    /// Original files: a root recorded by name is found where the server is told it is.
    @Test func originalsOfNamedRootsAreFoundWhereTheServerIsToldTheyAre() throws {
        let (url, drop) = try Self.makeDatabase()
        defer { drop() }
        let folder = ServeFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = PipelineConfig(inputs: [PipelineConfig.InputSpec(path: ServeFixture.shared.input.path, name: "phong-1")])
        config.output.folder = folder.path
        config.store = .postgres(url: url)
        _ = try Pipeline(config: config, baseDirectory: folder).run()
        let store = try PostgresStore(url: url, readOnly: true)
        let id = ServeFixture.id(of: "huong-dan-08.txt")
        #expect(try store.archivedSources(documentId: id).map(\.root) == ["phong-1"])
        let unknown = ServeApp(archive: ServedArchive(store: store))
        #expect(ServeFixture.get("/documents/\(id)/original", app: unknown).status == 410)
        let told = ServeApp(archive: ServedArchive(store: store, rootPaths: ["phong-1": ServeFixture.shared.input.path]))
        let original = ServeFixture.get("/documents/\(id)/original", app: told)
        #expect(original.status == 200)
        #expect(original.body == Array(try Data(contentsOf: ServeFixture.shared.input.appendingPathComponent("huong-dan-08.txt"))))
    }
}

/// The test server's URL (`VANTHU_TEST_POSTGRES_URL`), or nil.
enum ServePostgres {
    static var serverURL: String? {
        let value = ProcessInfo.processInfo.environment["VANTHU_TEST_POSTGRES_URL"]
        return value?.isEmpty == false ? value : nil
    }
}
