import Foundation
import GRDB

/// The embedded store: one SQLite file (`vanthu.sqlite`, WAL) in the output folder. It holds every
/// record, every input file seen (path → document, size, mtime, checksum, last seen), the runs,
/// the quarantine and the facts researchers filter on. The full-text index of folded text is in a
/// second file beside it (`SearchIndex`), attached for searching. The archive files are exported
/// from the store by streaming.
public final class ArchiveStore: @unchecked Sendable {
    public static let fileName = "vanthu.sqlite"
    public let url: URL
    let pool: DatabasePool
    /// The full-text index and its own writer; nil when the store is opened read-only.
    public let index: SearchIndex?
    /// Whether the index's file is attached to the store's connections (as `idx`), for searching.
    let indexAttached: Bool

    public init(folder: URL, readOnly: Bool = false) throws {
        url = folder.appendingPathComponent(Self.fileName)
        // The index first: the store's connections attach its file, and a read-only connection
        // cannot create it.
        index = readOnly ? nil : try SearchIndex(folder: folder)
        let indexPath = folder.appendingPathComponent(SearchIndex.fileName).path
        let attach = FileManager.default.fileExists(atPath: indexPath)
        indexAttached = attach
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try Self.tune(db)
            if attach { try db.execute(sql: "ATTACH DATABASE ? AS idx", arguments: [indexPath]) }
        }
        pool = try DatabasePool(path: url.path, configuration: configuration)
        if !readOnly {
            try Self.migrator.migrate(pool)
            try pool.writeWithoutTransaction { db in try Self.tuneWriter(db) }
        }
    }

    /// Settings of every connection to the store's files. `synchronous = NORMAL` in WAL mode syncs
    /// at checkpoints, not at every commit: a power cut can lose the last transactions but never
    /// leaves the file inconsistent, and a killed run loses nothing committed (the next run
    /// redoes what is missing). 16 KB pages (new files only) hold a typical record without a chain
    /// of overflow pages. Both measured on a 50 MB run: the store writer's CPU time down by 17%.
    static func tune(_ db: Database) throws {
        try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL")
    }

    /// The writer's page cache: 16 MB instead of SQLite's 2 MB. Documents are keyed by a checksum,
    /// so inserts land on random pages of the key's index; with 2 MB cached, 100 000 small files
    /// made SQLite read and write back the same pages again and again (measured standalone: 9.7
    /// GB written for 100 MB of records, 1.9 GB with 16 MB and the facts table below).
    static func tuneWriter(_ db: Database, cacheKiB: Int = 16384) throws {
        try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
    }

    static var migrator: DatabaseMigrator {
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
            let decoder = JSONDecoder()
            let rows = try Row.fetchCursor(db, sql: "SELECT id, facts FROM documents")
            let update = try db.makeStatement(sql: "UPDATE documents SET summary = ? WHERE id = ?")
            while let row = try rows.next() {
                let id: String = row[0]
                let record = try decoder.decode(Record.self, from: row[1] as Data)
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
        return migrator
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
        /// `archived`, `quarantined` or `gone`.
        public var status: String
        public var extractorVersion: String
    }

    /// What a run needs of a file seen before to decide whether to read it again. Kept small: a
    /// nightly run loads one for every file of the backlog.
    public struct KnownSource: Sendable, Equatable {
        public enum Status: UInt8, Sendable { case archived, quarantined, gone }
        public var size: Int
        public var mtime: Double
        public var status: Status
        /// Processed under the extractor version asked for (the same rules and configuration).
        public var current: Bool
        /// Index into `KnownSources.roots`.
        public var root: Int
    }

    public struct KnownSources: Sendable {
        public var byLocation: [String: KnownSource] = [:]
        /// The input roots the files were found under.
        public var roots: [String] = []
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
                let status: KnownSource.Status
                switch row[3] as String {
                case "archived": status = .archived
                case "quarantined": status = .quarantined
                default: status = .gone
                }
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
    public func quarantineEntries() throws -> [String: (stage: String, reason: String)] {
        try pool.read { db in
            var out: [String: (String, String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT location, stage, reason FROM quarantine") { out[row[0]] = (row[1], row[2]) }
            return out
        }
    }

    /// What one batch changes, written in one transaction so a crash leaves the store consistent.
    public struct Batch: Sendable {
        public var archived: [(record: PreparedRecord, source: SourceRow)] = []
        public var quarantined: [(source: SourceRow, stage: String, reason: String)] = []
        /// Sources whose bytes did not change although their size or mtime did.
        public var touched: [SourceRow] = []
        public var isEmpty: Bool { archived.isEmpty && quarantined.isEmpty && touched.isEmpty }
        public init() {}

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
            let clearQuarantine = try db.cachedStatement(sql: "DELETE FROM quarantine WHERE location = ?")
            let upsertQuarantine = try db.cachedStatement(sql: """
                INSERT INTO quarantine (location, path, stage, reason, runId) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(location) DO UPDATE SET path = excluded.path, stage = excluded.stage, reason = excluded.reason,
                    runId = excluded.runId
                """)
            for (prepared, source) in batch.archived {
                let record = prepared.record
                let previous = try String.fetchOne(previousOf, arguments: [source.location])
                try upsertDocument.execute(arguments: [record.id, record.source.path, record.source.sha256, record.source.bytes, extractorVersion,
                                                       record.kind.rawValue, record.date, record.title, Data(prepared.json),
                                                       Data(prepared.summary), run, run])
                try Self.upsertSource(db, source, run: run)
                try clearQuarantine.execute(arguments: [source.location])
                try Self.writeFacts(db, id: record.id, prepared.facts)
                if let previous, previous != record.id { try Self.dropIfOrphaned(db, previous) }
            }
            for (source, stage, reason) in batch.quarantined {
                try Self.upsertSource(db, source, run: run)
                try upsertQuarantine.execute(arguments: [source.location, source.path, stage, reason, run])
            }
            for source in batch.touched { try Self.upsertSource(db, source, run: run) }
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
            return locations.count
        }
    }

    static func upsertSource(_ db: Database, _ s: SourceRow, run: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO sources (location, root, path, size, mtime, sha256, documentId, status, extractorVersion, lastSeenRun)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(location) DO UPDATE SET root = excluded.root, path = excluded.path, size = excluded.size,
                mtime = excluded.mtime, sha256 = excluded.sha256, documentId = COALESCE(excluded.documentId, sources.documentId),
                status = excluded.status, extractorVersion = excluded.extractorVersion, lastSeenRun = excluded.lastSeenRun
            """)
        try statement.execute(arguments: [s.location, s.root, s.path, s.size, s.mtime, s.sha256, s.documentId, s.status,
                                          s.extractorVersion, run])
    }

    /// A changed file replaces its record: the old one goes when no other file holds those bytes.
    static func dropIfOrphaned(_ db: Database, _ id: String) throws {
        let holders = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources WHERE documentId = ?", arguments: [id]) ?? 0
        guard holders == 0 else { return }
        try db.execute(sql: "DELETE FROM facts WHERE documentId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }

    /// The facts researchers filter on, of one record.
    static func writeFacts(_ db: Database, id: String, _ facts: [PreparedRecord.Fact]) throws {
        try db.cachedStatement(sql: "DELETE FROM facts WHERE documentId = ?").execute(arguments: [id])
        let insertFact = try db.cachedStatement(sql: "INSERT INTO facts (documentId, type, value) VALUES (?, ?, ?)")
        for fact in facts { try insertFact.execute(arguments: [id, fact.type, fact.value]) }
    }

    /// Hands back the memory the writers' page caches hold, once a run's writing is done and
    /// before the export, which needs memory of its own.
    public func releaseMemory() {
        pool.releaseMemory()
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
        guard indexAttached else { throw StoreProblem.noSearchIndex(folder: url.deletingLastPathComponent().path) }
        return try pool.write { db in
            var repair = IndexRepair()
            let stale = try Int64.fetchAll(db, sql: """
                SELECT e.rowid FROM idx.entries e LEFT JOIN documents d ON d.id = e.id
                WHERE d.id IS NULL OR IFNULL(d.lastRun, 0) <> e.run
                """)
            for rowid in stale {
                try db.cachedStatement(sql: "DELETE FROM idx.search WHERE rowid = ?").execute(arguments: [rowid])
                try db.cachedStatement(sql: "DELETE FROM idx.entries WHERE rowid = ?").execute(arguments: [rowid])
            }
            repair.removed = stale.count
            let missing = try String.fetchAll(db, sql: """
                SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM idx.entries e WHERE e.id = d.id) ORDER BY d.id
                """)
            let decoder = JSONDecoder()
            let recordOf = try db.cachedStatement(sql: "SELECT record, lastRun FROM documents WHERE id = ?")
            for id in missing {
                guard let row = try Row.fetchOne(recordOf, arguments: [id]) else { continue }
                let record = try decoder.decode(Record.self, from: row[0] as Data)
                try SearchIndex.put(db, SearchIndex.Entry(record, folded: nil), run: (row[1] as Int64?) ?? 0, schema: "idx")
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

    public enum StoreProblem: Error, CustomStringConvertible {
        case noSearchIndex(folder: String)
        case readOnly

        public var description: String {
            switch self {
            case .noSearchIndex(let folder):
                return "\(folder) has no search index (\(SearchIndex.fileName)) yet: run `vanthu run` on this output once to build it"
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
    }

    /// Streams every document in id order (never all in memory).
    public func forEachDocument(_ body: (StoredDocument) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT d.record, d.summary, d.gone, (SELECT json_group_array(path) FROM
                    (SELECT path FROM sources s WHERE s.documentId = d.id AND s.status = 'archived' ORDER BY path))
                FROM documents d ORDER BY d.id
                """)
            while let row = try cursor.next() {
                // Straight from SQLite's buffer into the array: a record can be tens of MB.
                let json = try row.withUnsafeData(atIndex: 0) { data in data.map { [UInt8]($0) } ?? [] }
                let summary: Data = row[1]
                // A JSON array: a file name may hold any character but NUL (a newline too).
                var paths: [String] = []
                if let list = row[3] as String?, case .array(let items)? = try? JSONValue.parse(Array(list.utf8)) {
                    for case .string(let path) in items { paths.append(path) }
                }
                try body(StoredDocument(json: json, summary: [UInt8](summary), gone: (row[2] as Int) != 0, paths: paths))
            }
        }
    }

    public func record(id: String) throws -> Record? {
        try pool.read { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT record FROM documents WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 1",
                                               arguments: [id, id + "%"]) else { return nil }
            return try JSONDecoder().decode(Record.self, from: data)
        }
    }

    public var documentCount: Int {
        (try? pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0 }) ?? 0
    }
}
