import Foundation
import PostgresNIO
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

/// The store on a PostgreSQL server: the same tables as the SQLite store (documents, sources,
/// runs, quarantine, facts), a `tsvector` per document for full-text search (`simple` after
/// `unaccent`), and a work queue (`work`) through which any number of `vanthu run` processes on
/// any number of machines share the ingest (`claim`, in PostgresStore+Work.swift).
///
/// Every write is idempotent by content id (upserts), so a batch whose connection was lost is
/// simply written again on a new one. The archive exported from here is byte-identical to the
/// SQLite store's for the same inputs: same rows, same order (byte order, `COLLATE "C"`).
public final class PostgresStore: RecordStore, @unchecked Sendable {
    public let location: PostgresLocation
    package let link: PostgresLink
    /// The export state is the output folder's, not the shared store's: each worker exports
    /// into a folder of its own. Its key in `vanthu_meta`.
    private let exportKey: String
    /// What this process is called in `runs.worker` and in the work queue's `owner`.
    public let worker: String
    /// Renews `runs.alive_until` of the run begun here while it lasts (see `asExporter`).
    private var runHeartbeat: Heartbeat?
    private let runLock = NSLock()

    public var storeLocation: String { location.redacted }
    /// A shared store: small transactions, each committing the files it holds (and marking them
    /// done in the work queue) soon after they are processed, so a worker killed loses little.
    public var writeTransactionBytes: Int { 256 << 10 }

    /// Connects, and (unless `readOnly`) brings the schema up to date with a message on
    /// standard error. `exportKey` names the output folder whose export state this store keeps.
    public init(location: PostgresLocation, exportKey: String = "", readOnly: Bool = false,
                announce: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) throws {
        self.location = location
        link = PostgresLink(location)
        self.exportKey = "exported " + exportKey
        worker = "\(ProcessInfo.processInfo.hostName):\(getpid())"
        try link.retrying { session in
            if readOnly {
                let rows = try session.query("SELECT max(version) FROM vanthu_schema")
                let current = try rows.first.flatMap { try $0.value(0, as: Int?.self) } ?? 0
                if current > PostgresSchema.version {
                    throw PostgresStoreError.schemaTooNew(location: location.redacted, found: current, known: PostgresSchema.version)
                }
            } else {
                _ = try PostgresSchema.migrate(session, location: location.redacted, announce: announce)
            }
        }
    }

    public convenience init(url: String, exportKey: String = "", readOnly: Bool = false) throws {
        try self.init(location: PostgresLocation(url: url), exportKey: exportKey, readOnly: readOnly)
    }

    deinit {
        runHeartbeat?.stop()
        link.close()
    }

    // MARK: Runs

    /// A run is alive while its heartbeat renews `alive_until` (`beatInterval`): a worker
    /// killed with -9 stops counting as one still ingesting within a lease.
    public func beginRun() throws -> Int64 {
        let lease = Self.leaseSeconds
        let id = try link.retrying { session in
            try session.query("INSERT INTO runs (worker, alive_until) VALUES ($1, clock_timestamp() + make_interval(secs => $2)) RETURNING id",
                              [.text(worker), .double(lease)])[0].value(0, as: Int64.self)
        }
        let beat = Heartbeat(every: Self.beatInterval(lease: lease)) { [weak self] in
            guard let self else { return false }
            _ = try? self.link.retrying { session in
                try session.query("UPDATE runs SET alive_until = clock_timestamp() + make_interval(secs => $2) WHERE id = $1 AND finished_at IS NULL",
                                  [.int(id), .double(lease)])
            }
            return true
        }
        runLock.withLock {
            runHeartbeat?.stop()
            runHeartbeat = beat
        }
        return id
    }

    public func finishRun(_ id: Int64, report: RunReport) throws {
        runLock.withLock {
            runHeartbeat?.stop()
            runHeartbeat = nil
        }
        try link.retrying { session in
            try session.query("""
                UPDATE runs SET finished_at = now(), alive_until = NULL, inputs = $1, processed = $2, skipped = $3, archived = $4, quarantined = $5,
                gone = $6, exit_status = $7 WHERE id = $8
                """, [.int(Int64(report.inputsFound)), .int(Int64(report.processed)), .int(Int64(report.skipped)),
                      .int(Int64(report.archived)), .int(Int64(report.quarantined.count)), .int(Int64(report.gone)),
                      .int(Int64(report.exitStatus.rawValue)), .int(id)])
        }
    }

    // MARK: Sources

