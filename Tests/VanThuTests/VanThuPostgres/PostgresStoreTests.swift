import Foundation
import Testing
@testable import VanThuStore
@testable import VanThuPostgres
@testable import VanThuPipeline

/// The PostgreSQL store against a real server (issue 19): the same archive as SQLite, search with
/// and without diacritics, migrations, and the password kept out of what a run writes.
@Suite(.enabled(if: PostgresTestServer.available, PostgresTestServer.skipReason))
struct PostgresStoreTests {
    static func config(inputs: [URL], output: URL, store: PipelineConfig.StoreSettings) -> PipelineConfig {
        var config = PipelineConfig(inputs: inputs.map { .init(path: $0.path) })
        config.output.folder = output.path
        config.store = store
        return config
    }

    static func run(_ inputs: [URL], _ output: URL, store: PipelineConfig.StoreSettings, full: Bool = false) throws -> RunReport {
        try Pipeline(config: config(inputs: inputs, output: output, store: store), baseDirectory: output).run(options: .init(full: full))
    }

    static func archive(_ output: URL) throws -> Data { try Data(contentsOf: output.appendingPathComponent("archive.json")) }

    /// The fixtures and, where this machine has them, the seeds.
    static var corpus: [URL] {
        [TestSupport.fixtures] + (TestSupport.shared.map { [$0.appendingPathComponent("seeds")] } ?? [])
    }

