import Dispatch
import Foundation
import VanThuFormats
import VanThuExtract

/// Times extractors alone over a set of files (already cleaned in memory first), for the speed
/// targets of the extractor issues. Run it from a release build: `vanthu bench-extractor`.
public struct ExtractorBenchmark {
    public struct Result: Sendable {
        public var extractorIDs: [String]
        public var documents: Int
        public var bytes: Int
        public var seconds: Double
        public var facts: Int
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }
    }

    public var extractors: [any Extractor]
    public init(extractors: [any Extractor]) { self.extractors = extractors }

    /// Loads and cleans the files (not timed), then runs the extractors `repeats` times on one core.
    public func run(files: [URL], repeats: Int = 3) -> Result {
        let normalize = NormalizeStage()
        let decode = DecodeStage()
        var contexts: [ExtractionContext] = []
        var bytes = 0
        for url in files {
            guard let data = try? Data(contentsOf: url), !data.isEmpty else { continue }
            let file = SourceFile(url: url, relativePath: url.lastPathComponent, size: data.count)
            let raw = RawDocument(file: file, bytes: [UInt8](data), sha256: "", format: "text")
            guard let decoded = try? decode.run(raw), let clean = try? normalize.run(decoded) else { continue }
            let (kind, reasons) = ClassifyStage.classify(clean.document)
            let record = Record(id: clean.id, source: clean.source, kind: kind, kindReasons: reasons)
            contexts.append(ExtractionContext(document: clean.document, record: record))
            bytes += clean.document.utf8.count
        }
        var best = Double.infinity
        var facts = 0
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            facts = 0
            for var context in contexts {
                for extractor in extractors { extractor.extract(&context) }
                facts += context.record.factCounts.values.reduce(0, +)
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return Result(extractorIDs: extractors.map(\.id), documents: contexts.count, bytes: bytes, seconds: best, facts: facts)
    }
}