    public func knownSources(extractorVersion: String) throws -> ArchiveStore.KnownSources {
        try link.retrying { session in
            var known = ArchiveStore.KnownSources()
            var rootIndex: [String: Int] = [:]
            for row in try session.query("SELECT DISTINCT root FROM sources ORDER BY root") {
                let root = try row.value(0, as: String.self)
                rootIndex[root] = known.roots.count
                known.roots.append(root)
            }
            for row in try session.query("SELECT location, size, mtime, status, extractor_version = $1, root FROM sources",
                                         [.text(extractorVersion)]) {
                let status = ArchiveStore.KnownSource.Status(rawValue: try row.value(3, as: String.self)) ?? .gone
                known.byLocation[try row.value(0, as: String.self)] = ArchiveStore.KnownSource(
                    size: Int(try row.value(1, as: Int64.self)), mtime: try row.value(2, as: Double.self), status: status,
                    current: try row.value(4, as: Bool.self), root: rootIndex[try row.value(5, as: String.self)] ?? -1)
            }
            return known
        }
    }

    public func archivedSource(at location: String) throws -> (sha256: String, documentId: String?)? {
        try link.retrying { session in
            guard let row = try session.query("SELECT sha256, document_id FROM sources WHERE location = $1", [.text(location)]).first,
                  let sha = try row.value(0, as: String?.self) else { return nil }
            return (sha, try row.value(1, as: String?.self))
        }
    }

    public func quarantineEntries() throws -> [String: ArchiveStore.Quarantine] {
        try link.retrying { session in
            var out: [String: ArchiveStore.Quarantine] = [:]
            for row in try session.query("SELECT location, stage, reason FROM quarantine") {
                out[try row.value(0, as: String.self)] = ArchiveStore.Quarantine(
                    stage: StageName(rawValue: try row.value(1, as: String.self)) ?? .ingest, reason: try row.value(2, as: String.self))
            }
            return out
        }
    }

    // MARK: Writing

    /// The statement that writes a document and its search vector: title (weight A), unit names
    /// (B), text (D), made by the server from the record's JSON (`vanthu_vector`, which indexes
    /// the beginning of a text too large for a tsvector). A JSON string holding `\u0000` cannot
    /// become PostgreSQL text (SQLSTATE 22P05): for such a record (the cleaner drops NULs, so
    /// none comes from the pipeline today) the unit names and text are given as parameters $12
    /// and $13 instead, their U+0000 bound as spaces (`PGSession.storable`).
    static let upsertDocument = """
        WITH r AS (SELECT convert_from($9, 'UTF8')::json AS j)
        INSERT INTO documents (id, path, sha256, size, extractor_version, kind, date, title, record, summary, gone, first_run, last_run, search)
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, $11, $11, vanthu_vector($8,
            CASE WHEN $12::text IS NULL THEN (SELECT string_agg(u->>'name', ' | ') FROM json_array_elements(r.j->'units') u) ELSE $12 END,
            CASE WHEN $13::text IS NULL THEN r.j->>'text' ELSE $13 END)
        FROM r
        ON CONFLICT (id) DO UPDATE SET path = excluded.path, extractor_version = excluded.extractor_version,
            kind = excluded.kind, date = excluded.date, title = excluded.title, record = excluded.record,
            summary = excluded.summary, gone = false, last_run = excluded.last_run, search = excluded.search
        """

    /// The unit names and text of a record whose JSON holds `\u0000` (nil, nil for any other:
    /// the server reads them from the JSON).
    static func searchTexts(_ json: [UInt8]) throws -> (units: String?, text: String?) {
        let escape = Array("\\u0000".utf8)
        guard json.count >= escape.count, (0...(json.count - escape.count)).contains(where: { json[$0] == 0x5C && json[$0..<($0 + escape.count)].elementsEqual(escape) }) else {
            return (nil, nil)
        }
        let record = try Record(jsonBytes: json)
        return (record.units.map(\.name).joined(separator: " | "), record.text)
    }