    @Test func aRunOnPostgresWritesTheSameArchiveAsOnSQLite() throws {
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let sqlite = folder.appendingPathComponent("sqlite"), postgres = folder.appendingPathComponent("postgres")
            let a = try Self.run(Self.corpus, sqlite, store: .sqlite)
            let b = try Self.run(Self.corpus, postgres, store: .postgres(url: url))
            #expect(a.archived == b.archived && a.archived > 20)
            #expect(a.quarantined.count == b.quarantined.count)
            #expect(try Self.archive(sqlite) == Self.archive(postgres))
            #expect(!FileManager.default.fileExists(atPath: postgres.appendingPathComponent(ArchiveStore.fileName).path))
            // A second run finds nothing changed, and the archive stays the same.
            let again = try Self.run(Self.corpus, postgres, store: .postgres(url: url))
            #expect(again.processed == 0 && again.skipped == b.inputsFound)
            #expect(try Self.archive(sqlite) == Self.archive(postgres))
            // A changed file replaces its record on both.
            let input = folder.appendingPathComponent("in")
            try IncrementalRunTests.makeCorpus(in: input, count: 30)
            _ = try Self.run([input], sqlite, store: .sqlite)
            _ = try Self.run([input], postgres, store: .postgres(url: url))
            TestSupport.write("Thay đổi nội dung văn bản số 3.\n", to: input.appendingPathComponent("lo-03/van-ban-00003.txt"))
            try FileManager.default.removeItem(at: input.appendingPathComponent("lo-04/van-ban-00004.txt"))
            _ = try Self.run([input], sqlite, store: .sqlite)
            _ = try Self.run([input], postgres, store: .postgres(url: url))
            #expect(try Self.archive(sqlite) == Self.archive(postgres))
        }
    }

    @Test func searchFindsTheSameDocumentsOnBothBackends() throws {
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let sqlite = folder.appendingPathComponent("sqlite"), postgres = folder.appendingPathComponent("postgres")
            _ = try Self.run(Self.corpus, sqlite, store: .sqlite)
            _ = try Self.run(Self.corpus, postgres, store: .postgres(url: url))
            let a = try ArchiveStore(folder: sqlite, readOnly: true)
            let b = try PostgresStore(url: url, readOnly: true)
            // With and without diacritics, đ and d, phrases, and filters.
            let queries: [SearchQuery] = [
                SearchQuery(text: "ủy ban nhân dân"), SearchQuery(text: "uy ban nhan dan"), SearchQuery(text: "\"ủy ban nhân dân\""),
                SearchQuery(text: "Đảng"), SearchQuery(text: "dang"), SearchQuery(text: "đảng ủy"), SearchQuery(text: "huyện ủy"),
                SearchQuery(text: "kế hoạch"), SearchQuery(text: "ke hoach"), SearchQuery(text: "dân vận"), SearchQuery(text: "báo cáo"),
                SearchQuery(text: "", kind: .dispatch), SearchQuery(text: "", unit: "UBND"), SearchQuery(text: "quyết định", from: "2020"),
                SearchQuery(text: "", hasDeadline: true), SearchQuery(text: "", field: "economy"),
            ]
            var compared = 0
            for var query in queries {
                query.limit = 1000
                let onSQLite = Set(try a.search(query).map(\.id)), onPostgres = Set(try b.search(query).map(\.id))
                #expect(onSQLite == onPostgres, "\(query.text) unit \(query.unit ?? "-"): only SQLite \(onSQLite.subtracting(onPostgres)), only PostgreSQL \(onPostgres.subtracting(onSQLite))")
                #expect(try a.searchTotal(query) == b.searchTotal(query))
                if !onSQLite.isEmpty { compared += 1 }
            }
            #expect(compared >= 10, "too few queries found anything to compare")
            // Diacritics make no difference on either.
            #expect(Set(try b.search(SearchQuery(text: "Đảng ủy", limit: 1000)).map(\.id)) == Set(try b.search(SearchQuery(text: "dang uy", limit: 1000)).map(\.id)))
            // The top hit of a title's words is the same document.
            var titles: [String] = []
            try a.forEachRecord(matching: nil) { summary, _ in
                if titles.count < 12, let title = summary.title, title.split(separator: " ").count >= 4 { titles.append(title) }
            }
            #expect(titles.count >= 5)
            for title in titles {
                let query = SearchQuery(text: title.split(separator: " ").prefix(6).joined(separator: " "), limit: 1)
                let onSQLite = try a.search(query).first?.id, onPostgres = try b.search(query).first?.id
                #expect(onSQLite == onPostgres, "top hit of \(query.text)")
            }
            // Export filtered by a search gives the same documents.
            var onSQLite: [String] = [], onPostgres: [String] = []
            try a.forEachRecord(matching: SearchQuery(text: "ủy ban")) { summary, _ in onSQLite.append(summary.id) }
            try b.forEachRecord(matching: SearchQuery(text: "ủy ban")) { summary, _ in onPostgres.append(summary.id) }
            #expect(onSQLite == onPostgres && !onSQLite.isEmpty)
            // show: the same record by id and by prefix.
            let id = try #require(onSQLite.first)
            #expect(try a.record(id: id) == b.record(id: id))
            #expect(try a.record(id: String(id.prefix(8))) == b.record(id: String(id.prefix(8))))
            // stats read the same.
            let statsA = try ArchiveStatistics(store: a, today: "2024-01-01"), statsB = try ArchiveStatistics(store: b, today: "2024-01-01")
            #expect(statsA.documents == statsB.documents && statsA.byKindAndYear == statsB.byKindAndYear)
        }
    }

    /// Texts PostgreSQL's text and tsvector cannot hold as they are: U+0000 (inputs with NUL
    /// bytes; the records never carry it, and the store's parameters could not), and a text whose
    /// distinct words pass the tsvector's 1 MB. Both archive as on SQLite; the large one is found
    /// by the words of its beginning.
    @Test func nulBytesAndTextsTooLargeForATSVectorArchiveAsOnSQLite() throws {
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("in")
            let notice = "THÔNG BÁO\nVề việc họp dân\u{0} cư thôn Bắc\n" + String(repeating: "Nội dung họp dân cư thôn Bắc, xã Tân Lập.\n", count: 40)
            TestSupport.write("\u{FEFF}" + notice + "Ký tự lạ\u{0} giữa câu.\n", to: input.appendingPathComponent("bom-nul.txt"))
            TestSupport.write("<html><head><title>Tin &#0; mới</title></head><body><h1>Tin &#0; mới</h1><p>Xã Tân Lập họp &#0; dân.</p></body></html>",
                              to: input.appendingPathComponent("trang.html"))
            // 160,000 distinct words of 10 letters: 1.6 MB of lexemes, past the tsvector's 1 MB.
            var large = "KẾ HOẠCH\nVề việc lưu trữ hồ sơ khởi đầu\n"
            for index in 0..<160_000 { large += "hs" + String(format: "%08x", (index &* 2_654_435_761) & 0xFFFF_FFFF) + (index % 12 == 11 ? ".\n" : " ") }
            TestSupport.write(large + "\nHồ sơ kết thúc cuối cùng.\n", to: input.appendingPathComponent("lon/ke-hoach.txt"))
            let sqlite = folder.appendingPathComponent("sqlite"), postgres = folder.appendingPathComponent("postgres")
            let a = try Self.run([input], sqlite, store: .sqlite)
            let b = try Self.run([input], postgres, store: .postgres(url: url))
            #expect(a.archived == 3 && b.archived == 3, "\(b.quarantined)")
            #expect(try Self.archive(sqlite) == Self.archive(postgres))
            let store = try PostgresStore(url: url, readOnly: true)
            #expect(try store.search(SearchQuery(text: "khởi đầu")).count == 1)
            #expect(try store.search(SearchQuery(text: "hop dan cu thon bac")).count == 1)
            // A record that does hold U+0000 (in its text, title and a unit's name) written to both
            // stores directly: the same record back, and found by its words on PostgreSQL.
            var record = try #require(TestSupport.record(for: "Thông báo họp thôn Đồng Xanh.\nỦy ban nhân dân xã Hòa Lạc.", path: "nul.txt"))
            record.text += "\nCâu có ký tự\u{0}rỗng ở giữa."
            record.title = "Tiêu đề\u{0}lạ"
            if !record.units.isEmpty { record.units[0].name += "\u{0}" }
            let prepared = PreparedRecord(record, folded: nil)
            #expect(try PostgresStore.searchTexts(prepared.json).text?.contains("\u{0}") == true)
            var batch = ArchiveStore.Batch()
            batch.archived.append(.init(prepared.forStore, ArchiveStore.SourceRow(
                location: input.appendingPathComponent("nul.txt").path, root: input.path, path: "nul.txt", size: 10, mtime: 1,
                sha256: record.source.sha256, documentId: record.id, status: .archived, extractorVersion: "test")))
            let sqliteStore = try ArchiveStore(folder: sqlite), writer = try PostgresStore(url: url)
            try sqliteStore.apply(batch, run: 99, extractorVersion: "test")
            try writer.apply(batch, run: 99, extractorVersion: "test")
            #expect(try sqliteStore.record(id: record.id) == writer.record(id: record.id))
            #expect(try writer.record(id: record.id)?.text.contains("\u{0}") == true)
            #expect(try writer.search(SearchQuery(text: "\"tieu de la\"")).map(\.id) == [record.id])
            #expect(try writer.search(SearchQuery(text: "rong o giua")).map(\.id) == [record.id])
            // The vector was cut to fit: it holds less than 1 MB, and the text's beginning.
            let size = try PostgresTestServer.sql(url, "SELECT max(pg_column_size(search))::text FROM documents")
            #expect(Int(size.first?.first??.description ?? "") ?? 0 > 100_000)
        }
    }

    @Test func unaccentFoldsVietnameseAndHeadlinesMarkTheAccentedOriginal() throws {
        try PostgresTestServer.withDatabase { url in
            let store = try PostgresStore(url: url)
            #expect(try PostgresTestServer.sql(url, "SELECT unaccent('Đảng ủy Đồng Tháp')") == [["Dang uy Dong Thap"]])
            #expect(try PostgresTestServer.sql(url, "SELECT to_tsvector('vanthu', 'Đảng ủy Đồng Tháp')::text") == [["'dang':1 'dong':3 'thap':4 'uy':2"]])
            // A phrase matches its words in order only.
            #expect(try PostgresTestServer.sql(url, "SELECT (to_tsvector('vanthu', 'Ban Thường vụ Đảng ủy xã') @@ to_tsquery('vanthu', 'dang <-> uy'))::text") == [["true"]])
            #expect(try PostgresTestServer.sql(url, "SELECT (to_tsvector('vanthu', 'ủy viên Đảng') @@ to_tsquery('vanthu', 'dang <-> uy'))::text") == [["false"]])
            let marked = try store.headline("Hội nghị Ban Chấp hành Đảng ủy Đồng Tháp lần thứ năm.", query: "dang uy dong thap")
            #expect(marked.contains("«Đảng» «ủy» «Đồng» «Tháp»"), "\(marked)")
        }
    }

    @Test func unitNamesWrittenDifferentlyAreFoundByTrigrams() throws {
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            TestSupport.write("""
                ỦY BAN NHÂN DÂN HUYỆN KIM SƠN
                Số: 12/KH-UBND
                KẾ HOẠCH
                Triển khai công tác năm nay
                Ủy ban nhân dân huyện Kim Sơn giao Phòng Tài chính - Kế hoạch huyện chủ trì.
                """, to: folder.appendingPathComponent("in/a.txt"))
            _ = try Self.run([folder.appendingPathComponent("in")], folder.appendingPathComponent("out"), store: .postgres(url: url))
            let store = try PostgresStore(url: url, readOnly: true)
            let similar = try store.similarUnits("Phòng Tài chính Kế hoạch")
            #expect(similar.contains { $0.name.contains("tai chinh") }, "\(similar)")
            let plan = try PostgresTestServer.sql(url, "SELECT indexdef FROM pg_indexes WHERE indexname = 'facts_unit_trigrams'")
            #expect(plan.first?.first??.contains("gin_trgm_ops") == true)
        }
    }

    @Test func migrationsRunOnceAndANewerSchemaIsRefusedUnchanged() throws {
        try PostgresTestServer.withDatabase { url in
            var messages: [String] = []
            _ = try PostgresStore(location: PostgresLocation(url: url), announce: { messages.append($0) })
            #expect(messages.count == PostgresSchema.version && messages[0].contains("schema version 1"), "\(messages)")
            messages = []
            _ = try PostgresStore(location: PostgresLocation(url: url), announce: { messages.append($0) })
            #expect(messages.isEmpty)
            try PostgresTestServer.sql(url, "INSERT INTO vanthu_schema (version) VALUES (\(PostgresSchema.version + 1))")
            let before = try PostgresTestServer.sql(url, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")
            let redacted = try PostgresLocation(url: url).redacted
            #expect(throws: PostgresStoreError.schemaTooNew(location: redacted, found: PostgresSchema.version + 1, known: PostgresSchema.version)) {
                _ = try PostgresStore(url: url)
            }
            #expect(throws: PostgresStoreError.self) { _ = try PostgresStore(url: url, readOnly: true) }
            #expect(try PostgresTestServer.sql(url, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'") == before)
            // The run refuses too, with the message, and writes nothing.
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect {
                _ = try Self.run([TestSupport.fixtures], folder.appendingPathComponent("out"), store: .postgres(url: url))
            } throws: { error in
                "\(error)".contains("newer than this vanthu knows")
            }
            #expect(try PostgresTestServer.sql(url, "SELECT count(*)::text FROM documents") == [["0"]])
        }
    }

    @Test func anUnreachableServerFailsWithItsOwnStatus() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A port nothing listens on (the test server's own port plus one thousand is as good as any).
        let location = try PostgresLocation(url: PostgresTestServer.url!)
        let url = "postgres://\(location.user)@127.0.0.1:\(location.port + 1000)/nothing"
        #expect {
            _ = try Self.run([TestSupport.fixtures], folder.appendingPathComponent("out"), store: .postgres(url: url))
        } throws: { error in
            (error as? PipelineError)?.exitStatus == .storeUnavailable
        }
    }
}

