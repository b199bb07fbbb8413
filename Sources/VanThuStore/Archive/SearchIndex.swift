import Foundation
import GRDB
import struct VanThuExtract.Record
import VanThuText
import VanThuExtract

/// The full-text index, in a database file of its own (`search.sqlite`) next to the store, with a
/// writer of its own. SQLite lets one connection write a file at a time, and FTS5 tokenising the
/// text was as much work as all the rest of the store's writing together: in two files the two
/// writers run side by side on two cores.
///
/// The index is derived data. Each entry names the document it indexes and the run that wrote
/// that document (`documents.lastRun`); `ArchiveStore.reconcileSearchIndex()` brings the index in
/// line with the documents after every run, so a run killed between the two files' commits, a
/// store from before the index had its own file, or a deleted `search.sqlite` all heal on the
/// next run.
public final class SearchIndex: @unchecked Sendable {
    public static let fileName = "search.sqlite"
    public let url: URL
    package let pool: DatabasePool

    /// Folded text longer than this is indexed in segments (`defaultSegmentBytes`).
    package let segmentBytes: Int

    public init(folder: URL, segmentBytes: Int = SearchIndex.defaultSegmentBytes) throws {
        url = folder.appendingPathComponent(Self.fileName)
        self.segmentBytes = segmentBytes
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in try ArchiveStore.tune(db) }
        pool = try DatabasePool(path: url.path, configuration: configuration)
        try Self.migrator.migrate(pool)
        // Entries are keyed by checksum too, but their key index is small: 8 MB is enough.
        try pool.writeWithoutTransaction { db in try ArchiveStore.tuneWriter(db, cacheKiB: 8192) }
    }

    /// The index's in-memory hash is flushed into a new segment when it outgrows `hashsize` (1 MB
    /// by default) as well as at each commit: 8 MB, with the writer's 8 MB transactions, makes
    /// one segment per transaction.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE entries (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, run INTEGER NOT NULL);
                CREATE VIRTUAL TABLE search USING fts5(title, body, units, tokenize = 'ascii');
                INSERT INTO search(search, rank) VALUES('hashsize', 8388608);
                """)
        }
        // A document whose folded text passes `segmentBytes` is indexed as several rows: the
        // first under its entry's rowid, the others under the negated rowids of `segments`.
        migrator.registerMigration("v2 segments") { db in
            try db.execute(sql: """
                CREATE TABLE segments (rowid INTEGER PRIMARY KEY, entry INTEGER NOT NULL);
                CREATE INDEX segments_entry ON segments (entry);
                """)
        }
        return migrator
    }

    /// A text indexed in one row is held whole several times over as FTS5 writes it (the bound
    /// text, the row of its content table, the token lists of the whole text), and the bound
    /// copies stay with the cached statements after: a 64 MB text's entry cost three copies of it
    /// (issue 14, item 8). Folded text longer than this is indexed in segments of at most this
    /// size, cut after a line break (else a space), each a row of its own; a search ranks a
    /// document by its best segment and shows it once. A phrase that runs across the cut is not
    /// found as a phrase; shorter texts are indexed exactly as before. Segments change the index's
    /// statistics (its row count and mean length), and so bm25's scores of every document: 4 MB,
    /// three times the largest text of the corpora, leaves a real archive's ranking as it was.
    public static let defaultSegmentBytes = 4 << 20

    /// The segments of a folded body (ASCII, so any cut is a character boundary), `limit` bytes
    /// each at most.
    package static func segments(of bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while bytes.count - start > limit {
            var cut = start + limit
            if let newline = bytes[start..<cut].lastIndex(of: 0x0A) {
                cut = newline + 1
            } else if let space = bytes[start..<cut].lastIndex(of: 0x20) {
                cut = space + 1
            }
            ranges.append(start..<cut)
            start = cut
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    /// What the index holds of one record: folded title, text and unit names, ASCII words only
    /// (the tokenizer is FTS5's `ascii`).
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var units: String
        /// The folded text, in a box that `releaseBody()` empties for every holder at once.
        private var box: Body
        public var body: String {
            get { box.text }
            set { box = Body(newValue) }
        }

        /// An entry of nothing but its document's id.
        public init(id: String) {
            self.id = id
            title = ""
            box = Body("")
            units = ""
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.id == b.id && a.title == b.title && a.units == b.units && a.body == b.body
        }

        /// Lets the folded text go, in every copy of this entry: once the index's writer has
        /// written a large one, the run's other holders of its record (the scheduler's outcome,
        /// until the write returns) no longer keep tens of MB alive while the store writes its
        /// row (issue 14, item 8).
        package func releaseBody() { box.release() }

        private final class Body: @unchecked Sendable {
            private let lock = NSLock()
            private var value: String
            init(_ value: String) { self.value = value }
            var text: String { lock.withLock { value } }
            func release() { lock.withLock { value = "" } }
        }

        /// `folded` is the fold of the record's text when the caller has it already.
        public init(_ record: Record, folded: FoldedText?) {
            id = record.id
            title = VietnameseFolding.indexText(record.title ?? "")
            units = VietnameseFolding.indexText(record.units.map(\.name).joined(separator: " | "))
            box = Body(record.text.isEmpty ? "" : Self.body(folded: (folded ?? TextDocument(record.text).folded).bytes))
        }

        /// `folded` is the fold of the record's text (whose own `text` may be left empty).
        public init(_ record: Record, foldedBytes folded: [UInt8]) {
            id = record.id
            title = VietnameseFolding.indexText(record.title ?? "")
            units = VietnameseFolding.indexText(record.units.map(\.name).joined(separator: " | "))
            box = Body(Self.body(folded: folded))
        }

        /// The indexed text of a fold: folded bytes are ASCII but for 0x80, which stands for any
        /// other scalar: made a space.
        static func body(folded bytes: [UInt8]) -> String {
            String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in 0..<bytes.count { out[index] = bytes[index] < 0x80 ? bytes[index] : 0x20 }
                return bytes.count
            }
        }
    }

    /// Indexes these records as written by `run`, replacing what the index held of them, in one transaction.
    public func apply(_ entries: [Entry], run: Int64) throws {
        guard !entries.isEmpty else { return }
        try pool.write { db in
            for entry in entries { try Self.put(db, entry, run: run, schema: "main", segmentBytes: segmentBytes) }
        }
    }

    /// Writes one entry through a connection where the index is the schema `schema`: one row,
    /// or one row a segment for a long text (`segmentBytes`).
    package static func put(_ db: Database, _ entry: Entry, run: Int64, schema: String, segmentBytes: Int) throws {
        let find = try db.cachedStatement(sql: "SELECT rowid FROM \(schema).entries WHERE id = ?")
        if let rowid = try Int64.fetchOne(find, arguments: [entry.id]) {
            try remove(db, entry: rowid, schema: schema)
        }
        try db.cachedStatement(sql: "INSERT INTO \(schema).entries (id, run) VALUES (?, ?)").execute(arguments: [entry.id, run])
        let rowid = db.lastInsertedRowID
        let insert = "INSERT INTO \(schema).search (rowid, title, body, units) VALUES (?, ?, ?, ?)"
        guard entry.body.utf8.count > segmentBytes else {
            try db.cachedStatement(sql: insert).execute(arguments: [rowid, entry.title, entry.body, entry.units])
            return
        }
        var body = entry.body
        try body.withUTF8 { bytes in
            for (index, range) in segments(of: bytes, limit: segmentBytes).enumerated() {
                let segment = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                if index == 0 {
                    // Not a cached statement: its arguments would keep the segment after the write.
                    try db.execute(sql: insert, arguments: [rowid, entry.title, segment, entry.units])
                } else {
                    try db.cachedStatement(sql: "INSERT INTO \(schema).segments (entry) VALUES (?)").execute(arguments: [rowid])
                    try db.execute(sql: insert, arguments: [-db.lastInsertedRowID, "", segment, ""])
                }
            }
        }
    }

    /// Removes the entry whose rowid is `entry`, its row of the index and those of its segments.
    package static func remove(_ db: Database, entry rowid: Int64, schema: String) throws {
        let segments = try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM \(schema).segments WHERE entry = ?"), arguments: [rowid])
        for segment in segments {
            try db.cachedStatement(sql: "DELETE FROM \(schema).search WHERE rowid = ?").execute(arguments: [-segment])
        }
        if !segments.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM \(schema).segments WHERE entry = ?").execute(arguments: [rowid])
        }
        try db.cachedStatement(sql: "DELETE FROM \(schema).search WHERE rowid = ?").execute(arguments: [rowid])
        try db.cachedStatement(sql: "DELETE FROM \(schema).entries WHERE rowid = ?").execute(arguments: [rowid])
    }

    /// Tokenises every entry into the index again. `vanthu bench` times it: the index writer's
    /// share of a run.
    public func rebuild() throws {
        try pool.write { db in try db.execute(sql: "INSERT INTO search(search) VALUES('rebuild')") }
    }

    /// What an index file looks like before the store attaches it.
    public enum Health: Equatable, Sendable {
        case missing
        case sound
        /// Not a database, or without the index's tables, or unreadable: the reason.
        case damaged(String)
    }

    /// Opens the file at `url` read-only on its own and reads its schema, its entries and the
    /// full-text structure (cheap: no full scan). A file that fails is damaged; as derived data,
    /// a writable store replaces it and a reader says so instead of failing the whole command.
    public static func health(at url: URL, immutable: Bool) -> Health {
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: immutable ? ArchiveStore.immutableURI(url) : url.path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db -> Health in
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                // A file the migrator has not yet reached (an empty one) is filled by the next run.
                if tables.isEmpty { return .sound }
                guard tables.contains("entries"), tables.contains("search") else { return .damaged("it lacks the index's tables") }
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries")
                _ = try Int64.fetchOne(db, sql: "SELECT rowid FROM search WHERE search MATCH 'vanthu' LIMIT 1")
                return .sound
            }
        } catch {
            return .damaged(Self.reason(error))
        }
    }

    /// SQLite's message, without GRDB's statement text.
    package static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// Deletes the index file and its WAL and shared-memory files.
    package static func removeFiles(folder: URL) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let url = folder.appendingPathComponent(fileName + suffix)
            do { try FileManager.default.removeItem(at: url) } catch CocoaError.fileNoSuchFile {
            } catch where !FileManager.default.fileExists(atPath: url.path) {}
        }
    }

    public var entryCount: Int {
        (try? pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries") ?? 0 }) ?? 0
    }
}
