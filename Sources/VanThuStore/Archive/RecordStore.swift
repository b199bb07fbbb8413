import Foundation
import VanThuText
import VanThuExtract

/// What a run and the commands need of a store, whatever holds it: the embedded SQLite store
/// (`ArchiveStore`, the default) or a PostgreSQL server shared by many ingest workers and many
/// researchers (`PostgresStore`, in VanThuPostgres). The value types (`SourceRow`, `Batch`,
/// `StoredDocument` …) are `ArchiveStore`'s, shared by both.
///
/// The archive files are exported through `forEachDocument` in id order; both backends give
/// the same documents, so the same inputs give byte-identical `archive.json` on either.
public protocol RecordStore: AnyObject, Sendable {
    /// Where the store is, for messages: a file path, or a URL without its password.
    var storeLocation: String { get }
    /// About how many bytes of records the store writer gathers into one transaction.
    var writeTransactionBytes: Int { get }

    // MARK: Runs
    func beginRun() throws -> Int64
    func finishRun(_ id: Int64, report: RunReport) throws

    // MARK: Sources, for the incremental plan
    func knownSources(extractorVersion: String) throws -> ArchiveStore.KnownSources
    func archivedSource(at location: String) throws -> (sha256: String, documentId: String?)?
    func quarantineEntries() throws -> [String: ArchiveStore.Quarantine]

    // MARK: Writing
    /// Writes one batch in one transaction (records idempotent by content id).
    func apply(_ batch: ArchiveStore.Batch, run: Int64, extractorVersion: String) throws
    /// Marks these sources gone; returns how many.
    func markGone(locations: [String]) throws -> Int
    /// Hands back memory held by writers' caches, once writing is done.
    func releaseMemory()

    // MARK: Export state
    /// Whether many workers share the store (each with its own output folder): the export state
    /// is then the store's, and one worker exports for all (`asExporter`).
    var isShared: Bool { get }
    /// Runs the end of a run's export (`body`) as the store's one exporter at a time, once this
    /// run is marked done ingesting; `body` is told which other runs are still ingesting (the
    /// last of them will export). A store of one output folder runs `body` at once, with none.
    func asExporter<T>(run: Int64, _ body: (_ stillIngesting: [String]) throws -> T) throws -> T
    func generation() throws -> Int64
    func exportedState() throws -> String?
    func setExportedState(_ state: String?) throws

    // MARK: Reading
    /// Every document in id order; with `query`, those its words and filters find.
    func forEachDocument(matching query: SearchQuery?, _ body: (ArchiveStore.StoredDocument) throws -> Void) throws
    /// Every document in id order as the archive shows it, like `forEachRecord`, its JSON handed
    /// over in pieces only when the body asks for them (`pieces`): a large record is never held
    /// whole. The default reads each record whole; the SQLite store reads a large one a piece at
    /// a time (issue 14, item 8).
    func forEachArchiveRecord(_ body: (_ summary: RecordSummary, _ pieces: RecordPieces) throws -> Void) throws
    func lookup(id: String) throws -> ArchiveStore.Lookup
    var documentCount: Int { get }
    func search(_ query: SearchQuery) throws -> [SearchHit]
    func searchTotal(_ query: SearchQuery) throws -> Int

    // MARK: Serving (`vanthu serve`)
    /// The documents `query` finds counted by kind, year, unit, field and deadline (its `limit`
    /// does not apply); the `unitLimit` most frequent units.
    func searchFacets(_ query: SearchQuery, unitLimit: Int) throws -> SearchFacets
    /// The files a document was archived from (live ones), with the root each was found under.
    func archivedSources(documentId: String) throws -> [ArchivedSource]

    // MARK: BagIt export
    /// Streams the documents that still have a file in the inputs, in id order, each as the
    /// archive shows it (`archiveView`) with the files that hold it (sorted by path, then root).
    /// `query`, when given, keeps only the documents its words and filters find (no limit).
    func forEachDocumentWithFiles(matching query: SearchQuery?,
                                  _ body: (_ summary: RecordSummary, _ json: [UInt8], _ files: [ArchiveStore.ArchivedFile]) throws -> Void) throws
    /// How many documents the query (or the whole archive) finds whose every file is gone.
    func goneDocumentCount(matching query: SearchQuery?) throws -> Int
}

/// Hands a record's JSON to `write` in one or more pieces, in order.
public typealias RecordPieces = (_ write: ([UInt8]) throws -> Void) throws -> Void

extension RecordStore {
    public func forEachArchiveRecord(_ body: (_ summary: RecordSummary, _ pieces: RecordPieces) throws -> Void) throws {
        try forEachRecord { summary, json in try body(summary) { write in try write(json) } }
    }

    /// Streams every document in id order as the archive shows it (`ArchiveStore.archiveView`):
    /// its summary and the full record's JSON. With `query`, only the documents it finds.
    public func forEachRecord(matching query: SearchQuery? = nil, _ body: (_ summary: RecordSummary, _ json: [UInt8]) throws -> Void) throws {
        try forEachDocument(matching: query) { stored in
            let (summary, json) = try ArchiveStore.archiveView(of: stored)
            try body(summary, json)
        }
    }

    public func record(id: String) throws -> Record? {
        if case .found(let record) = try lookup(id: id) { return record }
        return nil
    }
}

extension ArchiveStore: RecordStore {
    public var storeLocation: String { url.path }
    /// One writer on a local file: large transactions, fewest commits.
    public var writeTransactionBytes: Int { 4 << 20 }
    /// One output folder's store: its run exports its archive files.
    public var isShared: Bool { false }
    public func asExporter<T>(run: Int64, _ body: (_ stillIngesting: [String]) throws -> T) throws -> T { try body([]) }
}