    public func apply(_ batch: ArchiveStore.Batch, run: Int64, extractorVersion: String) throws {
        guard !batch.isEmpty else { return }
        // Rows in key order: two workers writing the same documents lock them in the same order.
        let archived = batch.archived.sorted { $0.record.record.id < $1.record.record.id }
        try link.retrying { session in
            try session.transaction {
                for entry in archived {
                    let prepared = entry.record, source = entry.source, record = prepared.record
                    let texts = try Self.searchTexts(prepared.json)
                    let previous = try session.query("SELECT document_id FROM sources WHERE location = $1", [.text(source.location)])
                        .first.flatMap { try $0.value(0, as: String?.self) }
                    try session.query(Self.upsertDocument, [
                        .text(record.id), .text(record.source.path), .text(record.source.sha256), .int(Int64(record.source.bytes)),
                        .text(extractorVersion), .text(record.kind.rawValue), .text(record.date), .text(record.title),
                        .bytes(prepared.json), .bytes(prepared.summary), .int(run), .text(texts.units), .text(texts.text)])
                    try Self.upsertSource(session, source, run: run)
                    try session.query("DELETE FROM quarantine WHERE location = $1", [.text(source.location)])
                    try Self.writeFacts(session, id: record.id, prepared.facts)
                    if let previous, previous != record.id { try Self.dropIfOrphaned(session, previous) }
                }
                for entry in batch.quarantined {
                    try Self.upsertSource(session, entry.source, run: run)
                    try session.query("""
                        INSERT INTO quarantine (location, path, stage, reason, run_id) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (location) DO UPDATE SET path = excluded.path, stage = excluded.stage, reason = excluded.reason,
                            run_id = excluded.run_id
                        """, [.text(entry.source.location), .text(entry.source.path), .text(entry.quarantine.stage.rawValue),
                              .text(entry.quarantine.reason), .int(run)])
                }
                for source in batch.touched { try Self.upsertSource(session, source, run: run) }
                // The files of this batch are done in the work queue (when they came from it).
                let locations = batch.archived.map(\.source.location) + batch.quarantined.map(\.source.location) + batch.touched.map(\.location)
                try session.query("""
                    UPDATE work SET done = true, completions = completions + 1, owner = NULL, lease_until = NULL
                    WHERE location = ANY($1) AND NOT done
                    """, [.texts(locations)])
                try Self.bumpGeneration(session)
            }
        }
    }

    static func upsertSource(_ session: PGSession, _ s: ArchiveStore.SourceRow, run: Int64) throws {
        try session.query("""
            INSERT INTO sources (location, root, path, size, mtime, sha256, document_id, status, extractor_version, last_seen_run)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (location) DO UPDATE SET root = excluded.root, path = excluded.path, size = excluded.size,
                mtime = excluded.mtime, sha256 = excluded.sha256, document_id = COALESCE(excluded.document_id, sources.document_id),
                status = excluded.status, extractor_version = excluded.extractor_version, last_seen_run = excluded.last_seen_run
            """, [.text(s.location), .text(s.root), .text(s.path), .int(Int64(s.size)), .double(s.mtime), .text(s.sha256),
                  .text(s.documentId), .text(s.status.rawValue), .text(s.extractorVersion), .int(run)])
    }

    /// A changed file replaces its record: the old one goes when no other file holds those bytes.
    static func dropIfOrphaned(_ session: PGSession, _ id: String) throws {
        try session.query("DELETE FROM facts WHERE document_id = $1 AND NOT EXISTS (SELECT 1 FROM sources WHERE document_id = $1)", [.text(id)])
        try session.query("DELETE FROM documents WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM sources WHERE document_id = $1)", [.text(id)])
    }

    static func writeFacts(_ session: PGSession, id: String, _ facts: [PreparedRecord.Fact]) throws {
        try session.query("DELETE FROM facts WHERE document_id = $1", [.text(id)])
        guard !facts.isEmpty else { return }
        try session.query("""
            INSERT INTO facts (document_id, type, value) SELECT $1, t, v FROM unnest($2::text[], $3::text[]) AS f(t, v)
            ON CONFLICT DO NOTHING
            """, [.text(id), .texts(facts.map(\.type)), .texts(facts.map(\.value))])
    }

    /// A sequence, not a row: workers committing side by side never wait on one another for it.
    static func bumpGeneration(_ session: PGSession) throws {
        try session.query("SELECT nextval('vanthu_generation')")
    }

    public func markGone(locations: [String]) throws -> Int {
        guard !locations.isEmpty else { return 0 }
        return try link.retrying { session in
            try session.transaction {
                try session.query("UPDATE sources SET status = 'gone' WHERE location = ANY($1)", [.texts(locations)])
                try session.query("DELETE FROM quarantine WHERE location = ANY($1)", [.texts(locations)])
                try session.query("""
                    UPDATE documents d SET gone = true WHERE NOT gone AND NOT EXISTS (
                        SELECT 1 FROM sources s WHERE s.document_id = d.id AND s.status = 'archived')
                    """)
                try Self.bumpGeneration(session)
                return locations.count
            }
        }
    }

