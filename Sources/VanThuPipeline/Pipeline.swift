import Dispatch
import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore
import VanThuPostgres
#if canImport(Glibc)
import Glibc
#endif

/// Errors that stop a run as a whole (a bad document never does: it is quarantined).
public enum PipelineError: Error, CustomStringConvertible {
    case configuration(ConfigError)
    case noInputs(String)
    case output(path: String, reason: String)
    case locked(String)
    /// An input root is missing (or empty while the archive holds files from it: not mounted?).
    case inputMissing(String)
    /// The PostgreSQL store could not be reached, or the connection was lost past its retries.
    case storeUnavailable(String)

    public var description: String {
        switch self {
        case .configuration(let error): return error.description
        case .noInputs(let detail): return "no inputs: \(detail)"
        case .output(let path, let reason): return "cannot write \(path): \(reason)"
        case .locked(let message): return message
        case .inputMissing(let message): return message
        case .storeUnavailable(let message): return message
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .configuration, .noInputs: return .configuration
        case .output: return .output
        case .locked: return .locked
        case .inputMissing: return .inputMissing
        case .storeUnavailable: return .storeUnavailable
        }
    }

    /// A store error as the run reports it: a lost or refused connection to PostgreSQL has its
    /// own status; anything else is an output problem at `path`.
    static func store(_ error: any Error, path: String) -> PipelineError {
        if let error = error as? PipelineError { return error }
        if let error = error as? PostgresStoreError, error.isConnectionProblem { return .storeUnavailable(error.description) }
        return .output(path: path, reason: "\(error)")
    }
}

/// Progress of a run, for a progress line.
public struct RunProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int
    public var quarantined: Int
    public var elapsed: Double
    /// Pages of PDFs and scans read so far in this run, and how many of them were OCR'd: a run of
    /// scans takes seconds a page, so its progress is told in pages between documents too.
    public var pages = 0
    public var ocrPages = 0

    /// The progress line (without the carriage return that rewrites it): documents done of those
    /// found, megabytes and their rate, quarantined files, and when PDFs or scans are read, the
    /// pages, how many were OCR'd, and pages a second.
    public var line: String {
        let mb = Double(bytes) / 1_000_000
        var line = String(format: "[%d/%d] %.1f MB  %.1f MB/s  quarantined %d", done, total, mb, elapsed > 0 ? mb / elapsed : 0, quarantined)
        if pages > 0 {
            line += String(format: "  %d pages (%d OCR)  %.2f pages/s", pages, ocrPages, elapsed > 0 ? Double(pages) / elapsed : 0)
        }
        return line
    }

    /// The pages `PageCounter` has counted since `start`.
    mutating func countPages(since start: (pages: Int, ocr: Int)) {
        let now = PageCounter.shared.current
        pages = now.pages - start.pages
        ocrPages = now.ocr - start.ocr
    }
}

/// The batch pipeline: walks the inputs, sends each file through the per-document stages
/// (ingest → decode → normalize → classify → extract) on all cores, in bounded batches so memory
/// does not grow with the corpus, then consolidates and writes the archive and the run report.
public struct Pipeline: Sendable {
    public var config: PipelineConfig
    /// Folder that relative input paths and the output folder are resolved against.
    public var baseDirectory: URL

    public init(config: PipelineConfig, baseDirectory: URL) {
        self.config = config
        self.baseDirectory = baseDirectory
    }

    public var outputFolder: URL { resolve(config.output.folder) }

    package func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : baseDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// Options of one run that are not part of the configuration.
    public struct RunOptions: Sendable {
        /// Process every input again, changed or not.
        public var full = false
        /// Wait for another run on the same output to finish instead of failing.
        public var waitForLock = false
        /// Documents processed at once; nil for one per core.
        public var jobs: Int?
        public init(full: Bool = false, waitForLock: Bool = false, jobs: Int? = nil) {
            self.full = full; self.waitForLock = waitForLock; self.jobs = jobs
        }
    }

