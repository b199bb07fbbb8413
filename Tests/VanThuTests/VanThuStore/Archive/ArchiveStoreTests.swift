import Foundation
import GRDB
import struct VanThuExtract.Record
import Testing
@testable import VanThuText
@testable import VanThuExtract
@testable import VanThuStore
@testable import VanThuPipeline

struct ArchiveStoreTests {
    /// A fixture record with units, deadlines, a model count and a reference.
    static func record() throws -> VanThuExtract.Record {
        let text = """
            ĐẢNG BỘ TỈNH BẾN TRE
            HUYỆN ỦY CHÂU THÀNH
            Số 12-CV/HU
            Châu Thành, ngày 5 tháng 3 năm 2021
            Thực hiện Kế hoạch số 06-KH/TU, Ban Dân vận Huyện ủy đề nghị Đảng ủy xã Tân Phú báo cáo trước ngày 30/6/2021.
            Năm 2020 toàn huyện có 125 mô hình "Dân vận khéo".
            """
        return try #require(TestSupport.record(for: text, path: "cv.txt"))
    }

    @Test func summaryKeepsWhatConsolidationReads() throws {
        let record = try Self.record()
        let summary = RecordSummary(record)
        #expect(summary.factCounts == record.factCounts)
        #expect(summary.units.map { $0.mentions } == record.units.map { $0.mentions.count })
        #expect(!summary.units.isEmpty && !summary.deadlines.isEmpty && !summary.modelCounts.isEmpty)
        var fromRecord = Consolidator()
        fromRecord.add(record)
        var fromSummary = Consolidator()
        var w = JSONWriter()
        summary.write(to: &w)
        let read = try RecordSummary(jsonBytes: w.bytes)
        #expect(read == summary)
        #expect(read == (try JSONDecoder().decode(RecordSummary.self, from: Data(w.bytes))))
        fromSummary.add(read)
        #expect(fromRecord.units == fromSummary.units)
        #expect(fromRecord.facts == fromSummary.facts)
        #expect(fromRecord.modelCounts == fromSummary.modelCounts)
    }

    /// A store written before summaries existed (schema v1, the record without its text in
    /// `facts`) opens, migrates, and exports the same consolidation.
    @Test func aVersionOneStoreMigrates() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = try Self.record()
        do {
            let queue = try DatabaseQueue(path: folder.appendingPathComponent(ArchiveStore.fileName).path)
            try ArchiveStore.migrator.migrate(queue, upTo: "v1")
            var full = JSONWriter()
            record.write(to: &full)
            var textless: VanThuExtract.Record = record
            textless.text = ""
            var facts = JSONWriter()
            textless.write(to: &facts)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO documents (id, path, sha256, size, extractorVersion, kind, record, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [record.id, record.source.path, record.source.sha256, record.source.bytes, "old",
                                     record.kind.rawValue, Data(full.bytes), Data(facts.bytes)])
                // The same fact twice: the old table had no key.
                for _ in 0..<2 {
                    try db.execute(sql: "INSERT INTO facts (documentId, type, value) VALUES (?, 'unit', 'dang uy xa tan phu')",
                                   arguments: [record.id])
                }
            }
        }
        let store = try ArchiveStore(folder: folder)
        var seen: [(RecordSummary, [UInt8])] = []
        try store.forEachRecord { seen.append(($0, $1)) }
        #expect(seen.count == 1)
        #expect(seen.first?.0 == RecordSummary(record))
        var full = JSONWriter()
        record.write(to: &full)
        #expect(seen.first?.1 == full.bytes)
        // The full-text index moved to its own file: the old table is gone and the index is
        // filled from the records.
        #expect(try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM main.sqlite_master WHERE name = 'search'") } == 0)
        #expect(try store.reconcileSearchIndex() == ArchiveStore.IndexRepair(removed: 0, added: 1))
        #expect(try store.reconcileSearchIndex() == ArchiveStore.IndexRepair())
        #expect(try store.search(SearchQuery(text: "tan phu")).map(\.id) == [record.id])
        // Facts are keyed by document now; the old rows came along, once.
        #expect(try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM facts") } == 1)
        #expect(try store.search(SearchQuery(text: "", unit: "Đảng ủy xã Tân Phú")).map(\.id) == [record.id])
    }

    @Test func rebuildingTheSearchIndexFindsTheSame() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = PipelineConfig(inputs: [.init(path: TestSupport.fixtures.path, include: ["**/input.*"])])
        config.output.folder = folder.appendingPathComponent("out").path
        _ = try Pipeline(config: config, baseDirectory: folder).run()
        let store = try ArchiveStore(folder: folder.appendingPathComponent("out"))
        let queries = ["dan van kheo", "\"dang uy\"", "tan phu", "ke hoach"]
        let before = try queries.map { try store.search(SearchQuery(text: $0)).map(\.id) }
        #expect(before.allSatisfy { !$0.isEmpty })
        try store.rebuildSearchIndex()
        #expect(try queries.map { try store.search(SearchQuery(text: $0)).map(\.id) } == before)
    }
}
