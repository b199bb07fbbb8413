import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore
import VanThuPostgres

/// The output folder as one run holds it: its lock (taken first, held until the session goes), the
/// store opened with a run begun in it, what the store knew before this run, and the writer of the
/// archive files. `finish` writes `run.json` and closes the run in the store.
///
/// Everything a run writes goes through here or through the store, so kill -9 at any moment
/// leaves a folder the next session opens cleanly: the lock dies with the process, temporary
/// files are removed on opening, and a run never finished is noticed by the store.
struct RunSession {
    let output: URL
    let lock: OutputLock
    /// The store; replaced by a fresh one when the search index had to be rebuilt.
    var store: any RecordStore
    let runID: Int64
    let archiveWriter: ArchiveWriter
    /// The extractor version tag records are written under (the rules and their configuration).
    let version: String
    /// Every file the store knew before this run, by location (until `takeKnown()`).
    private var known: ArchiveStore.KnownSources
    /// Why each known quarantined file was refused, for files skipped as unchanged.
    let knownQuarantine: [String: ArchiveStore.Quarantine]
    /// Temporary files a killed run had left, removed on opening.
    let staleTemporaryFilesRemoved: Int

    /// Creates the folder if needed, takes its lock (or fails with `.locked`), removes what a
    /// killed run left, opens the store and begins a run in it.
    init(output: URL, config: PipelineConfig, waitForLock: Bool) throws(PipelineError) {
        self.output = output
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .output(path: output.path, reason: (error as NSError).localizedDescription)
        }
        do { lock = try OutputLock(folder: output, wait: waitForLock) } catch {
            if case .busy = error { throw .locked(error.description) }
            throw .output(path: output.path, reason: error.description)
        }
        version = config.extractorVersionTag
        archiveWriter = ArchiveWriter(folder: output, settings: config.output)
        // With the lock held no other run writes here: a temporary file is what a killed run left.
        staleTemporaryFilesRemoved = archiveWriter.removeStaleTemporaryFiles()
        do {
            store = try Self.openStore(config.store, output: output)
            runID = try store.beginRun()
            known = try store.knownSources(extractorVersion: version)
            knownQuarantine = try store.quarantineEntries()
        } catch {
            throw PipelineError.store(error, path: output.appendingPathComponent(ArchiveStore.fileName).path)
        }
    }

    /// The store the configuration names: the output folder's SQLite file, or a PostgreSQL server
    /// (whose export state is the store's: one worker exports for all, ArchiveExport).
    static func openStore(_ settings: PipelineConfig.StoreSettings, output: URL) throws -> any RecordStore {
        switch settings {
        case .sqlite: return try ArchiveStore(folder: output)
        case .postgres(let url):
            return try PostgresStore(url: url, exportKey: "archive")
        }
    }

    /// Hands over what the store knew, so that the diff can take files out of it without a copy
    /// (a nightly run over a large backlog knows every one of its files).
    mutating func takeKnown() -> ArchiveStore.KnownSources {
        defer { known = ArchiveStore.KnownSources() }
        return known
    }

    /// Writes the report as `run.json` (atomically) and records the run as finished in the store.
    func finish(_ report: RunReport) throws(PipelineError) {
        var w = JSONWriter()
        report.write(to: &w)
        w.newline()
        let url = output.appendingPathComponent("run.json")
        do {
            let bytes = w.bytes
            try archiveWriter.atomically(url) { try $0.write(bytes) }
            try store.finishRun(runID, report: report)
        } catch {
            throw PipelineError.store(error, path: url.path)
        }
    }
}
