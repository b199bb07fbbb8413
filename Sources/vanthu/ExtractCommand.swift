import ArgumentParser
import Foundation
import VanThuText
import VanThuFormats
import VanThuStore
import VanThuPipeline

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Process files and print their records as JSON Lines on stdout (nothing is written to disk).",
        discussion: "For a quick look or a pipe: vanthu extract letter.txt | jq .deadlines"
    )

    @Option(name: .shortAndLong, help: "The pipeline configuration (its extractor switches apply; optional).")
    var config: String = "pipeline.json"

    @Flag(help: "Leave the cleaned text out of the records.")
    var noText = false

    @Argument(help: "Files to process.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    func run() throws {
        var (configuration, _) = try CLISupport.loadConfig(config, allowMissing: true)
        if noText { configuration.output.includeText = false }
        let stages = Pipeline.DocumentStages(config: configuration)
        var failed = false
        for path in files {
            let url = URL(fileURLWithPath: path)
            let file = SourceFile(url: url, relativePath: url.lastPathComponent, size: 0)
            switch stages.process(file) {
            case .success(let result):
                var w = JSONWriter()
                result.record.write(to: &w)
                w.newline()
                FileHandle.standardOutput.write(Data(w.bytes))
            case .failure(let failure):
                failed = true
                FileHandle.standardError.write(Data("vanthu: \(path): quarantined at \(failure.stage.rawValue): \(failure.reason)\n".utf8))
            }
        }
        if failed { throw ExitCode(ExitStatus.quarantined.rawValue) }
    }
}
