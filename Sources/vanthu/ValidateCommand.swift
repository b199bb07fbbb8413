import ArgumentParser
import Foundation
import VanThuExtract
import VanThuPipeline

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline configuration and say what it would do.",
        discussion: "Unknown keys and bad values are reported with their key path and the valid options."
    )

    @Argument(help: "The configuration file.")
    var file: String = "pipeline.json"

    func run() throws {
        let (configuration, base) = try CLISupport.loadConfig(file, allowMissing: false)
        let pipeline = Pipeline(config: configuration, baseDirectory: base!)
        print("\(file): valid (version \(configuration.version))")
        for input in configuration.inputs {
            let exclude = input.exclude == PipelineConfig.defaultExclude
                ? "  exclude the defaults (licence and readme files, *.json *.jsonl *.csv *.tsv sidecars, editor backups, hidden files)"
                : input.exclude.isEmpty ? "  exclude nothing" : "  exclude \(input.exclude.joined(separator: " "))"
            print("  input   \(input.path)  include \(input.include.joined(separator: " "))" + exclude
                  + (input.includeHidden ? "  hidden files too" : ""))
        }
        print("  stages  \(configuration.stages.map(\.rawValue).joined(separator: " → "))")
        let enabled = Set(configuration.enabledExtractors.map(\.id))
        print("  extract \(ExtractorRegistry.ids.map { enabled.contains($0) ? $0 : "(\($0) off)" }.joined(separator: " "))")
        print("  output  \(pipeline.outputFolder.path)  \(configuration.output.formats.map(\.rawValue).joined(separator: " "))" +
              (configuration.output.gzip ? " +gzip" : ""))
        print("  limits  largest file \(configuration.limits.maxFileBytes) bytes")
    }
}
