import Foundation
import Testing
@testable import VanThuStore
@testable import VanThuPostgres
@testable import VanThuPipeline

/// The BagIt export from a PostgreSQL store (issue 19): the same bag, byte for byte, as from the
/// SQLite store of the same inputs; roots recorded by name are read where the export is told.
@Suite(.enabled(if: PostgresTestServer.available, PostgresTestServer.skipReason))
struct PostgresBagTests {
    /// Every file of a bag, by its path inside it.
    static func files(of bag: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = bag.standardizedFileURL.path + "/"
        let walker = FileManager.default.enumerator(at: bag, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return out
    }

    static func run(_ inputs: [PipelineConfig.InputSpec], _ output: URL, store: PipelineConfig.StoreSettings) throws {
        var config = PipelineConfig(inputs: inputs)
        config.output.folder = output.path
        config.store = store
        _ = try Pipeline(config: config, baseDirectory: output).run()
    }

    @Test func aBagFromPostgresIsTheBagFromSQLite() throws {
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let inputs = [PipelineConfig.InputSpec(path: TestSupport.fixtures.path, include: ["**/input.*"], exclude: [])]
            let sqlite = folder.appendingPathComponent("sqlite")
            try Self.run(inputs, sqlite, store: .sqlite)
            try Self.run(inputs, folder.appendingPathComponent("postgres"), store: .postgres(url: url))
            let a = try ArchiveStore(folder: sqlite, readOnly: true), b = try PostgresStore(url: url, readOnly: true)
            for query in [nil, SearchQuery(text: "ủy ban"), SearchQuery(text: "", kind: .dispatch)] as [SearchQuery?] {
                let name = query.map { "q-" + $0.text + ($0.kind?.rawValue ?? "") } ?? "all"
                let bagA = folder.appendingPathComponent("bag-sqlite-" + name), bagB = folder.appendingPathComponent("bag-postgres-" + name)
                let options = BagItTests.options(query)
                let summaryA = try BagWriter(store: a, destination: bagA, options: options).write()
                let summaryB = try BagWriter(store: b, destination: bagB, options: options).write()
                #expect(summaryA == summaryB && summaryA.documents > 3)
                #expect(BagVerifier.verify(bagB).isValid)
                let filesA = try Self.files(of: bagA), filesB = try Self.files(of: bagB)
                #expect(filesA.keys.sorted() == filesB.keys.sorted())
                for (path, bytes) in filesA where filesB[path] != bytes { Issue.record("\(name): \(path) differs") }
            }
            // A file gone from the inputs leaves its document out on both, counted.
            let input = folder.appendingPathComponent("in")
            try IncrementalRunTests.makeCorpus(in: input, count: 6)
            let small = folder.appendingPathComponent("sqlite-small")
            try Self.run([.init(path: input.path)], small, store: .sqlite)
            try PostgresTestServer.withDatabase { other in
                try Self.run([.init(path: input.path)], folder.appendingPathComponent("postgres-small"), store: .postgres(url: other))
                try FileManager.default.removeItem(at: input.appendingPathComponent("lo-02/van-ban-00002.txt"))
                try Self.run([.init(path: input.path)], small, store: .sqlite)
                try Self.run([.init(path: input.path)], folder.appendingPathComponent("postgres-small"), store: .postgres(url: other))
                let bagA = folder.appendingPathComponent("small-a"), bagB = folder.appendingPathComponent("small-b")
                let summaryA = try BagWriter(store: ArchiveStore(folder: small, readOnly: true), destination: bagA, options: BagItTests.options()).write()
                let summaryB = try BagWriter(store: PostgresStore(url: other, readOnly: true), destination: bagB, options: BagItTests.options()).write()
                #expect(summaryA == summaryB && summaryA.goneLeftOut == 1)
                #expect(try Self.files(of: bagA) == Self.files(of: bagB))
            }
        }
    }

    @Test func namedRootsAreReadWhereTheExportIsTold() throws {
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("in")
            try IncrementalRunTests.makeCorpus(in: input, count: 5)
            try Self.run([.init(path: input.path, name: "phong-2")], folder.appendingPathComponent("out"), store: .postgres(url: url))
            let store = try PostgresStore(url: url, readOnly: true)
            // Without being told where phong-2 is, the originals cannot be found: no bag.
            #expect(throws: BagWriter.Problem.self) {
                try BagWriter(store: store, destination: folder.appendingPathComponent("none"), options: BagItTests.options()).write()
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none").path))
            var options = BagItTests.options()
            options.rootPaths = ["phong-2": input.path]
            let bag = folder.appendingPathComponent("bag")
            let summary = try BagWriter(store: store, destination: bag, options: options).write()
            #expect(summary.originals == 5)
            #expect(BagVerifier.verify(bag).isValid)
            #expect(try Data(contentsOf: bag.appendingPathComponent("data/objects/phong-2/lo-01/van-ban-00001.txt"))
                    == Data(contentsOf: input.appendingPathComponent("lo-01/van-ban-00001.txt")))
        }
    }
}
