import ArgumentParser
import Foundation
import VanThu

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline: ingest the inputs and write OUTPUT/archive.json and OUTPUT/run.json.",
        discussion: """
        Inputs and the output folder come from pipeline.json; PATHs and --output override them \
        (they are resolved against the current folder, pipeline.json's against its own folder). \
        A document that cannot be processed is quarantined with the stage and the reason, and the \
        run goes on; run.json lists them.
        """
    )

    @Option(name: .shortAndLong, help: "The pipeline configuration.")
    var config: String = "pipeline.json"

    @Option(name: .shortAndLong, help: "Output folder (overrides output.folder).")
    var output: String?

    @Flag(help: "Also write documents.jsonl, one record a line.")
    var jsonl = false

    @Flag(help: "Also write gzip-compressed copies of the outputs.")
    var gzip = false

    @Flag(help: "Process every input again, changed or not.")
    var full = false

    @Flag(help: "If another run is using the output folder, wait for it instead of exiting with status 4.")
    var wait = false

    @Option(name: .shortAndLong, help: "Documents processed at once (default: one per core). The store is written on a thread of its own besides.")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "No progress line and no summary.")
    var quiet = false

    @Argument(help: "Files or folders to ingest (override the inputs of pipeline.json).")
    var paths: [String] = []

    func validate() throws {
        if let jobs, !(1...Pipeline.maximumJobs).contains(jobs) {
            throw ValidationError("--jobs must be from 1 to \(Pipeline.maximumJobs), not \(jobs)")
        }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var (configuration, base) = try CLISupport.loadConfig(config, allowMissing: !paths.isEmpty)
        if !paths.isEmpty {
            configuration.inputs = paths.map { PipelineConfig.InputSpec(path: CLISupport.absolute($0)) }
            if base == nil { base = cwd }
        }
        if let output { configuration.output.folder = CLISupport.absolute(output) }
        if jsonl && !configuration.output.formats.contains(.jsonl) { configuration.output.formats.append(.jsonl) }
        if gzip { configuration.output.gzip = true }

        let pipeline = Pipeline(config: configuration, baseDirectory: base ?? cwd)
        let showProgress = !quiet && isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (RunProgress) -> Void)? = showProgress ? { @Sendable p in CLISupport.printProgress(p) } : nil
        let report: RunReport
        do throws(PipelineError) {
            report = try pipeline.run(options: Pipeline.RunOptions(full: full, waitForLock: wait, jobs: jobs), progress: progress)
        } catch {
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            CLISupport.fail("vanthu: \(error.description)", status: error.exitStatus)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if !quiet { CLISupport.printSummary(report, folder: pipeline.outputFolder) }
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }
}
