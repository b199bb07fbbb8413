import Foundation
import GRDB
import struct VanThuExtract.Record
import Testing
@testable import VanThuExtract
@testable import VanThuStore
@testable import VanThuPipeline

/// The full-text index lives in its own file, written by its own thread, and is reconciled with
/// the store after every run: whatever happened to it, the next run leaves it holding exactly the
/// stored documents.
@Suite(.serialized)
struct SearchIndexTests {
    static let queries = ["dan van kheo", "\"dang uy\"", "tan phu", "ke hoach", "mo hinh"]

    /// The fixtures archived into a new folder.
    static func archiveFixtures() throws -> (folder: URL, output: URL, report: RunReport) {
        let folder = TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("out")
        var config = PipelineConfig(inputs: [.init(path: TestSupport.fixtures.path, include: ["**/input.*"])])
        config.output.folder = output.path
        let report = try Pipeline(config: config, baseDirectory: folder).run()
        return (folder, output, report)
    }

    static func rerun(_ output: URL) throws -> RunReport {
        var config = PipelineConfig(inputs: [.init(path: TestSupport.fixtures.path, include: ["**/input.*"])])
        config.output.folder = output.path
        return try Pipeline(config: config, baseDirectory: output.deletingLastPathComponent()).run()
    }

    static func results(_ output: URL) throws -> [[String]] {
        let store = try ArchiveStore(folder: output, readOnly: true)
        return try queries.map { try store.search(SearchQuery(text: $0)).map(\.id) }
    }

    /// Every index entry, by document id.
    static func entries(_ output: URL) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: output.appendingPathComponent(SearchIndex.fileName).path)
        return try queue.read { db in
            var out: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT e.id, s.title, s.body, s.units FROM entries e JOIN search s ON s.rowid = e.rowid
                """) {
                out[row[0]] = [row[1], row[2], row[3]]
            }
            return out
        }
    }

    @Test func theIndexHoldsEveryStoredDocumentOnce() throws {
        let (folder, output, report) = try Self.archiveFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(report.indexRepaired == 0)
        let store = try ArchiveStore(folder: output)
        #expect(store.index?.entryCount == store.documentCount)
        #expect(store.documentCount == report.archived)
        #expect(try Self.results(output).allSatisfy { !$0.isEmpty })
    }

    /// What the end-of-run repair indexes from a stored record is what the pipeline indexed from
    /// the document: the fold of the record's text is the fold the pipeline made.
    @Test func entriesFromStoredRecordsMatchThePipelines() throws {
        let (folder, output, _) = try Self.archiveFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let indexed = try Self.entries(output)
        let store = try ArchiveStore(folder: output)
        var compared = 0
        try store.forEachDocument { stored in
            let record = try JSONDecoder().decode(VanThuExtract.Record.self, from: Data(stored.json))
            let entry = SearchIndex.Entry(record, folded: nil)
            #expect(indexed[record.id] == [entry.title, entry.body, entry.units], "\(record.source.path)")
            compared += 1
        }
        #expect(compared == indexed.count && compared > 3)
    }

    @Test func aLostIndexIsRebuiltByTheNextRun() throws {
        let (folder, output, report) = try Self.archiveFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.results(output)
        let entries = try Self.entries(output)
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(SearchIndex.fileName + suffix))
        }
        #expect(throws: ArchiveStore.StoreProblem.self) { _ = try Self.results(output) }
        let again = try Self.rerun(output)
        #expect(again.processed == 0)
        #expect(again.indexRepaired == report.archived)
        #expect(try Self.results(output) == before)
        #expect(try Self.entries(output) == entries)
    }

    /// A run killed after the store's commit but before the index's (entries missing), or after
    /// the index's but before the store's (an entry written by a run the store does not know).
    @Test func entriesOutOfStepWithTheStoreAreRepaired() throws {
        let (folder, output, _) = try Self.archiveFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.results(output)
        let entries = try Self.entries(output)
        let ids = entries.keys.sorted()
        let queue = try DatabaseQueue(path: output.appendingPathComponent(SearchIndex.fileName).path)
        try queue.write { db in
            for id in ids.prefix(2) {
                let rowid = try #require(try Int64.fetchOne(db, sql: "SELECT rowid FROM entries WHERE id = ?", arguments: [id]))
                try db.execute(sql: "DELETE FROM search WHERE rowid = ?", arguments: [rowid])
                try db.execute(sql: "DELETE FROM entries WHERE rowid = ?", arguments: [rowid])
            }
            try db.execute(sql: "UPDATE entries SET run = run + 100 WHERE id = ?", arguments: [ids[2]])
            try db.execute(sql: "INSERT INTO entries (id, run) VALUES ('no-such-document', 1)")
            try db.execute(sql: "INSERT INTO search (rowid, title, body, units) VALUES (?, 'dan van kheo', 'dan van kheo', '')",
                           arguments: [db.lastInsertedRowID])
        }
        let repair = try ArchiveStore(folder: output).reconcileSearchIndex()
        #expect(repair == ArchiveStore.IndexRepair(removed: 2, added: 3))
        #expect(try Self.results(output) == before)
        #expect(try Self.entries(output) == entries)
        #expect(try ArchiveStore(folder: output).reconcileSearchIndex() == ArchiveStore.IndexRepair())
    }

    /// An unchanged re-run after a complete run leaves the index alone; after a run that did not
    /// finish, it reconciles even when the counts agree.
    @Test func anUnfinishedRunMakesTheNextOneReconcile() throws {
        let (folder, output, _) = try Self.archiveFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quiet = try Self.rerun(output)
        #expect(quiet.processed == 0)
        #expect(quiet.stageSeconds["index"] == nil)
        let entries = try Self.entries(output)
        let id = try #require(entries.keys.sorted().first)
        try DatabaseQueue(path: output.appendingPathComponent(SearchIndex.fileName).path).write { db in
            try db.execute(sql: "UPDATE entries SET run = run + 100 WHERE id = ?", arguments: [id])
        }
        try DatabaseQueue(path: output.appendingPathComponent(ArchiveStore.fileName).path).write { db in
            try db.execute(sql: "UPDATE runs SET finishedAt = NULL WHERE id = (SELECT MAX(id) FROM runs)")
        }
        let healed = try Self.rerun(output)
        #expect(healed.processed == 0)
        #expect(healed.indexRepaired == 1)
        #expect(try Self.entries(output) == entries)
        #expect(try Self.rerun(output).stageSeconds["index"] == nil)
    }

    @Test func replacedDocumentsLeaveTheIndex() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try IncrementalRunTests.makeCorpus(in: input, count: 12)
        _ = try IncrementalRunTests.run(input, output)
        let changed = input.appendingPathComponent("lo-03/van-ban-00003.txt")
        let marker = "Bản số 3 của kho lưu trữ"
        #expect(try ArchiveStore(folder: output, readOnly: true).search(SearchQuery(text: "\"ban so 3 cua kho\"")).count == 1)
        try Data("Thông báo về lịch tiếp công dân của Ủy ban nhân dân xã Quỳnh Lưu trong tháng Mười.".utf8).write(to: changed)
        let report = try IncrementalRunTests.run(input, output)
        #expect(report.processed == 1)
        let store = try ArchiveStore(folder: output)
        #expect(store.index?.entryCount == store.documentCount)
        #expect(try store.search(SearchQuery(text: "\"ban so 3 cua kho\"")).isEmpty, "\(marker) was replaced")
        #expect(try store.search(SearchQuery(text: "quynh luu")).map(\.path) == ["lo-03/van-ban-00003.txt"])
    }
}
