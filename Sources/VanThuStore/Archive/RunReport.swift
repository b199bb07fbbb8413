import Foundation
import VanThuText
import VanThuFormats

/// What a run did: written to `OUTPUT/run.json` (the archive itself holds nothing that depends on
/// time). Quarantined inputs are listed with the stage that refused them and why.
public struct RunReport: Sendable {
    public struct QuarantineEntry: Sendable, Equatable, JSONWritable {
        /// The file's path as given or found (input root joined with the relative path).
        public var path: String
        public var stage: StageName
        public var reason: String

        public init(path: String, stage: StageName, reason: String) {
            self.path = path; self.stage = stage; self.reason = reason
        }

        public func write(to w: inout JSONWriter) {
            w.beginObject()
            w.field("path", path); w.field("stage", stage); w.field("reason", reason)
            w.endObject()
        }
    }

    public var startedAt = Date()
    public var finishedAt = Date()
    public var inputsFound = 0
    /// Inputs read and sent through the stages this run (new, changed, or made by other rules).
    public var processed = 0
    /// Inputs unchanged since the last run (size and mtime, then checksum) and not processed again.
    public var skipped = 0
    /// Entries the walk left out by a documented rule (`InputWalker.SkipRule`: hidden, excluded,
    /// outputFolder, linkToFolder), by rule. Every entry the walk meets is found (then archived,
    /// quarantined or skipped as unchanged), a problem in `quarantine`, or counted here.
    public var skippedByRule: [String: Int] = [:]
    /// Inputs archived by this run.
    public var archived = 0
    /// Known inputs that disappeared since the last run (their records stay, marked gone).
    public var gone = 0
    /// Documents in the archive after the run.
    public var documentsInArchive = 0
    /// Whether the archive files were written again (nothing changed → they are left as they are).
    public var exported = false
    /// On a store many workers share, when another worker writes the archive files: where they
    /// are (`host:folder`), or the runs still ingesting, the last of which will write them.
    public var exportLeftTo: String?
    public var quarantined: [QuarantineEntry] = []
    public var bytesRead = 0
    /// Pages of the PDFs and scanned images archived by this run (text layer and OCR alike).
    public var pages = 0
    public var facts: [String: Int] = [:]
    public var byKind: [String: Int] = [:]
    public var outputs: [String] = []
    /// Seconds spent in each stage, summed over the worker threads (CPU time, so they can add up
    /// to more than the run's wall time); `store`, `index` and `write` run on one thread each.
    public var stageSeconds: [String: Double] = [:]
    public var droppedChromeLines = 0
    /// Documents indexed for search from their stored record at the end of the run, because an
    /// earlier run was killed before its index commit, the index file was lost, or the store
    /// predates it. Zero after a run that follows a complete one.
    public var indexRepaired = 0
    /// Why the search index file was replaced by an empty one and rebuilt from the records (it
    /// was damaged or unreadable); nil when it was sound.
    public var searchIndexRebuilt: String?
    /// Temporary files of an earlier run that was killed while writing its outputs, removed.
    public var staleTemporaryFilesRemoved = 0
    /// Things a person should hear about that are not failures (an input folder with no files …).
    public var warnings: [String] = []

    public init() {}

    public var seconds: Double { finishedAt.timeIntervalSince(startedAt) }
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesRead) / 1_000_000 / seconds : 0 }
    /// Pages archived a second of the run's wall time (OCR costs seconds a page: the rate a long
    /// run of scans is judged by).
    public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }

    public var exitStatus: ExitStatus { quarantined.isEmpty ? .success : .quarantined }

    public func write(to w: inout JSONWriter) {
        let iso = ISO8601DateFormatter()
        w.beginObject()
        w.field("schema", "vanthu.run/1")
        w.field("startedAt", iso.string(from: startedAt))
        w.field("finishedAt", iso.string(from: finishedAt))
        w.field("seconds", (seconds * 1000).rounded() / 1000)
        w.field("inputsFound", inputsFound)
        w.field("processed", processed)
        w.field("skipped", skipped)
        w.field("skippedByRule", skippedByRule)
        w.field("archived", archived)
        w.field("gone", gone)
        w.field("documentsInArchive", documentsInArchive)
        w.field("exported", exported)
        if let exportLeftTo { w.field("exportLeftTo", exportLeftTo) }
        w.field("quarantinedCount", quarantined.count)
        w.field("bytesRead", bytesRead)
        w.field("megabytesPerSecond", (megabytesPerSecond * 100).rounded() / 100)
        w.field("pages", pages)
        w.field("pagesPerSecond", (pagesPerSecond * 1000).rounded() / 1000)
        w.field("byKind", byKind)
        w.field("facts", facts)
        w.field("droppedChromeLines", droppedChromeLines)
        w.field("indexRepaired", indexRepaired)
        w.field("searchIndexRebuilt", searchIndexRebuilt)
        w.field("staleTemporaryFilesRemoved", staleTemporaryFilesRemoved)
        w.field("outputs", outputs)
        if !warnings.isEmpty { w.field("warnings", warnings) }
        w.field("stageSeconds", stageSeconds.mapValues { ($0 * 1000).rounded() / 1000 })
        w.field("exitStatus", Int(exitStatus.rawValue))
        w.key("quarantine")
        w.beginArray()
        for entry in quarantined { w.newline(); entry.write(to: &w) }
        if !quarantined.isEmpty { w.newline() }
        w.endArray()
        w.endObject()
    }
}

/// Exit statuses of `vanthu`, documented in the README.
public enum ExitStatus: Int32, Sendable {
    /// Every input was archived.
    case success = 0
    /// The run finished and wrote the archive, but some inputs were quarantined (see run.json).
    case quarantined = 1
    /// The configuration (pipeline.json or the arguments that override it) is invalid.
    case configuration = 2
    /// The archive could not be written (output folder not writable, disk full …).
    case output = 3
    /// Another run holds the output folder's lock.
    case locked = 4
    /// A value named on the command line names nothing (an unknown document id, field or date).
    /// (`search` with no hits exits 1, as grep does.)
    case notFound = 5
    /// An input root does not exist, or is empty while the archive holds files from it (not
    /// mounted?): nothing was run and no record was marked gone.
    case inputMissing = 6
    /// The PostgreSQL store could not be reached, or the connection was lost and could not be
    /// made again within the retries: what was committed stays, and the next run does the rest.
    case storeUnavailable = 7
    /// The command line is malformed (an unknown command or option, a missing argument).
    case usage = 64
}
