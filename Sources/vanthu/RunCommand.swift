import ArgumentParser
import Foundation
import VanThuStore
import VanThuPipeline

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline: ingest the inputs and write OUTPUT/archive.json and OUTPUT/run.json.",
        discussion: """
        Inputs and the output folder come from pipeline.json; PATHs and --output override them \
        (they are resolved against the current folder, pipeline.json's against its own folder). \
        A document that cannot be processed is quarantined with the stage and the reason, and the \
        run goes on; run.json lists them. Folders skip licence and readme files, data sidecars (*.json, *.jsonl, \
        *.csv), hidden files and editor backups by default (pipeline.json's "exclude" of an input replaces that \
        list); --exclude adds globs, --include keeps only the files that match one. An input root that is missing \
        stops the run with status 6 and marks nothing gone; so does an empty one the archive holds files from.
        """
    )

    @Option(name: .shortAndLong, help: "The pipeline configuration.")
    var config: String = "pipeline.json"

    @Option(name: .shortAndLong, help: "Output folder (overrides output.folder).")
    var output: String?

    @Option(help: ArgumentHelp("Where the records live: sqlite (the output folder's vanthu.sqlite, the default) or a PostgreSQL URL, "
                               + "postgres://USER@HOST[:PORT]/DATABASE, shared by many workers (the password from PGPASSWORD or ~/.pgpass, "
                               + "never in the URL). Overrides pipeline.json's store.", valueName: "url"))
    var store: String?

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

    @Option(help: ArgumentHelp("Only files matching this glob, relative to their input root (\"**/*.txt\"); repeatable.", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Also skip files matching this glob (\"**/draft-*\"); repeatable.", valueName: "glob"))
    var exclude: [String] = []

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
            // NAME:PATH names an input root (`district-3:/mnt/scans`) for provenance.
            configuration.inputs = paths.map { argument in
                if let (name, path) = PipelineConfig.InputSpec.splitName(argument) {
                    return PipelineConfig.InputSpec(path: CLISupport.absolute(path), name: name)
                }
                return PipelineConfig.InputSpec(path: CLISupport.absolute(argument))
            }
            if base == nil { base = cwd }
        }
        for index in configuration.inputs.indices {
            if !include.isEmpty { configuration.inputs[index].include = include }
            configuration.inputs[index].exclude += exclude
        }
        if let output { configuration.output.folder = CLISupport.absolute(output) }
        if let store {
            if store == "sqlite" {
                configuration.store = .sqlite
            } else if store.hasPrefix("postgres://") || store.hasPrefix("postgresql://") {
                if let components = URLComponents(string: store), components.password != nil {
                    CLISupport.fail("vanthu: --store: give the URL without its password (PGPASSWORD or ~/.pgpass give it)", status: .usage)
                }
                configuration.store = .postgres(url: store)
            } else {
                CLISupport.fail("vanthu: --store \(store): expected sqlite or postgres://USER@HOST[:PORT]/DATABASE", status: .usage)
            }
        }
        if jsonl && !configuration.output.formats.contains(.jsonl) { configuration.output.formats.append(.jsonl) }
        if gzip { configuration.output.gzip = true }

        let pipeline = Pipeline(config: configuration, baseDirectory: base ?? cwd)
        let showProgress = !quiet && isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (RunProgress) -> Void)? = showProgress ? { @Sendable p in CLISupport.printProgress(p) } : nil
        if wait, !quiet {
            let folder = pipeline.outputFolder
            if FileManager.default.fileExists(atPath: folder.path) {
                do throws(OutputLock.Failure) { _ = try OutputLock(folder: folder, wait: false) } catch {
                    if case .busy = error {
                        FileHandle.standardError.write(Data("vanthu: another run is using \(folder.path); waiting for it to finish (--wait)\n".utf8))
                    }
                }
            }
        }
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
