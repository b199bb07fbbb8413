import Dispatch
import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore
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

    public var description: String {
        switch self {
        case .configuration(let error): return error.description
        case .noInputs(let detail): return "no inputs: \(detail)"
        case .output(let path, let reason): return "cannot write \(path): \(reason)"
        case .locked(let message): return message
        case .inputMissing(let message): return message
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .configuration, .noInputs: return .configuration
        case .output: return .output
        case .locked: return .locked
        case .inputMissing: return .inputMissing
        }
    }
}

/// Progress of a run, for a progress line.
public struct RunProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int
    public var quarantined: Int
    public var elapsed: Double
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

    /// The per-document stages as configured.
    public struct DocumentStages: Sendable {
        public var ingest: IngestStage
        public var decode: DecodeStage
        public var normalize = NormalizeStage()
        public var classify: ClassifyStage?
        public var extract: ExtractStage

        /// The formats read: their names decide at ingest which files are read, their readers at
        /// decode what the bytes are. One registry for both.
        public var formats: FormatRegistry {
            get { decode.formats }
            set { ingest.formats = newValue; decode.formats = newValue }
        }

        public init(config: PipelineConfig) {
            ingest = IngestStage(maxFileBytes: config.limits.maxFileBytes)
            decode = DecodeStage(maxBytes: config.limits.maxFileBytes)
            decode.ocr = config.ocr
            let lexicon = config.runLexicon
            classify = config.stages.contains(.classify) ? ClassifyStage(lexicon: lexicon.documents) : nil
            extract = ExtractStage(extractors: config.enabledExtractors(lexicon: lexicon), includeText: config.output.includeText)
        }

        /// What became of one file.
        public enum Outcome: Sendable {
            case archived(PreparedRecord, droppedChromeLines: Int)
            /// The file's checksum equals the one given: its stored record stands.
            case unchanged(sha256: String)
            case quarantined(StageFailure)
        }

        /// One file through every stage: its record, or the failure that quarantines it.
        public func process(_ file: SourceFile) -> Result<(record: Record, dropped: Int), StageFailure> {
            switch outcome(file) {
            case .archived(let prepared, let dropped): return .success((prepared.record, dropped))
            case .quarantined(let failure): return .failure(failure)
            case .unchanged: fatalError("no checksum was given")
            }
        }

        /// One file through every stage, stopping after ingest when its checksum is `knownSHA256`.
        public func outcome(_ file: SourceFile, knownSHA256: String? = nil) -> Outcome {
            var timings = StageTimings()
            return outcome(file, knownSHA256: knownSHA256, timings: &timings)
        }

        /// The same, adding the time spent in each stage to `timings`.
        public func outcome(_ file: SourceFile, knownSHA256: String? = nil, timings: inout StageTimings) -> Outcome {
            var clock = timings.start()
            do throws(StageFailure) {
                // Each stage's input is let go as soon as the next has what it needs: a large file is
                // not held as bytes, decoded text and clean text at once.
                var raw: RawDocument? = try ingest.run(file)
                timings.lap(.ingest, &clock)
                if let knownSHA256, raw!.sha256 == knownSHA256 { return .unchanged(sha256: knownSHA256) }
                var decoded = try decode.run(raw!)
                raw = nil
                timings.lap(.decode, &clock)
                var clean: CleanDocument? = try normalize.run(taking: &decoded)
                timings.lap(.normalize, &clock)
                var classified: ClassifiedDocument? = try classify?.run(clean!) ?? ClassifiedDocument(clean: clean!, kind: .unknown, reasons: [])
                timings.lap(.classify, &clock)
                let record = try extract.run(classified!)
                timings.lap(.extract, &clock)
                // The search entry is made from the classified document's fold (the chrome that depends
                // on the kind is settled there); then the document (bytes, fold, lines) goes before the
                // record's JSON is made.
                let search = SearchIndex.Entry(record, folded: classified!.clean.document.folded)
                let dropped = classified!.clean.droppedChrome.values.reduce(0, +)
                clean = nil
                classified = nil
                let prepared = PreparedRecord(record, search: search)
                timings.lap(.prepare, &clock)
                return .archived(prepared, droppedChromeLines: dropped)
            } catch {
                return .quarantined(error)
            }
        }
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

    public func run(options: RunOptions = RunOptions(), progress: (@Sendable (RunProgress) -> Void)? = nil) throws(PipelineError) -> RunReport {
        Self.returnLargeBuffersToTheSystem()
        var report = RunReport()
        let started = DispatchTime.now()
        let output = outputFolder
        let inputs = config.inputs.map { spec -> PipelineConfig.InputSpec in
            var spec = spec
            spec.path = resolve(spec.path).path
            return spec
        }
        guard !inputs.isEmpty else { throw .noInputs("pipeline.json lists no inputs and none were given") }
        // A root that is not there (a typo, a share not mounted) stops the run before anything is
        // touched: its files must not be marked gone.
        let missing = inputs.filter { !FileManager.default.fileExists(atPath: $0.path) }.map(\.path)
        if !missing.isEmpty {
            throw .inputMissing("input root missing: \(missing.joined(separator: ", ")) (no such file or folder; nothing was run, no record marked gone)")
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .output(path: output.path, reason: (error as NSError).localizedDescription)
        }
        let lock: OutputLock
        do { lock = try OutputLock(folder: output, wait: options.waitForLock) } catch {
            if case .busy = error { throw .locked(error.description) }
            throw .output(path: output.path, reason: error.description)
        }
        defer { withExtendedLifetime(lock) {} }

        let version = config.extractorVersionTag
        let archiveWriter = ArchiveWriter(folder: output, settings: config.output)
        // With the lock held no other run writes here: a temporary file is what a killed run left.
        report.staleTemporaryFilesRemoved = archiveWriter.removeStaleTemporaryFiles()
        var store: ArchiveStore
        let runID: Int64
        var known: ArchiveStore.KnownSources
        let knownQuarantine: [String: (stage: String, reason: String)]
        do {
            store = try ArchiveStore(folder: output)
            report.searchIndexRebuilt = store.indexProblem
            runID = try store.beginRun()
            known = try store.knownSources(extractorVersion: version)
            knownQuarantine = try store.quarantineEntries()
        } catch {
            throw .output(path: output.appendingPathComponent(ArchiveStore.fileName).path, reason: "\(error)")
        }

        let stages = DocumentStages(config: config)

        // Unchanged inputs (same size and mtime, same rules) are not read again. Each known file
        // found is taken out of `known`: what is left there at the end was not found. The listing
        // goes once `pending` is made from it.
        var pending: [(file: SourceFile, root: String, previous: (sha256: String, documentId: String?)?)] = []
        do {
            let listing = InputWalker(inputs: inputs, skipFolders: [output]).list()
            for problem in listing.problems {
                report.quarantined.append(.init(path: problem.path, stage: .ingest, reason: problem.reason))
            }
            report.inputsFound = listing.files.count
            let rootsWithFiles = Set(listing.files.map(\.root))
            for spec in inputs where !rootsWithFiles.contains(spec.path) {
                // An empty root the archive knows files from looks like a share that is not mounted.
                let rootIndex = known.roots.firstIndex(of: spec.path)
                let held = rootIndex.map { index in known.byLocation.values.filter { $0.root == index && $0.status != .gone }.count } ?? 0
                let holdsEntries = !((try? FileManager.default.contentsOfDirectory(atPath: spec.path)) ?? []).isEmpty
                if held > 0 && !holdsEntries {
                    throw PipelineError.inputMissing("input root \(spec.path) is empty, but the archive holds \(held) files from it "
                        + "(not mounted?); nothing was changed, no record marked gone")
                }
                report.warnings.append(holdsEntries ? "no files to archive under \(spec.path) (none matches its include and exclude globs)"
                                                    : "no files to archive under \(spec.path)")
            }
            for (rule, count) in listing.skipped { report.skippedByRule[rule.rawValue] = count }
            for (file, root) in listing.files {
                var file = file
                file.root = root
                let previous = known.byLocation.removeValue(forKey: file.path)
                guard let previous, previous.status != .gone, previous.current, !options.full else {
                    pending.append((file, root, nil))
                    continue
                }
                if previous.size == file.size, previous.mtime == file.modified?.timeIntervalSince1970 ?? 0 {
                    report.skipped += 1
                    if previous.status == .quarantined, let entry = knownQuarantine[file.path] {
                        report.quarantined.append(.init(path: Self.displayPath(file), stage: StageName(rawValue: entry.stage) ?? .ingest,
                                                        reason: entry.reason))
                    }
                    continue
                }
                // Size or mtime changed: if the bytes did not, the record stands.
                pending.append((file, root, previous.status == .archived ? try store.archivedSource(at: file.path) : nil))
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .output(path: store.url.path, reason: "\(error)")
        }

        var timings = StageTimings()
        let workers = min(Self.maximumJobs, max(1, options.jobs ?? ProcessInfo.processInfo.activeProcessorCount))
        let batchSize = max(8, workers * 8)
        var done = report.skipped
        let writer = StoreWriter(store: store, run: runID, version: version)
        var batch = ArchiveStore.Batch()
        var inBatch = 0
        do {
            // Workers take the next file as soon as they are free; results come back in input order,
            // at most `window` held at once, so memory does not grow with the corpus.
            let work = pending
            try Self.orderedMap(work, workers: workers, window: workers * 16) { item -> (DocumentStages.Outcome, StageTimings) in
                var timings = StageTimings()
                let outcome = stages.outcome(item.file, knownSHA256: item.previous?.sha256, timings: &timings)
                return (outcome, timings)
            } consume: { index, result in
                let (outcome, itemTimings) = result
                let item = work[index]
                timings.add(itemTimings)
                let file = item.file
                var source = ArchiveStore.SourceRow(location: file.path, root: item.root, path: file.relativePath, size: file.size,
                                                    mtime: file.modified?.timeIntervalSince1970 ?? 0, sha256: nil, documentId: nil,
                                                    status: "archived", extractorVersion: version)
                switch outcome {
                case .unchanged(let sha):
                    report.skipped += 1
                    source.sha256 = sha
                    source.documentId = item.previous?.documentId
                    batch.touched.append(source)
                case .quarantined(let failure):
                    report.processed += 1
                    source.status = "quarantined"
                    report.quarantined.append(.init(path: Self.displayPath(file), stage: failure.stage, reason: failure.reason))
                    batch.quarantined.append((source, failure.stage.rawValue, failure.reason))
                case .archived(let prepared, let dropped):
                    let record = prepared.record
                    report.processed += 1
                    source.sha256 = record.source.sha256
                    source.documentId = record.id
                    report.bytesRead += record.source.bytes
                    report.droppedChromeLines += dropped
                    report.archived += 1
                    report.byKind[record.kind.rawValue, default: 0] += 1
                    for (kind, count) in record.factCounts { report.facts[kind, default: 0].saturatingAdd(count) }
                    batch.archived.append((prepared.forStore, source))
                }
                done += 1
                inBatch += 1
                if inBatch == batchSize || index == work.count - 1 {
                    try writer.submit(batch)
                    batch = ArchiveStore.Batch()
                    inBatch = 0
                    progress?(RunProgress(done: done, total: report.inputsFound, bytes: report.bytesRead, quarantined: report.quarantined.count,
                                          elapsed: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9))
                }
            }
        } catch {
            throw .output(path: store.url.path, reason: "\(error)")
        }

        var indexFailure: (any Error)?
        do {
            let seconds = try writer.finish()
            timings.add(.store, seconds: seconds.store)
            timings.add(.index, seconds: seconds.index)
            indexFailure = seconds.indexFailure
            store.releaseMemory()
        } catch {
            throw .output(path: store.url.path, reason: "\(error)")
        }
        do {
            // Known files under this run's roots that were not found: gone.
            let roots = Set(inputs.map(\.path))
            let walked = Set(known.roots.indices.filter { roots.contains(known.roots[$0]) })
            let vanished = known.byLocation.filter { walked.contains($0.value.root) && $0.value.status != .gone }.keys
            report.gone = try store.markGone(locations: vanished.sorted())
            // Entries of replaced documents go; whatever an earlier run left unindexed is indexed.
            // The index is derived data: when writing or reconciling it fails (a damaged file), it
            // is replaced by an empty one and filled again from the records.
            var clock = timings.start()
            do {
                if let indexFailure { throw indexFailure }
                if try report.processed > 0 || store.searchIndexMayBeStale(before: runID) {
                    report.indexRepaired = try store.reconcileSearchIndex().added
                    timings.lap(.index, &clock)
                }
            } catch {
                report.searchIndexRebuilt = SearchIndex.reason(error)
                store = try ArchiveStore(folder: output, rebuildIndex: true)
                report.indexRepaired = try store.reconcileSearchIndex().added
                timings.lap(.index, &clock)
            }
            // The archive files show the store as of the generation they were exported from:
            // whatever changed the store since (this run, or a run killed or failed before its
            // export was complete), they are written again. The recorded state names the files as
            // written too, so that one replaced or restored from elsewhere is written again.
            let state = "\(try store.generation()) \(archiveWriter.fingerprint)"
            let missing = archiveWriter.expectedOutputs.contains { !FileManager.default.fileExists(atPath: $0.path) }
            if try missing || options.full || store.exportedState() != state + " " + archiveWriter.filesSignature {
                var clock = timings.start()
                let (written, count) = try archiveWriter.write(from: store)
                try store.setExportedState(state + " " + archiveWriter.filesSignature)
                timings.lap(.write, &clock)
                report.outputs = written.map { $0.lastPathComponent }
                report.documentsInArchive = count
                report.exported = true
            } else {
                report.outputs = archiveWriter.expectedOutputs.map { $0.lastPathComponent }
                report.documentsInArchive = store.documentCount
            }
        } catch {
            throw .output(path: output.path, reason: "\(error)")
        }
        report.stageSeconds = timings.seconds
        report.finishedAt = Date()
        report.startedAt = report.finishedAt.addingTimeInterval(-Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        var w = JSONWriter()
        report.write(to: &w)
        w.newline()
        do {
            let bytes = w.bytes
            try archiveWriter.atomically(output.appendingPathComponent("run.json")) { try $0.write(bytes) }
            try store.finishRun(runID, report: report)
        } catch {
            throw .output(path: output.appendingPathComponent("run.json").path, reason: "\(error)")
        }
        return report
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

    /// Maps `items` on `workers` threads and hands each result to `consume` on the calling thread, in
    /// the items' order. Workers take the next item as soon as they are free (no barrier between
    /// batches, so one long document does not idle the other cores); at most `window` results wait
    /// to be consumed. When `consume` throws, workers stop taking items and the error is rethrown.
    package static func orderedMap<T: Sendable, R: Sendable>(_ items: [T], workers: Int, window: Int, _ transform: @escaping @Sendable (T) -> R,
                                                     consume: (Int, R) throws -> Void) throws {
        guard !items.isEmpty else { return }
        let window = max(1, window)
        let ring = OrderedRing<R>(window: window)
        let group = DispatchGroup()
        for _ in 0..<min(workers, items.count) {
            DispatchQueue.global().async(group: group) {
                while let index = ring.claim(limit: items.count) {
                    ring.put(index, transform(items[index]))
                }
            }
        }
        defer {
            ring.cancel()
            group.wait()
        }
        for index in 0..<items.count {
            try consume(index, ring.take(index))
        }
    }
}

#if os(Linux)
/// glibc's `mallopt(3)` (malloc.h is not in the Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// The hand-over between `orderedMap`'s workers and its consumer: item indices are claimed in
/// order, and a worker may claim index i only once the consumer has taken i - window.
package final class OrderedRing<R>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [R?]
    private var next = 0
    private var taken = 0
    private var cancelled = false

    package init(window: Int) { slots = Array(repeating: nil, count: window) }

    /// The next index to process, waiting while the window is full; nil when none is left.
    package func claim(limit: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && next < limit && next - taken >= slots.count { condition.wait() }
        guard !cancelled, next < limit else { return nil }
        next += 1
        return next - 1
    }

    package func put(_ index: Int, _ value: R) {
        condition.lock()
        slots[index % slots.count] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The result of `index`, waiting for it.
    package func take(_ index: Int) -> R {
        condition.lock()
        defer { condition.unlock() }
        while slots[index % slots.count] == nil { condition.wait() }
        let value = slots[index % slots.count]!
        slots[index % slots.count] = nil
        taken = index + 1
        condition.broadcast()
        return value
    }

    package func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
