import Dispatch
import Foundation

/// Errors that stop a run as a whole (a bad document never does: it is quarantined).
public enum PipelineError: Error, CustomStringConvertible {
    case configuration(ConfigError)
    case noInputs(String)
    case output(path: String, reason: String)

    public var description: String {
        switch self {
        case .configuration(let error): return error.description
        case .noInputs(let detail): return "no inputs: \(detail)"
        case .output(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .configuration, .noInputs: return .configuration
        case .output: return .output
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

        /// One file through every stage: its record, or the failure that quarantines it.
        public func process(_ file: SourceFile) -> Result<(record: Record, dropped: Int), StageFailure> {
            do throws(StageFailure) {
                let raw = try ingest.run(file)
                let decoded = try decode.run(raw)
                let clean = try normalize.run(decoded)
                let classified = try classify?.run(clean) ?? ClassifiedDocument(clean: clean, kind: .unknown, reasons: [])
                let record = try extract.run(classified)
                return .success((record, clean.droppedChrome.values.reduce(0, +)))
            } catch {
                return .failure(error)
            }
        }
    }

    public func run(progress: (@Sendable (RunProgress) -> Void)? = nil) throws(PipelineError) -> RunReport {
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

        let listing = InputWalker(inputs: inputs, skipFolders: [output]).list()
        for problem in listing.problems {
            report.quarantined.append(.init(path: problem.path, stage: .ingest, reason: problem.reason))
        }
        let files = listing.files
        report.inputsFound = files.count

        let spool: RecordSpool
        do { spool = try RecordSpool(in: output) } catch {
            throw .output(path: output.path, reason: (error as NSError).localizedDescription)
        }
        let stages = DocumentStages(config: config)
        var consolidator = Consolidator()
        var alsoAt: [String: [String]] = [:]
        var writer = JSONWriter(reservingCapacity: 1 << 16)

        let batchSize = max(8, ProcessInfo.processInfo.activeProcessorCount * 8)
        var done = 0
        var batchStart = 0
        while batchStart < files.count {
            let batch = Array(files[batchStart..<min(batchStart + batchSize, files.count)])
            let results = Self.parallelMap(batch) { stages.process($0) }
            for (file, result) in zip(batch, results) {
                let displayPath = Self.displayPath(file)
                switch result {
                case .failure(let failure):
                    report.quarantined.append(.init(path: displayPath, stage: failure.stage, reason: failure.reason))
                case .success(let (record, dropped)):
                    report.bytesRead += record.source.bytes
                    report.droppedChromeLines += dropped
                    if spool.contains(record.id) {
                        report.duplicates += 1
                        alsoAt[record.id, default: []].append(record.source.path)
                        continue
                    }
                    writer.removeAll()
                    record.write(to: &writer)
                    do { try spool.append(id: record.id, json: writer.bytes) } catch {
                        throw .output(path: spool.url.path, reason: (error as NSError).localizedDescription)
                    }
                    report.archived += 1
                    report.byKind[record.kind.rawValue, default: 0] += 1
                    for (kind, count) in record.factCounts { report.facts[kind, default: 0] += count }
                    if config.stages.contains(.consolidate) { consolidator.add(record) }
                }
                done += 1
            }
            batchStart += batch.count
            progress?(RunProgress(done: done, total: files.count, bytes: report.bytesRead, quarantined: report.quarantined.count,
                                  elapsed: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9))
        }

        let archiveWriter = ArchiveWriter(folder: output, settings: config.output)
        do {
            let written = try archiveWriter.write(spool: spool, alsoAt: alsoAt, consolidator: consolidator)
            report.outputs = written.map { $0.lastPathComponent }
        } catch {
            throw .output(path: output.path, reason: (error as NSError).localizedDescription)
        }
        report.finishedAt = Date()
        report.startedAt = report.finishedAt.addingTimeInterval(-Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        var w = JSONWriter()
        report.write(to: &w)
        w.newline()
        do {
            let bytes = w.bytes
            try archiveWriter.atomically(output.appendingPathComponent("run.json")) { try $0.write(bytes) }
        } catch {
            throw .output(path: output.appendingPathComponent("run.json").path, reason: (error as NSError).localizedDescription)
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
