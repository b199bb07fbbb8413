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
        /// The folded text (made from the record's JSON, whole, when the entry reads it there).
        public var body: String {
            get { box.text }
            set { box = Body(newValue) }
        }

        /// The length of the folded text, or (for an entry that reads it from the record's JSON)
        /// an upper bound of it: the escaped text's length.
        public var bodyBytes: Int { box.length }

        /// The record's JSON and the range of its escaped text, for an entry made with
        /// `init(_:textInJSON:range:)` whose body has not been released.
        var bodyInJSON: (json: [UInt8], range: Range<Int>)? { box.inJSON }

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
            private enum Content {
                case folded(String)
                /// The record's JSON and where its escaped text lies in it.
                case json([UInt8], Range<Int>)
            }
            private let lock = NSLock()
            private var value: Content
            init(_ value: String) { self.value = .folded(value) }
            init(json: [UInt8], range: Range<Int>) { value = .json(json, range) }
            var text: String {
                switch lock.withLock({ value }) {
                case .folded(let text): return text
                case .json(let json, let range): return Entry.body(json: json, range: range)
                }
            }
            var length: Int {
                switch lock.withLock({ value }) {
                case .folded(let text): return text.utf8.count
                case .json(_, let range): return range.count
                }
            }
            var inJSON: (json: [UInt8], range: Range<Int>)? {
                if case .json(let json, let range) = lock.withLock({ value }) { return (json, range) }
                return nil
            }
            func release() { lock.withLock { value = .folded("") } }
        }

        /// An entry whose folded text is that of the text escaped at `range` of `json` (a record's
        /// JSON, shared, not copied): it is folded a piece at a time as it is written, so a large
        /// text's fold is never held whole (issue 14, item 8).
        public init(_ record: Record, textInJSON json: [UInt8], range: Range<Int>) {
            id = record.id
            title = VietnameseFolding.indexText(record.title ?? "")
            units = VietnameseFolding.indexText(record.units.map(\.name).joined(separator: " | "))
            box = Body(json: json, range: range)
        }

        /// The whole folded text of the text escaped at `range` of `json`.
        static func body(json: [UInt8], range: Range<Int>) -> String {
            var folded: [UInt8] = []
            json.withUnsafeBufferPointer { bytes in
                forEachFoldedPiece(ofEscaped: UnsafeBufferPointer(rebasing: bytes[range])) { folded.append(contentsOf: $0) }
            }
            return String(decoding: folded, as: UTF8.self)
        }

        /// Unescapes the JSON string content `escaped` a piece of about `pieceBytes` at a time
        /// (each cut before a scalar), and hands each piece's indexed fold (`body(folded:)`) to
        /// `body`. Folding is scalar by scalar, so the pieces make the fold of the whole text.
        static func forEachFoldedPiece(ofEscaped escaped: UnsafeBufferPointer<UInt8>, pieceBytes: Int = FoldedText.chunk,
                                       _ body: ([UInt8]) throws -> Void) rethrows {
            var piece: [UInt8] = []
            piece.reserveCapacity(pieceBytes + 8)
            var index = 0
            let count = escaped.count
            while index < count {
                if escaped[index] != 0x5C {
                    piece.append(escaped[index])
                    index += 1
                } else {
                    let backslash = index
                    do {
                        try JSONStringEscape.decode(escaped, at: &index, into: &piece)
                    } catch {
                        // Not what JSONWriter writes: the index stays usable, the escape is a space.
                        piece.append(0x20)
                        index = min(backslash + 2, count)
                    }
                }
                // A piece ends before a scalar's first byte.
                if piece.count >= pieceBytes && (index == count || escaped[index] & 0xC0 != 0x80) {
                    try body(Array(Self.body(folded: FoldedText(utf8: piece).bytes).utf8))
                    piece.removeAll(keepingCapacity: true)
                }
            }
            if !piece.isEmpty { try body(Array(Self.body(folded: FoldedText(utf8: piece).bytes).utf8)) }
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
        if let inJSON = entry.bodyInJSON {
            let (json, range) = (inJSON.json, inJSON.range)
            // Folded from the record's JSON a piece at a time, and cut into segments as
            // `segments(of:limit:)` cuts a whole body.
            var index = 0
            func write(_ segment: ArraySlice<UInt8>) throws {
                let text = String(decoding: segment, as: UTF8.self)
                if index == 0 {
                    try db.execute(sql: insert, arguments: [rowid, entry.title, text, entry.units])
                } else {
                    try db.cachedStatement(sql: "INSERT INTO \(schema).segments (entry) VALUES (?)").execute(arguments: [rowid])
                    try db.execute(sql: insert, arguments: [-db.lastInsertedRowID, "", text, ""])
                }
                index += 1
            }
            var pending: [UInt8] = []
            try json.withUnsafeBufferPointer { bytes in
                try Entry.forEachFoldedPiece(ofEscaped: UnsafeBufferPointer(rebasing: bytes[range])) { piece in
                    pending.append(contentsOf: piece)
                    while pending.count > segmentBytes {
                        let cut = pending.withUnsafeBufferPointer { segments(of: $0, limit: segmentBytes)[0].upperBound }
                        try write(pending[..<cut])
                        pending.removeFirst(cut)
                    }
                }
            }
            try write(pending[...])
            return
        }
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