    public func releaseMemory() {}

    // MARK: Export state

    public func generation() throws -> Int64 {
        try link.retrying { session in
            try session.query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM vanthu_generation")[0].value(0, as: Int64.self)
        }
    }

    public func exportedState() throws -> String? {
        try link.retrying { session in
            try session.query("SELECT value FROM vanthu_meta WHERE key = $1", [.text(exportKey)]).first.map { try $0.value(0, as: String.self) }
        }
    }

    public func setExportedState(_ state: String?) throws {
        try link.retrying { session in
            if let state {
                try session.query("""
                    INSERT INTO vanthu_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, [.text(exportKey), .text(state)])
            } else {
                try session.query("DELETE FROM vanthu_meta WHERE key = $1", [.text(exportKey)])
            }
        }
    }

    // MARK: Reading

    /// Documents are read a page at a time (by id, in one read-only snapshot), never all at once.
    static let pageSize = 200

    public func forEachDocument(matching query: SearchQuery?, _ body: (ArchiveStore.StoredDocument) throws -> Void) throws {
        var condition = ""
        var values: [PGValue] = []
        if let query {
            let filter = try PostgresSearch.filters(query, firstParameter: 2)
            condition = "AND d.id IN (SELECT d.id FROM documents d \(filter.whereClause.isEmpty ? "" : "WHERE " + filter.whereClause))"
            values = filter.values
        }
        let sql = """
            SELECT d.id, d.record, d.summary, d.gone,
                ARRAY(SELECT s.path FROM sources s WHERE s.document_id = d.id AND s.status = 'archived' ORDER BY s.path, s.root),
                ARRAY(SELECT s.root FROM sources s WHERE s.document_id = d.id AND s.status = 'archived' ORDER BY s.path, s.root)
            FROM documents d WHERE d.id > $1 \(condition) ORDER BY d.id LIMIT \(Self.pageSize)
            """
        try forEachPagedRow(sql, values) { row in
            try body(ArchiveStore.StoredDocument(json: try row.bytes(1), summary: try row.bytes(2), gone: try row.value(3, as: Bool.self),
                                                 paths: try row.value(4, as: [String].self), roots: try row.value(5, as: [String].self)))
        }
    }

    /// Every row of `sql`, which pages by id (`d.id > $1 … ORDER BY d.id LIMIT pageSize`, the id
    /// its first column; `values` bind $2 on), read in one read-only snapshot. Tried again on a new
    /// connection only while `body` has seen nothing: a connection lost part way fails the read
    /// (an export's next run redoes it).
    func forEachPagedRow(_ sql: String, _ values: [PGValue], _ body: (PostgresRow) throws -> Void) throws {
        var delivered = false
        try link.retrying(canRetry: { !delivered }) { session in
            try session.transaction("REPEATABLE READ READ ONLY") {
                var after = ""
                while true {
                    let rows = try session.query(sql, [.text(after)] + values)
                    for row in rows {
                        delivered = true
                        try body(row)
                    }
                    guard rows.count == Self.pageSize, let last = rows.last else { return }
                    after = try last.value(0, as: String.self)
                }
            }
        }
    }

    public func lookup(id: String) throws -> ArchiveStore.Lookup {
        let id = id.lowercased()
        guard (1...64).contains(id.count), id.allSatisfy({ ArchiveStore.idCharacters.contains($0) }) else { return .notFound }
        return try link.retrying { session in
            if let row = try session.query("SELECT record FROM documents WHERE id = $1", [.text(id)]).first {
                return .found(try Record(jsonBytes: try row.bytes(0)))
            }
            let ids = try session.query("SELECT id FROM documents WHERE id > $1 AND id < $2 ORDER BY id LIMIT 5", [.text(id), .text(id + "g")])
                .map { try $0.value(0, as: String.self) }
            guard let first = ids.first else { return .notFound }
            guard ids.count == 1 else { return .ambiguous(ids) }
            guard let row = try session.query("SELECT record FROM documents WHERE id = $1", [.text(first)]).first else { return .notFound }
            return .found(try Record(jsonBytes: try row.bytes(0)))
        }
    }

    public var documentCount: Int {
        (try? link.retrying { session in Int(try session.query("SELECT count(*) FROM documents")[0].value(0, as: Int64.self)) }) ?? 0
    }

    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        try PostgresSearch.search(query, link: link)
    }

    public func searchTotal(_ query: SearchQuery) throws -> Int {
        try PostgresSearch.total(query, link: link)
    }
}
