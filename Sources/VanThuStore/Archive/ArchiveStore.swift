import Foundation
import GRDB
import struct VanThuExtract.Record
import VanThuText
import VanThuFormats
import VanThuExtract

/// The embedded store: one SQLite file (`vanthu.sqlite`, WAL) in the output folder. It holds every
/// record, every input file seen (path → document, size, mtime, checksum, last seen), the runs,
/// the quarantine and the facts researchers filter on. The full-text index of folded text is in a
/// second file beside it (`SearchIndex`), attached for searching. The archive files are exported
/// from the store by streaming.
public final class ArchiveStore: @unchecked Sendable {
    public static let fileName = "vanthu.sqlite"
    public let url: URL
    /// A pool of connections, or one connection to an immutable file (read-only media).
    package let pool: any DatabaseWriter
    /// The full-text index and its own writer; nil when the store is opened read-only.
    public let index: SearchIndex?
    /// Whether the index's file is attached to the store's connections (as `idx`), for searching.
    package let indexAttached: Bool
    /// Why the index file was found unusable (and, when the store is writable, replaced by an
    /// empty one that `reconcileSearchIndex()` fills from the records); nil when it was sound.
    public let indexProblem: String?
    /// Opened read-only from a folder that cannot be written (read-only media, another user's
    /// archive): the files are read as immutable, without the WAL's shared memory.
    public let immutable: Bool

    /// Opens (and creates, unless `readOnly`) the store of an output folder. `rebuildIndex`
    /// replaces the search index file with an empty one first (the next reconcile fills it).
    /// A read-only store is opened immutable when its folder or file cannot be written, or when
    /// `immutable` asks for it.
    /// `indexSegmentBytes`: see `SearchIndex.defaultSegmentBytes` (tests index in smaller segments).
    public init(folder: URL, readOnly: Bool = false, rebuildIndex: Bool = false, immutable forceImmutable: Bool = false,
                indexSegmentBytes: Int = SearchIndex.defaultSegmentBytes) throws {
        var folder = folder
        url = folder.appendingPathComponent(Self.fileName)
        // A store that cannot be written whose last transactions are still in its WAL (a run
        // killed before the checkpoint) cannot be read in place: SQLite must rebuild the WAL's
        // index to read them. It is read from a copy instead.
        snapshot = readOnly && Self.unwritable(folder, forceImmutable) && Self.hasPendingWAL(folder) ? try Self.copyForReading(folder) : nil
        if let snapshot { folder = snapshot }
        let indexURL = folder.appendingPathComponent(SearchIndex.fileName)
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(30)
        let attach: Bool
        if readOnly {
            index = nil
            immutable = snapshot == nil && Self.unwritable(folder, forceImmutable)
            switch SearchIndex.health(at: indexURL, immutable: immutable) {
            case .missing: attach = false; indexProblem = nil
            case .sound: attach = true; indexProblem = nil
            case .damaged(let reason): attach = false; indexProblem = reason
            }
        } else {
            immutable = false
            // The index is derived data: a damaged file is replaced and filled again from the records.
            var problem: String?
            if rebuildIndex { problem = "replaced on request" }
            else if case .damaged(let reason) = SearchIndex.health(at: indexURL, immutable: false) { problem = reason }
            if problem != nil { try SearchIndex.removeFiles(folder: folder) }
            var opened: SearchIndex
            do { opened = try SearchIndex(folder: folder, segmentBytes: indexSegmentBytes) } catch {
                problem = "\(error)"
                try SearchIndex.removeFiles(folder: folder)
                opened = try SearchIndex(folder: folder, segmentBytes: indexSegmentBytes)
            }
            index = opened
            indexProblem = problem
            attach = true
        }
        indexAttached = attach
        let indexLocation = immutable ? Self.immutableURI(indexURL) : indexURL.path
        configuration.prepareDatabase { db in
            try Self.tune(db)
            if attach { try db.execute(sql: "ATTACH DATABASE ? AS idx", arguments: [indexLocation]) }
        }
        let storePath = folder.appendingPathComponent(Self.fileName)
        if immutable {
            pool = try DatabaseQueue(path: Self.immutableURI(storePath), configuration: configuration)
        } else {
            pool = try DatabasePool(path: storePath.path, configuration: configuration)
        }
        if !readOnly {
            try Self.migrator.migrate(pool)
            try pool.writeWithoutTransaction { db in try Self.tuneWriter(db) }
        }
    }

