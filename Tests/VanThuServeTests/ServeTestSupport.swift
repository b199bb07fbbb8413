import Foundation
import VanThuExtract
import VanThuPipeline
import VanThuStore
import VanThuText
@testable import VanThuServe

/// The invented fixture archive (FixtureArchive/), run through the pipeline once per test process.
enum ServeFixture {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FixtureArchive")

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vanthu-serve-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs the pipeline over `input` into `output`.
    @discardableResult
    static func run(_ input: URL, output: URL) throws -> RunReport {
        var config = PipelineConfig(inputs: [PipelineConfig.InputSpec(path: input.path)])
        config.output.folder = output.path
        return try Pipeline(config: config, baseDirectory: output).run()
    }

    /// A copy of the fixture documents and the archive made from them.
    static let shared: (input: URL, output: URL) = {
        let folder = temporaryFolder()
        let input = folder.appendingPathComponent("input"), output = folder.appendingPathComponent("archive")
        try! FileManager.default.copyItem(at: sources, to: input)
        try! run(input, output: output)
        return (input, output)
    }()

    static let app = ServeApp(archive: ServedArchive(folder: shared.output))

    static func get(_ target: String, app: ServeApp = app) -> ServeResponse {
        app.respond(to: ServeRequest(target: target))
    }

    static func json(_ response: ServeResponse) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
    }

    /// The id of the fixture document whose path ends with `name`.
    static func id(of name: String) -> String {
        let store = try! ArchiveStore(folder: shared.output, readOnly: true)
        var found = ""
        try! store.forEachRecord { summary, _ in if summary.path.hasSuffix(name) { found = summary.id } }
        return found
    }
}
