import ArgumentParser
import Foundation
import VanThuExtract
import VanThuPipeline

struct BenchExtractorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-extractor",
        abstract: "Time extractors alone on one core over files (cleaning is done first and not timed).",
        discussion: "Build with -c release for meaningful numbers: swift run -c release vanthu bench-extractor dates ../shared/corpora/news-dantri"
    )

    @Argument(help: "Extractor ids, comma-separated (see vanthu validate), or 'all'.")
    var extractors: String

    @Argument(help: "Files or folders (walked recursively).")
    var paths: [String]

    @Option(help: "Repeats; the fastest is reported.")
    var repeats = 3

    func run() throws {
        let ids = extractors == "all" ? ExtractorRegistry.ids : extractors.split(separator: ",").map(String.init)
        var chosen: [any Extractor] = []
        for id in ids {
            guard let e = ExtractorRegistry.extractor(id: id) else {
                throw ValidationError("unknown extractor \(id); known: \(ExtractorRegistry.ids.joined(separator: ", "))")
            }
            chosen.append(e)
        }
        let listing = InputWalker(inputs: paths.map { PipelineConfig.InputSpec(path: CLISupport.absolute($0)) }).list()
        let result = ExtractorBenchmark(extractors: chosen).run(files: listing.files.map(\.file.url), repeats: repeats)
        print(String(format: "%@: %d documents, %.1f MB, %.3f s, %.1f MB/s, %d facts", ids.joined(separator: ","),
                     result.documents, Double(result.bytes) / 1_000_000, result.seconds, result.megabytesPerSecond, result.facts))
    }
}
