import Foundation
import GRDB
import struct VanThuExtract.Record
import Testing
@testable import VanThuText
@testable import VanThuExtract
@testable import VanThuStore

/// A record larger than `RecordBlob.pieceBytes` is exported a piece at a time, and a text whose
/// fold passes the index's `segmentBytes` (here 1 MB) is indexed in segments (issue 14, item 8): the archive
/// and the search see the same document as when it was read and indexed whole.
@Suite(.serialized)
struct LargeRecordTests {
    /// Segments of 1 MB (the default is 4 MB), so a text of 3 MB is indexed in three.
    static let segmentBytes = 1 << 20

    /// About 3 MB of invented lines, each numbered so no two are alike; `marker` closes the
    /// last line only.
    static func largeText(marker: String) -> String {
        var lines = ["ỦY BAN NHÂN DÂN XÃ HƯNG LONG", "Số 77/BC-UBND", "Báo cáo tổng hợp ý kiến cử tri năm 2022"]
        for number in 0..<30_000 {
            lines.append("Ý kiến số \(number): cử tri thôn Đồng Xoài đề nghị sửa đường liên thôn và kênh mương nội đồng.")
        }
        lines.append("Phần cuối ghi nhận kiến nghị về \(marker).")
        return lines.joined(separator: "\n")
    }

    /// A store holding one large record (with a store-only member, so the export cuts it), indexed.
    static func store(_ folder: URL, marker: String = "trạm bơm Cầu Vồng") throws -> (ArchiveStore, Record) {
        var record = try ArchiveStoreTests.record()
        record.text = largeText(marker: marker)
        record.droppedLines = [ChromeFilter.DroppedLine(rule: "chrome.counter", text: "Lượt xem: 12", line: 4)]
        let store = try ArchiveStore(folder: folder, indexSegmentBytes: Self.segmentBytes)
        let run = try store.beginRun()
        let prepared = PreparedRecord(record, folded: nil)
        #expect(prepared.json.count > 2 * RecordBlob.pieceBytes)
        #expect(prepared.search.body.utf8.count > 2 * Self.segmentBytes)
        var batch = ArchiveStore.Batch()
        batch.archived.append(.init(prepared, ArchiveStore.SourceRow(location: "/in/big.txt", root: "/in", path: record.source.path,
                                                                   size: record.text.utf8.count, mtime: 0, sha256: record.source.sha256,
                                                                   documentId: record.id, status: .archived, extractorVersion: "test")))
        try store.apply(batch, run: run, extractorVersion: "test")
        try #require(store.index).apply([prepared.search], run: run)
        return (store, record)
    }

    /// Every record as `forEachArchiveRecord` hands it over: summary, JSON joined, pieces.
    static func pieces(_ store: some RecordStore) throws -> [(RecordSummary, [UInt8], Int)] {
        var seen: [(RecordSummary, [UInt8], Int)] = []
        try store.forEachArchiveRecord { summary, pieces in
            var json: [UInt8] = []
            var count = 0
            try pieces { json += $0; count += 1 }
            seen.append((summary, json, count))
        }
        return seen
    }