/// The password of a PostgreSQL store comes from PGPASSWORD or ~/.pgpass, and is written nowhere.
struct PostgresLocationTests {
    @Test func thePasswordComesFromTheEnvironmentThenThePasswordFile() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass")
        TestSupport.write("# comment\nother:5432:*:*:nope\n127.0.0.1:5433:archive:clerk:s3cr\\:et\n*:*:*:*:fallback\n", to: file)
        chmod(file.path, 0o600)
        let environment = ["PGPASSFILE": file.path, "HOME": folder.path]
        #expect(try PostgresLocation(url: "postgres://clerk@127.0.0.1:5433/archive", environment: environment).password == "s3cr:et")
        #expect(try PostgresLocation(url: "postgres://clerk@127.0.0.1:5433/other", environment: environment).password == "fallback")
        var withVariable = environment
        withVariable["PGPASSWORD"] = "from-env"
        #expect(try PostgresLocation(url: "postgres://clerk@127.0.0.1:5433/archive", environment: withVariable).password == "from-env")
        // A file others can read is ignored, as libpq does.
        chmod(file.path, 0o644)
        #expect(try PostgresLocation(url: "postgres://clerk@127.0.0.1:5433/archive", environment: environment).password == nil)
        let location = try PostgresLocation(url: "postgres://clerk:inline@db.example:6000/archive", environment: [:])
        #expect(location.password == "inline" && location.redacted == "postgres://clerk@db.example:6000/archive")
        #expect(!"\(location)".contains("inline"))
        #expect(PostgresLocation.redact("postgres://clerk:inline@h/db") == "postgres://clerk:***@h/db")
        #expect(throws: PostgresLocation.Problem.self) { try PostgresLocation(url: "mysql://x@h/db", environment: [:]) }
    }

    @Test func pipelineJSONNamesTheStoreButNeverItsPassword() throws {
        let parsed = try PipelineConfig.parse(Data(#"{"version": 1, "inputs": ["in"], "store": {"kind": "postgres", "url": "postgres://a@h/db"}}"#.utf8))
        #expect(parsed.store == .postgres(url: "postgres://a@h/db"))
        #expect(try PipelineConfig.parse(Data(#"{"version": 1, "inputs": ["in"]}"#.utf8)).store == .sqlite)
        #expect(try PipelineConfig.parse(Data(#"{"version": 1, "inputs": ["in"], "store": {"kind": "sqlite"}}"#.utf8)).store == .sqlite)
        #expect(throws: ConfigError.self) {
            try PipelineConfig.parse(Data(#"{"version": 1, "inputs": ["in"], "store": {"kind": "postgres", "url": "postgres://a:pw@h/db"}}"#.utf8))
        }
        #expect(throws: ConfigError.self) { try PipelineConfig.parse(Data(#"{"version": 1, "inputs": ["in"], "store": {"kind": "mongo"}}"#.utf8)) }
        #expect(throws: ConfigError.self) { try PipelineConfig.parse(Data(#"{"version": 1, "inputs": ["in"], "store": {"kind": "postgres"}}"#.utf8)) }
        let named = try PipelineConfig.parse(Data(#"{"version": 1, "inputs": [{"path": "/mnt/scans", "name": "district-3"}]}"#.utf8))
        #expect(named.inputs[0].name == "district-3" && named.inputs[0].provenanceRoot == "district-3")
        #expect(PipelineConfig.InputSpec.splitName("district-3:/mnt/scans")! == ("district-3", "/mnt/scans"))
        #expect(PipelineConfig.InputSpec.splitName("/mnt/scans") == nil)
        #expect(PipelineConfig.InputSpec.splitName("a b:/x") == nil)
    }
}