    /// The copy a read-only store is read from (see `init`), removed with the store.
    package let snapshot: URL?

    deinit {
        if let snapshot { try? FileManager.default.removeItem(at: snapshot) }
    }

    package static func unwritable(_ folder: URL, _ force: Bool) -> Bool {
        force || access(folder.path, W_OK) != 0 || access(folder.appendingPathComponent(fileName).path, W_OK) != 0
    }

    package static func hasPendingWAL(_ folder: URL) -> Bool {
        [fileName, SearchIndex.fileName].contains { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name + "-wal").path)
            return ((attributes?[.size] as? NSNumber)?.intValue ?? 0) > 0
        }
    }

    /// Copies the store's and the index's files (with their WAL) into a new temporary folder.
    package static func copyForReading(_ folder: URL) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-read-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in [fileName, SearchIndex.fileName] {
            for suffix in ["", "-wal"] {
                let source = folder.appendingPathComponent(name + suffix)
                guard FileManager.default.fileExists(atPath: source.path) else { continue }
                try FileManager.default.copyItem(at: source, to: copy.appendingPathComponent(name + suffix))
            }
        }
        return copy
    }

    /// A URI that opens `url` as immutable: SQLite takes no lock and needs no `-shm` file, so a
    /// store on read-only media can be read. (The system SQLite accepts URIs as file names.)
    package static func immutableURI(_ url: URL) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (url.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? url.path) + "?immutable=1"
    }

    /// Settings of every connection to the store's files. `synchronous = NORMAL` in WAL mode syncs
    /// at checkpoints, not at every commit: a power cut can lose the last transactions but never
    /// leaves the file inconsistent, and a killed run loses nothing committed (the next run
    /// redoes what is missing). 16 KB pages (new files only) hold a typical record without a chain
    /// of overflow pages. Both measured on a 50 MB run: the store writer's CPU time down by 17%.
    package static func tune(_ db: Database) throws {
        try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL")
    }

    /// The writer's page cache: 16 MB instead of SQLite's 2 MB. Documents are keyed by a checksum,
    /// so inserts land on random pages of the key's index; with 2 MB cached, 100 000 small files
    /// made SQLite read and write back the same pages again and again (measured standalone: 9.7
    /// GB written for 100 MB of records, 1.9 GB with 16 MB and the facts table below).
    package static func tuneWriter(_ db: Database, cacheKiB: Int = 16384) throws {
        try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
    }

    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id TEXT PRIMARY KEY,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    extractorVersion TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    date TEXT,
                    title TEXT,
                    record BLOB NOT NULL,
                    facts BLOB NOT NULL,
                    gone INTEGER NOT NULL DEFAULT 0,
                    firstRun INTEGER,
                    lastRun INTEGER
                );
                CREATE TABLE sources (
                    location TEXT PRIMARY KEY,
                    root TEXT NOT NULL,
                    path TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    mtime REAL NOT NULL,
                    sha256 TEXT,
                    documentId TEXT,
                    status TEXT NOT NULL,
                    extractorVersion TEXT NOT NULL,
                    lastSeenRun INTEGER NOT NULL
                );
                CREATE INDEX sources_document ON sources(documentId);
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    startedAt TEXT NOT NULL,
                    finishedAt TEXT,
                    inputs INTEGER, processed INTEGER, skipped INTEGER, archived INTEGER,
                    quarantined INTEGER, gone INTEGER, exitStatus INTEGER
                );
                CREATE TABLE quarantine (
                    location TEXT PRIMARY KEY,
                    path TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    runId INTEGER
                );
                CREATE TABLE facts (documentId TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL);
                CREATE INDEX facts_lookup ON facts(type, value);
                CREATE INDEX facts_document ON facts(documentId);
                CREATE VIRTUAL TABLE search USING fts5(title, body, units, tokenize = 'ascii');
                """)
        }
        migrator.registerMigration("v2-summary") { db in
            // Consolidation reads a small summary of each record instead of the whole record
            // without its text (`facts`), which was most of the export's time to decode.
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN summary BLOB NOT NULL DEFAULT x''")
            let rows = try Row.fetchCursor(db, sql: "SELECT id, facts FROM documents")
            let update = try db.makeStatement(sql: "UPDATE documents SET summary = ? WHERE id = ?")
            while let row = try rows.next() {
                let id: String = row[0]
                let record = try Record(jsonBytes: [UInt8](row[1] as Data))
                var writer = JSONWriter()
                RecordSummary(record).write(to: &writer)
                try update.execute(arguments: [Data(writer.bytes), id])
            }
            try db.execute(sql: "ALTER TABLE documents DROP COLUMN facts")
        }
        migrator.registerMigration("v3-search-file") { db in
            // The full-text index moved to its own file (SearchIndex), written by its own thread;
            // `reconcileSearchIndex()` fills it from the records.
            try db.execute(sql: "DROP TABLE IF EXISTS main.search")
        }
        migrator.registerMigration("v4-facts-by-document") { db in
            // One B-tree keyed by document instead of a table and two indexes: every search
            // filter looks facts up by document, and the index by (type, value) made each insert
            // touch another random page.
            try db.execute(sql: """
                CREATE TABLE facts_by_document (documentId TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL,
                    PRIMARY KEY (documentId, type, value)) WITHOUT ROWID;
                INSERT OR IGNORE INTO facts_by_document SELECT documentId, type, value FROM facts;
                DROP TABLE facts;
                ALTER TABLE facts_by_document RENAME TO facts;
                """)
        }
        migrator.registerMigration("v5-generation") { db in
            // The store's generation goes up with every transaction that changes what the archive
            // shows; the archive files are rewritten whenever the generation they were exported
            // from is not the store's (a killed or failed export is redone by the next run).
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta (key, value) VALUES ('generation', '1');
                """)
        }
        migrator.registerMigration("v6-record-last") { db in
            // `record` becomes the row's last column, so a large record can be inserted as a
            // `zeroblob` and written a piece at a time (`RecordBlob.write`): SQLite keeps a
            // trailing zero blob as a count, but expands one that a column with data follows, and
            // a bound blob is copied whole into the row it assembles (a 64 MB text's record was
            // held twice in the writer; issue 14, item 8). Rowids are kept. Copies every record once.
            try db.execute(sql: """
                CREATE TABLE documents_v6 (
                    id TEXT PRIMARY KEY,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    extractorVersion TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    date TEXT,
                    title TEXT,
                    summary BLOB NOT NULL DEFAULT x'',
                    gone INTEGER NOT NULL DEFAULT 0,
                    firstRun INTEGER,
                    lastRun INTEGER,
                    record BLOB NOT NULL
                );
                INSERT INTO documents_v6 (rowid, id, path, sha256, size, extractorVersion, kind, date, title, summary, gone,
                                          firstRun, lastRun, record)
                    SELECT rowid, id, path, sha256, size, extractorVersion, kind, date, title, summary, gone,
                           firstRun, lastRun, record FROM documents;
                DROP TABLE documents;
                ALTER TABLE documents_v6 RENAME TO documents;
                """)
        }
        return migrator
    }

    // MARK: Generation and export state

    package static func bumpGeneration(_ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'").execute()
    }

    /// The store's generation: it changes with every write that can change the archive.
    public func generation() throws -> Int64 {
        try pool.read { db in
            Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'") ?? "0") ?? 0
        }
    }

    /// The state the archive files were last completely written from (`exportState(…)`), if any.
    public func exportedState() throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'exported'") }
    }

    /// Records that the archive files now show `state`. Written only after every file is renamed
    /// into place, so an export killed or failed part way is redone by the next run.
    public func setExportedState(_ state: String?) throws {
        try pool.write { db in
            if let state {
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('exported', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [state])
            } else {
                try db.execute(sql: "DELETE FROM meta WHERE key = 'exported'")
            }
        }
    }

    // MARK: Runs

    public func beginRun() throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO runs (startedAt) VALUES (?)", arguments: [ISO8601DateFormatter().string(from: Date())])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, report: RunReport) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE runs SET finishedAt = ?, inputs = ?, processed = ?, skipped = ?, archived = ?, quarantined = ?,
                gone = ?, exitStatus = ? WHERE id = ?
                """, arguments: [ISO8601DateFormatter().string(from: Date()), report.inputsFound, report.processed, report.skipped,
                                 report.archived, report.quarantined.count, report.gone, Int(report.exitStatus.rawValue), id])
        }
    }

    // MARK: Sources

    public struct SourceRow: Sendable, Equatable {
        public var location: String
        public var root: String
        public var path: String
        public var size: Int
        public var mtime: Double
        public var sha256: String?
        public var documentId: String?
        public var status: KnownSource.Status
        public var extractorVersion: String

        package init(location: String, root: String, path: String, size: Int, mtime: Double, sha256: String? = nil,
                     documentId: String? = nil, status: KnownSource.Status, extractorVersion: String) {
            self.location = location; self.root = root; self.path = path; self.size = size; self.mtime = mtime
            self.sha256 = sha256; self.documentId = documentId; self.status = status; self.extractorVersion = extractorVersion
        }
    }

    /// What a run needs of a file seen before to decide whether to read it again. Kept small: a
    /// nightly run loads one for every file of the backlog.
    public struct KnownSource: Sendable, Equatable {
        /// What became of a file: its name is what the `sources` table's `status` column holds.
        public enum Status: String, Sendable { case archived, quarantined, gone }
        public var size: Int
        public var mtime: Double
        public var status: Status
        /// Processed under the extractor version asked for (the same rules and configuration).
        public var current: Bool
        /// Index into `KnownSources.roots`.
        public var root: Int

        package init(size: Int, mtime: Double, status: Status, current: Bool, root: Int) {
            self.size = size; self.mtime = mtime; self.status = status; self.current = current; self.root = root
        }
    }

    public struct KnownSources: Sendable {
        public var byLocation: [String: KnownSource] = [:]
        /// The input roots the files were found under.
        public var roots: [String] = []
        package init() {}
    }

    /// Every file seen before, by location.
    public func knownSources(extractorVersion: String) throws -> KnownSources {
        try pool.read { db in
            var known = KnownSources()
            var rootIndex: [String: Int] = [:]
            for root in try String.fetchAll(db, sql: "SELECT DISTINCT root FROM sources ORDER BY root") {
                rootIndex[root] = known.roots.count
                known.roots.append(root)
            }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources") ?? 0
            known.byLocation.reserveCapacity(count)
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT location, size, mtime, status, extractorVersion = ?, root FROM sources
                """, arguments: [extractorVersion])
            while let row = try cursor.next() {
                let status = KnownSource.Status(rawValue: row[3] as String) ?? .gone
                known.byLocation[row[0]] = KnownSource(size: row[1], mtime: row[2], status: status, current: row[4],
                                                      root: rootIndex[row[5] as String] ?? -1)
            }
            return known
        }
    }

    /// The checksum and document of a file as last archived.
    public func archivedSource(at location: String) throws -> (sha256: String, documentId: String?)? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT sha256, documentId FROM sources WHERE location = ?"),
                                             arguments: [location]),
                  let sha: String = row[0] else { return nil }
            return (sha, row[1])
        }
    }

    /// Quarantine reasons by location, for inputs skipped because they did not change.
    public func quarantineEntries() throws -> [String: Quarantine] {
        try pool.read { db in
            var out: [String: Quarantine] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT location, stage, reason FROM quarantine") {
                // A stage this version does not know (a store written by another) reads as ingest.
                out[row[0]] = Quarantine(stage: StageName(rawValue: row[1]) ?? .ingest, reason: row[2])
            }
            return out
        }
    }

    /// Why a file was refused: the stage that refused it and its reason.
    public struct Quarantine: Sendable, Equatable {
        public var stage: StageName
        public var reason: String

        public init(stage: StageName, reason: String) {
            self.stage = stage
            self.reason = reason
        }
    }

    /// What one batch changes, written in one transaction so a crash leaves the store consistent.
    public struct Batch: Sendable {
        public var archived: [Archived] = []
        public var quarantined: [Quarantined] = []
        /// Sources whose bytes did not change although their size or mtime did.
        public var touched: [SourceRow] = []
        public var isEmpty: Bool { archived.isEmpty && quarantined.isEmpty && touched.isEmpty }
        public init() {}

        /// A file archived: its record prepared for the store, and its row in `sources`.
        public struct Archived: Sendable {
            public var record: PreparedRecord
            public var source: SourceRow

            public init(_ record: PreparedRecord, _ source: SourceRow) {
                self.record = record
                self.source = source
            }
        }

        /// A file refused, and why.
        public struct Quarantined: Sendable {
            public var source: SourceRow
            public var quarantine: Quarantine

            public init(_ source: SourceRow, _ quarantine: Quarantine) {
                self.source = source
                self.quarantine = quarantine
            }
        }

        /// Adds another batch's changes after these.
        public mutating func append(_ other: Batch) {
            archived += other.archived
            quarantined += other.quarantined
            touched += other.touched
        }
    }

    public func apply(_ batch: Batch, run: Int64, extractorVersion: String) throws {
        guard !batch.isEmpty else { return }
        try pool.write { db in
            let previousOf = try db.cachedStatement(sql: "SELECT documentId FROM sources WHERE location = ?")
            let upsertDocument = try db.cachedStatement(sql: """
                INSERT INTO documents (id, path, sha256, size, extractorVersion, kind, date, title, record, summary, gone, firstRun, lastRun)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                ON CONFLICT(id) DO UPDATE SET path = excluded.path, extractorVersion = excluded.extractorVersion,
                    kind = excluded.kind, date = excluded.date, title = excluded.title, record = excluded.record,
                    summary = excluded.summary, gone = 0, lastRun = excluded.lastRun
                """)
            let upsertLargeDocument = try db.cachedStatement(sql: """
                INSERT INTO documents (id, path, sha256, size, extractorVersion, kind, date, title, record, summary, gone, firstRun, lastRun)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, zeroblob(?), ?, 0, ?, ?)
                ON CONFLICT(id) DO UPDATE SET path = excluded.path, extractorVersion = excluded.extractorVersion,
                    kind = excluded.kind, date = excluded.date, title = excluded.title, record = excluded.record,
                    summary = excluded.summary, gone = 0, lastRun = excluded.lastRun
                """)
            let rowidOf = try db.cachedStatement(sql: "SELECT rowid FROM documents WHERE id = ?")
            let clearQuarantine = try db.cachedStatement(sql: "DELETE FROM quarantine WHERE location = ?")
            let upsertQuarantine = try db.cachedStatement(sql: """
                INSERT INTO quarantine (location, path, stage, reason, runId) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(location) DO UPDATE SET path = excluded.path, stage = excluded.stage, reason = excluded.reason,
                    runId = excluded.runId
                """)
            for archived in batch.archived {
                let prepared = archived.record, source = archived.source
                let record = prepared.record
                let previous = try String.fetchOne(previousOf, arguments: [source.location])
                try prepared.json.withUnsafeBytes { json in
                    if json.count >= RecordBlob.pieceBytes {
                        // A large record: the row gets a zero blob of its size (its last column,
                        // kept by SQLite as a count), then the JSON is copied in a piece at a time,
                        // never into a row SQLite assembles whole.
                        try upsertLargeDocument.execute(arguments: [record.id, record.source.path, record.source.sha256,
                                                                    record.source.bytes, extractorVersion, record.kind.rawValue,
                                                                    record.date, record.title, json.count,
                                                                    Data(prepared.summary), run, run])
                        guard let rowid = try Int64.fetchOne(rowidOf, arguments: [record.id]) else {
                            throw DatabaseError(resultCode: .SQLITE_NOTFOUND, message: "document \(record.id) not written")
                        }
                        try RecordBlob.write(db, rowid: rowid, json)
                        return
                    }
                    // Bound where it lies (GRDB binds a few arguments without copying them).
                    let recordBlob = json.isEmpty ? Data()
                        : Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: json.baseAddress!), count: json.count, deallocator: .none)
                    try upsertDocument.execute(arguments: [record.id, record.source.path, record.source.sha256, record.source.bytes,
                                                           extractorVersion, record.kind.rawValue, record.date, record.title, recordBlob,
                                                           Data(prepared.summary), run, run])
                }
                try Self.upsertSource(db, source, run: run)
                try clearQuarantine.execute(arguments: [source.location])
                try Self.writeFacts(db, id: record.id, prepared.facts)
                if let previous, previous != record.id { try Self.dropIfOrphaned(db, previous) }
            }
            for entry in batch.quarantined {
                let source = entry.source
                try Self.upsertSource(db, source, run: run)
                try upsertQuarantine.execute(arguments: [source.location, source.path, entry.quarantine.stage.rawValue,
                                                         entry.quarantine.reason, run])
            }
            for source in batch.touched { try Self.upsertSource(db, source, run: run) }
            try Self.bumpGeneration(db)
        }
    }

    /// Marks these sources gone, and documents left with no live source as gone (kept, not
    /// deleted). Returns how many sources went.
    public func markGone(locations: [String]) throws -> Int {
        guard !locations.isEmpty else { return 0 }
        return try pool.write { db in
            let gone = try db.cachedStatement(sql: "UPDATE sources SET status = 'gone' WHERE location = ?")
            let unquarantine = try db.cachedStatement(sql: "DELETE FROM quarantine WHERE location = ?")
            for location in locations {
                try gone.execute(arguments: [location])
                try unquarantine.execute(arguments: [location])
            }
            try db.execute(sql: """
                UPDATE documents SET gone = 1 WHERE gone = 0 AND NOT EXISTS (
                    SELECT 1 FROM sources WHERE sources.documentId = documents.id AND sources.status = 'archived')
                """)
            try Self.bumpGeneration(db)
            return locations.count
        }
    }

    package static func upsertSource(_ db: Database, _ s: SourceRow, run: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO sources (location, root, path, size, mtime, sha256, documentId, status, extractorVersion, lastSeenRun)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(location) DO UPDATE SET root = excluded.root, path = excluded.path, size = excluded.size,
                mtime = excluded.mtime, sha256 = excluded.sha256, documentId = COALESCE(excluded.documentId, sources.documentId),
                status = excluded.status, extractorVersion = excluded.extractorVersion, lastSeenRun = excluded.lastSeenRun
            """)
        try statement.execute(arguments: [s.location, s.root, s.path, s.size, s.mtime, s.sha256, s.documentId, s.status.rawValue,
                                          s.extractorVersion, run])
    }

    /// A changed file replaces its record: the old one goes when no other file holds those bytes.
    package static func dropIfOrphaned(_ db: Database, _ id: String) throws {
        let holders = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources WHERE documentId = ?", arguments: [id]) ?? 0
        guard holders == 0 else { return }
        try db.execute(sql: "DELETE FROM facts WHERE documentId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }

    /// The facts researchers filter on, of one record.
    package static func writeFacts(_ db: Database, id: String, _ facts: [PreparedRecord.Fact]) throws {
        try db.cachedStatement(sql: "DELETE FROM facts WHERE documentId = ?").execute(arguments: [id])
        let insertFact = try db.cachedStatement(sql: "INSERT INTO facts (documentId, type, value) VALUES (?, ?, ?)")
        for fact in facts { try insertFact.execute(arguments: [id, fact.type, fact.value]) }
    }

    /// Hands back the memory the writers' page caches hold, once a run's writing is done and
    /// before the export, which needs memory of its own.
    public func releaseMemory() {
        (pool as? DatabasePool)?.releaseMemory()
        (pool as? DatabaseQueue)?.releaseMemory()
        index?.pool.releaseMemory()
    }

    // MARK: The full-text index

    /// What `reconcileSearchIndex()` changed.
    public struct IndexRepair: Sendable, Equatable {
        /// Entries of documents that are no longer stored, or that were rewritten since.
        public var removed = 0
        /// Documents indexed from their stored record: missing, or rewritten since.
        public var added = 0
    }

    /// Makes the index hold exactly the stored documents as last written. After a normal run it
    /// finds nothing to do but drop the entries of replaced documents; after a run killed between
    /// the two files' commits, an upgrade from a store with the index inside, or a lost
    /// `search.sqlite`, it indexes what is missing from the records themselves.
    @discardableResult
    public func reconcileSearchIndex() throws -> IndexRepair {
        guard indexAttached else { throw missingIndexProblem }
        return try pool.write { db in
            var repair = IndexRepair()
            let stale = try Int64.fetchAll(db, sql: """
                SELECT e.rowid FROM idx.entries e LEFT JOIN documents d ON d.id = e.id
                WHERE d.id IS NULL OR IFNULL(d.lastRun, 0) <> e.run
                """)
            for rowid in stale { try SearchIndex.remove(db, entry: rowid, schema: "idx") }
            repair.removed = stale.count
            let missing = try String.fetchAll(db, sql: """
                SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM idx.entries e WHERE e.id = d.id) ORDER BY d.id
                """)
            let recordOf = try db.cachedStatement(sql: "SELECT record, lastRun FROM documents WHERE id = ?")
            for id in missing {
                guard let row = try Row.fetchOne(recordOf, arguments: [id]) else { continue }
                let record = try Record(jsonBytes: [UInt8](row[0] as Data))
                try SearchIndex.put(db, SearchIndex.Entry(record, folded: nil), run: (row[1] as Int64?) ?? 0, schema: "idx",
                                    segmentBytes: index?.segmentBytes ?? SearchIndex.defaultSegmentBytes)
            }
            repair.added = missing.count
            return repair
        }
    }

    /// Whether the index can be out of step with the store although this run wrote nothing: the
    /// run before did not finish (killed between the two files' commits, or failed), or the
    /// index holds another number of documents than the store (lost, replaced, or from before
    /// the index had its own file). Cheap, so that an unchanged nightly run skips the reconciling.
    public func searchIndexMayBeStale(before run: Int64) throws -> Bool {
        guard indexAttached else { return true }
        return try pool.read { db in
            let previous = try Row.fetchOne(db, sql: "SELECT finishedAt FROM runs WHERE id < ? ORDER BY id DESC LIMIT 1", arguments: [run])
            if let previous, (previous[0] as String?) == nil { return true }
            let documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
            let entries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM idx.entries") ?? 0
            return documents != entries
        }
    }

    /// Tokenises every stored document into the full-text index again. `vanthu bench` times it:
    /// the index writer's share of a run, which the store's own writing overlaps.
    public func rebuildSearchIndex() throws {
        guard let index else { throw StoreProblem.readOnly }
        try index.rebuild()
    }

    /// Why searching is not possible: no index yet, or a damaged one.
    package var missingIndexProblem: StoreProblem {
        let folder = url.deletingLastPathComponent().path
        if let indexProblem { return .damagedSearchIndex(folder: folder, reason: indexProblem) }
        return .noSearchIndex(folder: folder)
    }

    public enum StoreProblem: Error, CustomStringConvertible {
        case noSearchIndex(folder: String)
        case damagedSearchIndex(folder: String, reason: String)
        case readOnly

        public var description: String {
            switch self {
            case .noSearchIndex(let folder):
                return "\(folder) has no search index (\(SearchIndex.fileName)) yet: run `vanthu run` on this output once to build it"
            case .damagedSearchIndex(let folder, let reason):
                return "the search index \(folder)/\(SearchIndex.fileName) is damaged (\(reason)); it is derived data: "
                    + "the next `vanthu run` on this output rebuilds it from the store"
            case .readOnly: return "the store is open read-only"
            }
        }
    }

    // MARK: Reading

    /// One stored document as the exporter streams it.
    public struct StoredDocument {
        /// The record JSON as extraction wrote it.
        public var json: [UInt8]
        /// The record's summary JSON, for consolidation.
        public var summary: [UInt8]
        public var gone: Bool
        /// Relative paths of the live files that hold these bytes, sorted.
        public var paths: [String]
        /// The input root of each of `paths`.
        public var roots: [String] = []

        package init(json: [UInt8], summary: [UInt8], gone: Bool, paths: [String], roots: [String] = []) {
            self.json = json; self.summary = summary; self.gone = gone; self.paths = paths; self.roots = roots
        }
    }

    /// Streams every document in id order (never all in memory); with `query`, only those its
    /// words and filters find.
    public func forEachDocument(matching query: SearchQuery? = nil, _ body: (StoredDocument) throws -> Void) throws {
        var condition = ""
        var arguments: [DatabaseValueConvertible?] = []
        if let query {
            let (sql, values) = try matchingIds(query)
            condition = "WHERE d.id IN (\(sql))"
            arguments = values
        }
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT d.record, d.summary, d.gone, (SELECT json_group_array(path) FROM
                    (SELECT path FROM sources s WHERE s.documentId = d.id AND s.status = 'archived' ORDER BY path, root)),
                    (SELECT json_group_array(root) FROM
                    (SELECT root FROM sources s WHERE s.documentId = d.id AND s.status = 'archived' ORDER BY path, root))
                FROM documents d \(condition) ORDER BY d.id
                """, arguments: StatementArguments(arguments))
            while let row = try cursor.next() {
                // Straight from SQLite's buffer into the array: a record can be tens of MB.
                let json = try row.withUnsafeData(atIndex: 0) { data in data.map { [UInt8]($0) } ?? [] }
                let summary: Data = row[1]
                // JSON arrays: a file name may hold any character but NUL (a newline too).
                func strings(_ index: Int) -> [String] {
                    var values: [String] = []
                    if let list = row[index] as String?, case .array(let items)? = try? JSONValue.parse(Array(list.utf8)) {
                        for item in items {
                            if case .string(let value) = item { values.append(value) } else { values.append("") }
                        }
                    }
                    return values
                }
                try body(StoredDocument(json: json, summary: [UInt8](summary), gone: (row[2] as Int) != 0, paths: strings(3),
                                        roots: strings(4)))
            }
        }
    }

    /// Ids are 16 hexadecimal digits; a lookup takes at least 4 of their first characters.
    public static let idCharacters = Set("0123456789abcdef")

    /// What `lookup(id:)` found.
    public enum Lookup {
        case found(Record)
        case notFound
        /// The prefix given starts several ids (the first few, sorted).
        case ambiguous([String])
    }

    /// The document whose id is `id`, or the one whose id starts with it. The id is matched as
    /// text, never as a pattern: `%` or `_` find nothing, and an id longer than any stored one is
    /// not found without asking SQLite.
    public func lookup(id: String) throws -> Lookup {
        let id = id.lowercased()
        guard (1...64).contains(id.count), id.allSatisfy({ Self.idCharacters.contains($0) }) else { return .notFound }
        return try pool.read { db in
            if let data = try Data.fetchOne(db, sql: "SELECT record FROM documents WHERE id = ?", arguments: [id]) {
                return .found(try Record(jsonBytes: [UInt8](data)))
            }
            // Ids are hexadecimal: every id that starts with the prefix sorts before the prefix and "g".
            let ids = try String.fetchAll(db, sql: "SELECT id FROM documents WHERE id > ? AND id < ? ORDER BY id LIMIT 5",
                                          arguments: [id, id + "g"])
            guard let first = ids.first else { return .notFound }
            guard ids.count == 1 else { return .ambiguous(ids) }
            guard let data = try Data.fetchOne(db, sql: "SELECT record FROM documents WHERE id = ?", arguments: [first]) else { return .notFound }
            return .found(try Record(jsonBytes: [UInt8](data)))
        }
    }

    public func record(id: String) throws -> Record? {
        if case .found(let record) = try lookup(id: id) { return record }
        return nil
    }

    public var documentCount: Int {
        (try? pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0 }) ?? 0
    }
}