    /// The `documents` row's stored record, as SQLite gives it back whole.
    static func storedJSON(_ store: ArchiveStore, id: String) throws -> [UInt8]? {
        try store.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT record FROM documents WHERE id = ?", arguments: [id]).map { [UInt8]($0) }
        }
    }

    /// A large record goes into its row as a zero blob filled a piece at a time: stored byte for
    /// byte, and again when the same document is written over by a smaller large record.
    @Test func aLargeRecordIsStoredInPiecesByteForByte() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, record) = try Self.store(folder)
        var written = JSONWriter()
        record.write(to: &written)
        let stored = try #require(try Self.storedJSON(store, id: record.id))
        #expect(stored.count > 2 * RecordBlob.pieceBytes)
        #expect(try Record(jsonBytes: stored).text == record.text)

        var shorter = record
        shorter.text = String(record.text.prefix(record.text.count * 2 / 3))
        let prepared = PreparedRecord(shorter, folded: nil)
        #expect(prepared.json.count > RecordBlob.pieceBytes)
        var batch = ArchiveStore.Batch()
        batch.archived.append(.init(prepared, ArchiveStore.SourceRow(location: "/in/big.txt", root: "/in", path: record.source.path,
                                                                   size: 1, mtime: 0, sha256: record.source.sha256,
                                                                   documentId: record.id, status: .archived, extractorVersion: "test")))
        try store.apply(batch, run: try store.beginRun(), extractorVersion: "test")
        #expect(try Self.storedJSON(store, id: record.id) == prepared.json)
        #expect(store.documentCount == 1)
    }

    /// A store made before `record` was the row's last column opens with its rows (and rowids) as
    /// they were, the column moved last, and takes a large record.
    @Test func aStoreFromBeforeTheRecordWasLastIsMigrated() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: folder.appendingPathComponent(ArchiveStore.fileName).path)
        try ArchiveStore.migrator.migrate(old, upTo: "v5-generation")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO documents (rowid, id, path, sha256, size, extractorVersion, kind, date, title, record, summary, gone, firstRun, lastRun)
                VALUES (7, 'doc-7', 'a/b.txt', 'abc', 3, 'v0', 'other', NULL, 'Tên', x'7b7d', x'01', 0, 1, 2)
                """)
        }
        try old.close()
        let store = try ArchiveStore(folder: folder)
        let (columns, row) = try store.pool.read { db in
            (try Row.fetchAll(db, sql: "PRAGMA table_info(documents)").map { $0["name"] as String },
             try Row.fetchOne(db, sql: "SELECT rowid, id, title, record, summary, lastRun FROM documents"))
        }
        #expect(columns.last == "record")
        #expect(columns.count == 13)
        #expect(row?[0] as Int64? == 7)
        #expect(row?[1] as String? == "doc-7")
        #expect(row?[2] as String? == "Tên")
        #expect(row?[3] as Data? == Data("{}".utf8))
        #expect(row?[4] as Data? == Data([1]))
        #expect(row?[5] as Int64? == 2)
    }

    @Test func aLargeRecordIsExportedInPiecesAsTheWholeRecordIs() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, record) = try Self.store(folder)
        var whole: [(RecordSummary, [UInt8])] = []
        try store.forEachRecord { whole.append(($0, $1)) }
        let streamed = try Self.pieces(store)
        #expect(streamed.count == 1 && whole.count == 1)
        #expect(streamed.first?.2 ?? 0 > 2)
        #expect(streamed.first?.0 == whole.first?.0)
        #expect(streamed.first?.1 == whole.first?.1)
        // The archive's JSON: without the store-only member, the record as extraction made it.
        var archived = JSONWriter()
        record.write(to: &archived)
        #expect(streamed.first?.1 == archived.bytes)

        // Gone, the record is patched, read whole: still the same as `forEachRecord`.
        _ = try store.markGone(locations: ["/in/big.txt"])
        var gone: [(RecordSummary, [UInt8])] = []
        try store.forEachRecord { gone.append(($0, $1)) }
        let streamedGone = try Self.pieces(store)
        #expect(streamedGone.first?.1 == gone.first?.1)
        #expect(streamedGone.first?.1 != archived.bytes)
        #expect(try Record(jsonBytes: streamedGone.first?.1 ?? []).gone == true)
    }

    @Test func aLargeTextIsIndexedInSegmentsAndFoundOnce() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, record) = try Self.store(folder)
        let index = try #require(store.index)
        let rows = { try index.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM search") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM segments") ?? 0)
        } }
        let (searchRows, segmentRows) = try rows()
        #expect(searchRows >= 3 && segmentRows == searchRows - 1)
        #expect(store.indexIsSegmented)
        #expect(index.entryCount == 1)

        // A word of the last segment only, one in every segment, and the title's.
        for text in ["tram bom cau vong", "\"lien thon\"", "kenh muong", "Hưng Long"] {
            let hits = try store.search(SearchQuery(text: text))
            #expect(hits.map(\.id) == [record.id], "\(text)")
            #expect(try store.searchTotal(SearchQuery(text: text)) == 1, "\(text)")
        }
        let snippet = try #require(try store.search(SearchQuery(text: "tram bom cau vong")).first?.snippet)
        #expect(snippet.contains("Cầu Vồng") && snippet.contains("«"))
        var exported: [String] = []
        try store.forEachRecord(matching: SearchQuery(text: "tram bom")) { summary, _ in exported.append(summary.id) }
        #expect(exported == [record.id])

        // Written again (a later run), its segments replace the earlier ones.
        let prepared = PreparedRecord(record, folded: nil)
        try index.apply([prepared.search], run: try store.beginRun())
        #expect(try rows() == (searchRows, segmentRows))
        // Dropped (its document rewritten by another run), no segment is left behind.
        try index.pool.write { db in try db.execute(sql: "UPDATE entries SET run = -1") }
        let repair = try store.reconcileSearchIndex()
        #expect(repair.removed == 1 && repair.added == 1)
        #expect(try rows() == (searchRows, segmentRows))
    }

    @Test func segmentsEndAfterALineBreakAndCoverTheText() {
        let text = Array("mot hai\nba bon nam\nsau bay tam chin muoi mot tram\nngan".utf8)
        let ranges = text.withUnsafeBufferPointer { SearchIndex.segments(of: $0, limit: 12) }
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == text.count)
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(ranges.allSatisfy { $0.count <= 12 && !$0.isEmpty })
        let pieces = ranges.map { String(decoding: text[$0], as: UTF8.self) }
        #expect(pieces == ["mot hai\n", "ba bon nam\n", "sau bay tam ", "chin muoi ", "mot tram\n", "ngan"])
        // A text within the limit is one segment, as it was indexed before segments.
        #expect(text.withUnsafeBufferPointer { SearchIndex.segments(of: $0, limit: 100) } == [0..<text.count])
    }

    /// With no segmented document, the search runs the query it ran before segments existed, and
    /// an index from before them (no `segments` table) is searched the same way.
    @Test func anIndexWithoutSegmentsIsSearchedAsBefore() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ArchiveStore(folder: folder)
        let record = try ArchiveStoreTests.record()
        let run = try store.beginRun()
        let prepared = PreparedRecord(record, folded: nil)
        var batch = ArchiveStore.Batch()
        batch.archived.append(.init(prepared, ArchiveStore.SourceRow(location: "/in/cv.txt", root: "/in", path: record.source.path,
                                                                   size: 10, mtime: 0, sha256: record.source.sha256,
                                                                   documentId: record.id, status: .archived, extractorVersion: "test")))
        try store.apply(batch, run: run, extractorVersion: "test")
        try #require(store.index).apply([prepared.search], run: run)
        #expect(!store.indexIsSegmented)
        let before = try store.search(SearchQuery(text: "dan van kheo")).map(\.id)
        #expect(before == [record.id])
        try #require(store.index).pool.write { db in try db.execute(sql: "DROP TABLE segments") }
        let reopened = try ArchiveStore(folder: folder, readOnly: true)
        #expect(!reopened.indexIsSegmented)
        #expect(try reopened.search(SearchQuery(text: "dan van kheo")).map(\.id) == before)
        #expect(try reopened.searchTotal(SearchQuery(text: "dan van kheo")) == 1)
    }

    /// A large record's search entry reads its text from the record's JSON (issue 14, item 8): its
    /// folded text, and the rows and segments the index gets, are those of the entry made from
    /// the text's fold, with or without store-only members after the text, whatever the escapes.
    @Test func anEntryReadFromTheJSONIndexesWhatTheFoldedTextDoes() throws {
        var record = try ArchiveStoreTests.record()
        let tricky = "Trích: \"Đường liên thôn\" — ‘kênh’\tmương\r\nđường dẫn C:\\thư mục\u{1}hết\u{7F}."
        record.text = Self.largeText(marker: tricky) + "\n" + tricky
        for dropped in [[], [ChromeFilter.DroppedLine(rule: "chrome.counter", text: "Lượt xem: 12", line: 4)]] {
            record.droppedLines = dropped
            let fromJSON = PreparedRecord(textInJSON: record)
            let fromFold = PreparedRecord(record, folded: nil)
            #expect(fromJSON.json == fromFold.json)
            #expect(fromJSON.search.bodyInJSON != nil)
            #expect(fromJSON.search.body == fromFold.search.body)
            #expect(fromJSON.search.bodyBytes >= fromFold.search.body.utf8.count)

            var rows: [[[String]]] = []
            for entry in [fromJSON.search, fromFold.search] {
                let folder = TestSupport.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let store = try ArchiveStore(folder: folder, indexSegmentBytes: Self.segmentBytes)
                let index = try #require(store.index)
                try index.apply([entry], run: try store.beginRun())
                rows.append(try index.pool.read { db in
                    try Row.fetchAll(db, sql: "SELECT rowid, title, body, units FROM search ORDER BY rowid").map { row in
                        [String(row[0] as Int64), row[1] as String, row[2] as String, row[3] as String]
                    } + Row.fetchAll(db, sql: "SELECT rowid, entry FROM segments ORDER BY rowid").map { row in
                        [String(row[0] as Int64), String(row[1] as Int64)]
                    }
                })
            }
            #expect(rows[0].count > 3)
            #expect(rows[0] == rows[1])
        }
    }

    /// A record whose JSON is written from its text's bytes, let go as they are escaped, is the
    /// record whose JSON is written from its text: the same JSON, summary and search entry.
    @Test func aRecordWrittenFromItsTextsBytesIsTheRecordWrittenFromItsText() throws {
        var record = try ArchiveStoreTests.record()
        let tricky = "Trích: \"Đường liên thôn\" — ‘kênh’\tmương\r\nđường dẫn C:\\thư mục\u{1}hết\u{7F}."
        for text in [Self.largeText(marker: tricky) + "\n" + tricky, tricky, "Một dòng."] {
            for dropped in [[], [ChromeFilter.DroppedLine(rule: "chrome.counter", text: "Lượt xem: 12", line: 4)]] {
                record.droppedLines = dropped
                record.text = text
                let fromText = PreparedRecord(textInJSON: record)
                record.text = ""
                var bytes = Array(text.utf8)
                let fromBytes = PreparedRecord(record, consumingText: &bytes)
                #expect(bytes.isEmpty)
                #expect(fromBytes.record.text.isEmpty)
                #expect(fromBytes.json == fromText.json)
                #expect(fromBytes.summary == fromText.summary)
                #expect(fromBytes.facts == fromText.facts)
                #expect(fromBytes.search.bodyInJSON?.range == fromText.search.bodyInJSON?.range)
                #expect(fromBytes.search == fromText.search)
            }
        }
    }

    /// The pieces of an escaped text, however small, fold to the fold of the whole text: no piece
    /// ends inside a scalar or an escape.
    @Test func piecesOfAnEscapedTextFoldAsTheWholeText() {
        let text = "Ngày 5/3: \"Hợp tác xã\"\tthôn Đông\\Tây\nƯu tiên ‘mô hình’ — số\u{2}7."
        var writer = JSONWriter()
        writer.string(text)
        let escaped = Array(writer.bytes.dropFirst().dropLast())
        #expect(escaped.count == JSONWriter.escapedLength(of: text))
        let whole = SearchIndex.Entry.body(folded: FoldedText(utf8: Array(text.utf8)).bytes)
        for pieceBytes in [1, 2, 3, 7, 1000] {
            var joined: [UInt8] = []
            var pieces = 0
            escaped.withUnsafeBufferPointer { buffer in
                SearchIndex.Entry.forEachFoldedPiece(ofEscaped: buffer, pieceBytes: pieceBytes) { joined += $0; pieces += 1 }
            }
            #expect(String(decoding: joined, as: UTF8.self) == whole, "pieces of \(pieceBytes)")
            #expect(pieceBytes > 10 || pieces > 5)
        }
    }
}

extension LargeRecordTests {
    /// The search index reads escapes as the JSON reader does: a surrogate pair is one scalar
    /// (one space in the indexed text, as the text itself gives), and an escape JSONWriter never
    /// writes leaves the rest of the text indexed.
    @Test func escapesFoldAsTheTextTheyStandFor() {
        func indexed(_ escaped: String) -> String {
            var joined: [UInt8] = []
            Array(escaped.utf8).withUnsafeBufferPointer { buffer in
                SearchIndex.Entry.forEachFoldedPiece(ofEscaped: buffer) { joined += $0 }
            }
            return String(decoding: joined, as: UTF8.self)
        }
        let whole = SearchIndex.Entry.body(folded: FoldedText(utf8: Array("Đội 😀 mẫu".utf8)).bytes)
        #expect(indexed(#"\u0110\u1ed9i \ud83d\ude00 m\u1eabu"#) == whole)
        #expect(indexed(#"x\qy"#) == "x y")
    }
}
