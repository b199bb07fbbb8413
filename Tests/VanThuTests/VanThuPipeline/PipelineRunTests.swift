import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract
@testable import VanThuStore
@testable import VanThuPipeline

struct PipelineRunTests {
    func run(_ inputs: [URL], output: URL, formats: [OutputFormat] = [.json], gzip: Bool = false) throws -> RunReport {
        var config = PipelineConfig(inputs: inputs.map { PipelineConfig.InputSpec(path: $0.path) })
        config.output.folder = output.path
        config.output.formats = formats
        config.output.gzip = gzip
        return try Pipeline(config: config, baseDirectory: output).run()
    }

    @Test func theNumberOfJobsDoesNotChangeTheArchive() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var archives: [Data] = []
        for jobs in [1, 3] {
            let output = folder.appendingPathComponent("jobs-\(jobs)")
            var config = PipelineConfig(inputs: [PipelineConfig.InputSpec(path: TestSupport.fixtures.path)])
            config.output.folder = output.path
            let report = try Pipeline(config: config, baseDirectory: output).run(options: .init(jobs: jobs))
            #expect(report.archived > 0)
            archives.append(try Data(contentsOf: output.appendingPathComponent("archive.json")))
        }
        #expect(archives[0] == archives[1])
    }

    @Test func twoRunsGiveByteIdenticalArchives() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        _ = try run([TestSupport.fixtures], output: a)
        _ = try run([TestSupport.fixtures], output: b)
        let first = try Data(contentsOf: a.appendingPathComponent("archive.json"))
        let second = try Data(contentsOf: b.appendingPathComponent("archive.json"))
        #expect(first == second)
        #expect(first.count > 1000)
    }

    @Test func badInputsAreQuarantinedAndTheRestArchived() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        TestSupport.write("Bài viết ngắn về phong trào thi đua ở phường.\n\nNội dung bài viết có nhiều câu.", to: input.appendingPathComponent("good.txt"))
        var random = SystemRandomNumberGenerator()
        TestSupport.write((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }, to: input.appendingPathComponent("random.txt"))
        TestSupport.write([], to: input.appendingPathComponent("empty.txt"))
        TestSupport.write(Array("caf\u{E9} cr\u{E8}me".unicodeScalars.map { UInt8($0.value) }), to: input.appendingPathComponent("latin1.txt"))
        TestSupport.write("%PDF-1.4", to: input.appendingPathComponent("scan.pdf"))
        TestSupport.write("   \n\n  ", to: input.appendingPathComponent("blank.txt"))
        let output = folder.appendingPathComponent("out")
        let report = try run([input], output: output)
        #expect(report.archived == 1)
        #expect(report.exitStatus == .quarantined)
        let byName = Dictionary(uniqueKeysWithValues: report.quarantined.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0) })
        #expect(byName["random.txt"]?.stage == .decode)
        #expect(byName["empty.txt"]?.stage == .ingest)
        #expect(byName["empty.txt"]?.reason == "empty file")
        #expect(byName["latin1.txt"]?.stage == .decode)
        #expect(byName["scan.pdf"]?.stage == .decode)  // a PDF header and nothing after it
        #expect(byName["scan.pdf"]?.reason.contains("PDF") == true)
        #expect(byName["blank.txt"]?.stage == .normalize)
        let runJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("run.json"))) as? [String: Any])
        #expect((runJSON["quarantine"] as? [[String: Any]])?.count == 5)
        #expect(runJSON["exitStatus"] as? Int == 1)
        let archive = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("archive.json"))) as? [String: Any])
        #expect((archive["documents"] as? [Any])?.count == 1)
    }

    @Test func oversizedFilesAreQuarantinedWithoutBeingRead() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        TestSupport.write(String(repeating: "Dân vận khéo. ", count: 1000), to: folder.appendingPathComponent("in/big.txt"))
        var config = PipelineConfig(inputs: [.init(path: folder.appendingPathComponent("in").path)])
        config.output.folder = folder.appendingPathComponent("out").path
        config.limits.maxFileBytes = 1000
        let report = try Pipeline(config: config, baseDirectory: folder).run()
        #expect(report.quarantined.first?.reason.contains("too large") == true)
        #expect(report.archived == 0)
    }

    @Test func identicalFilesAtTwoPathsGiveOneRecord() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "Tin tức về phong trào thi đua “Dân vận khéo” của phường trong năm nay và những kết quả nổi bật."
        TestSupport.write(text, to: folder.appendingPathComponent("in/a/copy.txt"))
        TestSupport.write(text, to: folder.appendingPathComponent("in/b/copy.txt"))
        let output = folder.appendingPathComponent("out")
        let report = try run([folder.appendingPathComponent("in")], output: output)
        #expect(report.archived == 2)
        #expect(report.documentsInArchive == 1)
        let data = try Data(contentsOf: output.appendingPathComponent("archive.json"))
        let archive = try JSONDecoder().decode(ArchiveFile.self, from: data)
        #expect(archive.documents.first?.source.path == "a/copy.txt")
        #expect(archive.documents.first?.source.alsoAt == ["b/copy.txt"])
    }

    @Test func jsonLinesAndGzipOutputs() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let report = try run([TestSupport.fixtures], output: output, formats: [.json, .jsonl], gzip: true)
        #expect(Set(report.outputs) == ["archive.json", "documents.jsonl", "archive.json.gz", "documents.jsonl.gz"])
        let lines = try String(contentsOf: output.appendingPathComponent("documents.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == report.archived)
        let gz = try [UInt8](Data(contentsOf: output.appendingPathComponent("archive.json.gz")))
        let plain = try [UInt8](Data(contentsOf: output.appendingPathComponent("archive.json")))
        #expect(try Gzip.decompress(gz, limit: 1 << 30) == plain)
    }

    @Test func archiveFollowsTheContract() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        _ = try run([TestSupport.fixtures], output: output)
        let data = try Data(contentsOf: output.appendingPathComponent("archive.json"))
        let archive = try JSONDecoder().decode(ArchiveFile.self, from: data)
        #expect(archive.schema == "vanthu.archive/1")
        #expect(archive.documents.map(\.id) == archive.documents.map(\.id).sorted())
        for record in archive.documents {
            #expect(record.id == String(record.source.sha256.prefix(16)))
            #expect(!record.source.path.hasPrefix("/"))
            #expect(record.source.encoding == "utf-8")
            let scalars = Array(record.text.unicodeScalars)
            for date in record.dates {
                #expect(String(String.UnicodeScalarView(scalars[date.start..<date.end])) == date.text)
            }
        }
        // The contract's keys are present even when empty or null.
        let raw = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((raw["documents"] as? [[String: Any]])?.first)
        for key in ["id", "source", "kind", "title", "date", "header", "units", "dates", "periods", "deadlines",
                    "modelCounts", "references", "text"] {
            #expect(first.keys.contains(key), "missing \(key)")
        }
        #expect(raw["units"] is [Any])
        #expect(raw["stats"] is [String: Any])
    }

    @Test(.enabled(if: TestSupport.shared != nil, "needs ../shared (the shared corpus beside the repository; not on every machine)"))
    func theSeedsAreArchivedWithBadFilesBesideThem() throws {
        let shared = try #require(TestSupport.shared)
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        for name in try FileManager.default.contentsOfDirectory(atPath: shared.appendingPathComponent("seeds").path) {
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: shared.appendingPathComponent("seeds").appendingPathComponent(name),
                                             to: input.appendingPathComponent(name))
        }
        var random = SystemRandomNumberGenerator()
        TestSupport.write((0..<2048).map { _ in UInt8.random(in: 0...255, using: &random) }, to: input.appendingPathComponent("noise.txt"))
        TestSupport.write([], to: input.appendingPathComponent("empty.txt"))
        TestSupport.write([0x63, 0x61, 0x66, 0xE9, 0x0A], to: input.appendingPathComponent("latin1.txt"))
        let report = try run([input], output: folder.appendingPathComponent("out"))
        #expect(report.archived == 5)
        #expect(report.exitStatus == .quarantined)
        #expect(Set(report.quarantined.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["noise.txt", "empty.txt", "latin1.txt"])
    }
}

/// The archive file, decoded for checks.
struct ArchiveFile: Decodable {
    var schema: String
    var documents: [Record]
}