    /// One run: the files of `config.inputs` that changed since the last run go through the
    /// stages into the store, and the archive files are exported from it. In order:
    ///
    /// 1. `RunSession`: the output folder's lock, the store opened, a run begun in it.
    /// 2. `IncrementalPlan`: the walk against what the store knew (what to read, what vanished).
    /// 3. `DocumentScheduler`: each file through `DocumentStages` on the workers, its outcome
    ///    counted in the report (`RunReport.count`) and its rows written by the `StoreWriter`.
    /// 4. Files that vanished are marked gone.
    /// 5. `ArchiveExport`: the archive files, when they do not show the store as it is now (the
    ///    search index's writer finishes meanwhile: the export reads only the store).
    /// 6. `SearchIndexUpkeep` reconciles the search index with the store.
    /// 7. `RunSession.finish`: `run.json`, and the run closed in the store.
    public func run(options: RunOptions = RunOptions(), progress: (@Sendable (RunProgress) -> Void)? = nil) throws(PipelineError) -> RunReport {
        Self.returnLargeBuffersToTheSystem()
        let started = DispatchTime.now()
        let inputs = try resolvedInputs()
        var session = try RunSession(output: outputFolder, config: config, waitForLock: options.waitForLock)
        defer { withExtendedLifetime(session) {} }
        var report = RunReport()
        report.staleTemporaryFilesRemoved = session.staleTemporaryFilesRemoved
        report.searchIndexRebuilt = (session.store as? ArchiveStore)?.indexProblem

        let plan: IncrementalPlan
        do {
            var known = session.takeKnown()
            plan = try IncrementalPlan(inputs: inputs, output: session.output, known: &known, knownQuarantine: session.knownQuarantine,
                                       store: session.store, full: options.full, report: &report)
        }

        let scheduler = DocumentScheduler(stages: DocumentStages(config: config), jobs: options.jobs)
        let writer = StoreWriter(store: session.store, run: session.runID, version: session.version,
                                 transactionBytes: session.store.writeTransactionBytes)
        let ticker = progress.map {
            ProgressTicker(started: started, initial: RunProgress(done: report.skipped + report.processed, total: report.inputsFound,
                                                                  bytes: 0, quarantined: report.quarantined.count, elapsed: 0), report: $0)
        }
        defer { ticker?.stop() }
        let ticked = ticker.map { ticker in { (progress: RunProgress) in ticker.report(progress) } }
        var timings: StageTimings
        do {
            if let shared = session.store as? PostgresStore {
                timings = try WorkQueueRun.run(plan, inputs: inputs, store: shared, runID: session.runID, scheduler: scheduler,
                                               version: session.version, writer: writer, report: &report, started: started, progress: ticked)
            } else {
                timings = try scheduler.run(plan.pending, version: session.version, writer: writer, report: &report,
                                            started: started, progress: ticked)
                timings.add(.store, seconds: try writer.finishStore())
            }
        } catch {
            throw PipelineError.store(error, path: session.store.storeLocation)
        }

        do {
            // The store is complete: the export reads it while the index's writer finishes.
            report.gone = try session.store.markGone(locations: plan.vanished)
            // After a large document, the index's writer (tokenising it) finishes first: the
            // export reading the same document meanwhile would hold its copies at the same time.
            let indexFirst = writer.wroteLargeRecord ? writer.finishIndex() : nil
            try ArchiveExport.bringUpToDate(session, full: options.full, report: &report, timings: &timings)
            let index = indexFirst ?? writer.finishIndex()
            timings.add(.index, seconds: index.seconds)
            session.store.releaseMemory()
            try SearchIndexUpkeep.reconcile(&session, writeFailure: index.failure, report: &report, timings: &timings)
        } catch {
            throw PipelineError.store(error, path: session.output.path)
        }
        if SchedulingTrace.enabled { SchedulingTrace.shared.print() }

        report.stageSeconds = timings.seconds
        report.finishedAt = Date()
        report.startedAt = report.finishedAt.addingTimeInterval(-Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        try session.finish(report)
        return report
    }

    /// The configured input roots, resolved against `baseDirectory`. A root that is not there (a
    /// typo, a share not mounted) stops the run before anything is touched: its files must not be
    /// marked gone.
    func resolvedInputs() throws(PipelineError) -> [PipelineConfig.InputSpec] {
        let inputs = config.inputs.map { spec -> PipelineConfig.InputSpec in
            var spec = spec
            spec.path = resolve(spec.path).path
            return spec
        }
        guard !inputs.isEmpty else { throw .noInputs("pipeline.json lists no inputs and none were given") }
        let missing = inputs.filter { !FileManager.default.fileExists(atPath: $0.path) }.map(\.path)
        if !missing.isEmpty {
            throw .inputMissing("input root missing: \(missing.joined(separator: ", ")) (no such file or folder; nothing was run, no record marked gone)")
        }
        return inputs
    }

    package static func displayPath(_ file: SourceFile) -> String { file.path }

    /// More workers than this only cost memory (each holds a document), whatever `--jobs` asks.
    public static let maximumJobs = 256

    /// glibc serves allocations under its mmap threshold from the heap, and raises that threshold
    /// (up to 32 MB) each time a larger block is freed: the copies of one large document then stay
    /// in the heap after they are freed, and the next document's (or the export's) come on top, so
    /// the process's memory grew far past what it held at any moment. Blocks of 1 MB and more are
    /// mapped and unmapped instead.
    package static func returnLargeBuffersToTheSystem() {
        #if os(Linux)
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 1 << 20)
        #endif
    }
}

#if os(Linux)
/// glibc's `mallopt(3)` (malloc.h is not in the Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
