import Foundation
@testable import VanThuFormats
@testable import VanThuExtract
@testable import VanThuPipeline

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository root (two levels above this file's folder).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = repositoryRoot.appendingPathComponent("fixtures")

    /// `../shared` beside the repository, when this machine has it.
    static var shared: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("seeds").path) ? url : nil
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ name: String = #function) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vanthu-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) {
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    static func write(_ bytes: [UInt8], to url: URL) {
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: url)
    }

    /// Writes `bytes` to a file named `name` and sends it through every stage of the default configuration.
    static func process(_ bytes: [UInt8], name: String) -> Result<Record, StageFailure> {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        write(bytes, to: url)
        let stages = Pipeline.DocumentStages(config: PipelineConfig(inputs: []))
        return stages.process(SourceFile(url: url, relativePath: name, size: bytes.count)).map(\.record)
    }

    /// Runs the extractors of the default configuration on a text, as the pipeline would after cleaning.
    static func record(for text: String, path: String = "doc.txt") -> Record? {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(path)
        write(text, to: url)
        let stages = Pipeline.DocumentStages(config: PipelineConfig(inputs: []))
        return try? stages.process(SourceFile(url: url, relativePath: path, size: 0)).get().record
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
