import Dispatch
import Foundation

/// Errors that stop a run as a whole (a bad document never does: it is quarantined).
public enum PipelineError: Error, CustomStringConvertible {
    case configuration(ConfigError)
    case noInputs(String)
    case output(path: String, reason: String)
    case locked(String)

    public var description: String {
        switch self {
        case .configuration(let error): return error.description
        case .noInputs(let detail): return "no inputs: \(detail)"
        case .output(let path, let reason): return "cannot write \(path): \(reason)"
        case .locked(let message): return message
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .configuration, .noInputs: return .configuration
        case .output: return .output
        case .locked: return .locked
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

    func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : baseDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// The per-document stages as configured.
    public struct DocumentStages: Sendable {
        public var ingest: IngestStage
        public var decode = DecodeStage()
        public var normalize = NormalizeStage()
        public var classify: ClassifyStage?
        public var extract: ExtractStage

        public init(config: PipelineConfig) {
            ingest = IngestStage(maxFileBytes: config.limits.maxFileBytes)
            classify = config.stages.contains(.classify) ? ClassifyStage() : nil
            extract = ExtractStage(extractors: config.enabledExtractors, includeText: config.output.includeText)
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
                let raw = try ingest.run(file)
                timings.lap(.ingest, &clock)
                if let knownSHA256, raw.sha256 == knownSHA256 { return .unchanged(sha256: knownSHA256) }
                let decoded = try decode.run(raw)
                timings.lap(.decode, &clock)
                let clean = try normalize.run(decoded)
                timings.lap(.normalize, &clock)
                let classified = try classify?.run(clean) ?? ClassifiedDocument(clean: clean, kind: .unknown, reasons: [])
                timings.lap(.classify, &clock)
                let record = try extract.run(classified)
                timings.lap(.extract, &clock)
                let prepared = PreparedRecord(record, folded: clean.document.folded)
                timings.lap(.prepare, &clock)
                return .archived(prepared, droppedChromeLines: clean.droppedChrome.values.reduce(0, +))
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
        public init(full: Bool = false, waitForLock: Bool = false) { self.full = full; self.waitForLock = waitForLock }
    }

    public func run(options: RunOptions = RunOptions(), progress: (@Sendable (RunProgress) -> Void)? = nil) throws(PipelineError) -> RunReport {
        var report = RunReport()
        let started = DispatchTime.now()
        let output = outputFolder
        let inputs = config.inputs.map { spec -> PipelineConfig.InputSpec in
            var spec = spec
            spec.path = resolve(spec.path).path
            return spec
        }
        guard !inputs.isEmpty else { throw .noInputs("pipeline.json lists no inputs and none were given") }
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

        let store: ArchiveStore
        let runID: Int64
        let known: [String: ArchiveStore.SourceRow]
        let knownQuarantine: [String: (stage: String, reason: String)]
        do {
            store = try ArchiveStore(folder: output)
            runID = try store.beginRun()
            known = try store.sources()
            knownQuarantine = try store.quarantineEntries()
        } catch {
            throw .output(path: output.appendingPathComponent(ArchiveStore.fileName).path, reason: "\(error)")
        }

        let listing = InputWalker(inputs: inputs, skipFolders: [output]).list()
        for problem in listing.problems {
            report.quarantined.append(.init(path: problem.path, stage: .ingest, reason: problem.reason))
        }
        let files = listing.files
        report.inputsFound = files.count
        let version = config.extractorVersionTag
        let stages = DocumentStages(config: config)

        // Unchanged inputs (same size and mtime, same rules) are not read again.
        var seen = Set<String>()
        seen.reserveCapacity(files.count)
        var pending: [(file: SourceFile, root: String, known: ArchiveStore.SourceRow?)] = []
        for (file, root) in files {
            let location = file.url.path
            seen.insert(location)
            let previous = known[location]
            let mtime = file.modified?.timeIntervalSince1970 ?? 0
            if !options.full, let previous, previous.status != "gone", previous.size == file.size, previous.mtime == mtime,
               previous.extractorVersion == version {
                report.skipped += 1
                if previous.status == "quarantined", let entry = knownQuarantine[location] {
                    report.quarantined.append(.init(path: Self.displayPath(file), stage: StageName(rawValue: entry.stage) ?? .ingest,
                                                    reason: entry.reason))
                }
                continue
            }
            pending.append((file, root, previous))
        }

        var timings = StageTimings()
        let batchSize = max(8, ProcessInfo.processInfo.activeProcessorCount * 8)
        var done = report.skipped
        var batchStart = 0
        let writer = StoreWriter(store: store, run: runID, version: version)
        while batchStart < pending.count {
            let slice = Array(pending[batchStart..<min(batchStart + batchSize, pending.count)])
            let results = Self.parallelMap(slice) { item -> (DocumentStages.Outcome, StageTimings) in
                // A file whose size or mtime changed but whose bytes did not keeps its record.
                let reusable = item.known.flatMap { $0.status == "archived" && $0.extractorVersion == version && !options.full ? $0.sha256 : nil }
                var timings = StageTimings()
                let outcome = stages.outcome(item.file, knownSHA256: reusable, timings: &timings)
                return (outcome, timings)
            }
            var batch = ArchiveStore.Batch()
            for (item, (result, itemTimings)) in zip(slice, results) {
                timings.add(itemTimings)
                let file = item.file
                var source = ArchiveStore.SourceRow(location: file.url.path, root: item.root, path: file.relativePath, size: file.size,
                                                    mtime: file.modified?.timeIntervalSince1970 ?? 0, sha256: nil, documentId: nil,
                                                    status: "archived", extractorVersion: version)
                switch result {
                case .unchanged(let sha):
                    report.skipped += 1
                    source.sha256 = sha
                    source.documentId = item.known?.documentId
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
                    for (kind, count) in record.factCounts { report.facts[kind, default: 0] += count }
                    batch.archived.append((prepared, source))
                }
                done += 1
            }
            do { try writer.submit(batch) } catch {
                throw .output(path: store.url.path, reason: "\(error)")
            }
            batchStart += slice.count
            progress?(RunProgress(done: done, total: files.count, bytes: report.bytesRead, quarantined: report.quarantined.count,
                                  elapsed: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9))
        }

        do { timings.add(.store, seconds: try writer.finish()) } catch {
            throw .output(path: store.url.path, reason: "\(error)")
        }
        let archiveWriter = ArchiveWriter(folder: output, settings: config.output)
        do {
            // Known files under this run's roots that were not found: gone.
            let roots = Set(inputs.map(\.path))
            let vanished = known.values.filter { roots.contains($0.root) && $0.status != "gone" && !seen.contains($0.location) }
            report.gone = try store.markGone(locations: vanished.map(\.location).sorted())
            let missing = archiveWriter.expectedOutputs.contains { !FileManager.default.fileExists(atPath: $0.path) }
            if report.processed > 0 || report.gone > 0 || missing || options.full {
                var clock = timings.start()
                let (written, count) = try archiveWriter.write(from: store)
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

    static func displayPath(_ file: SourceFile) -> String { file.url.path }

    /// Maps `items` on all cores, keeping their order.
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let slots = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values()
    }
}

/// Storage that concurrent workers fill, each at its own index.
final class ResultSlots<R>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: R) { storage[index] = value }

    func values() -> [R] { (0..<count).map { storage[$0]! } }
}
