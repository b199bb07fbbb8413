import Foundation
import Testing
@testable import VanThuStore
@testable import VanThuPipeline

/// The store makes runs incremental and crash-safe: unchanged files are skipped, changed ones
/// replace their record, vanished ones are marked gone, and a run killed at any moment followed by
/// another gives the archive of one uninterrupted run.
@Suite(.serialized)
struct IncrementalRunTests {
    /// A corpus of `count` distinct documents made from the fixtures.
    static func makeCorpus(in folder: URL, count: Int) throws {
        let texts = try ["cong-van-huyen-uy", "ke-hoach-ubnd", "news-model-counts", "web-dump-chrome", "traps"].map {
            try String(contentsOf: TestSupport.fixtures.appendingPathComponent("\($0)/input.txt"), encoding: .utf8)
        }
        for index in 0..<count {
            let text = texts[index % texts.count] + "\nBản số \(index) của kho lưu trữ thử nghiệm, xã số \(index / 7).\n"
            TestSupport.write(text, to: folder.appendingPathComponent(String(format: "lo-%02d/van-ban-%05d.txt", index % 13, index)))
        }
    }

    static func config(input: URL, output: URL) -> PipelineConfig {
        var config = PipelineConfig(inputs: [.init(path: input.path)])
        config.output.folder = output.path
        return config
    }

    static func run(_ input: URL, _ output: URL, full: Bool = false) throws -> RunReport {
        try Pipeline(config: config(input: input, output: output), baseDirectory: output).run(options: .init(full: full))
    }

    static func archive(_ output: URL) throws -> Data { try Data(contentsOf: output.appendingPathComponent("archive.json")) }

    @Test func aRerunOnAnUnchangedCorpusSkipsEverythingAndChangesNothing() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try Self.makeCorpus(in: input, count: 2000)
        let clock = ContinuousClock()
        var first: RunReport!
        let firstTime = try clock.measure { first = try Self.run(input, output) }
        #expect(first.archived == 2000)
        let before = try Self.archive(output)
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("archive.json").path)
        var second: RunReport!
        let secondTime = try clock.measure { second = try Self.run(input, output) }
        #expect(second.processed == 0)
        #expect(second.skipped == 2000)
        #expect(!second.exported)
        #expect(second.documentsInArchive == 2000)
        #expect(try Self.archive(output) == before)
        let after = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("archive.json").path)
        #expect(after[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
        #expect(secondTime < firstTime / 5, "re-run \(secondTime) vs first run \(firstTime)")
    }

    @Test func changedFilesReplaceTheirRecordAndVanishedOnesAreMarkedGone() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try Self.makeCorpus(in: input, count: 20)
        _ = try Self.run(input, output)
        let changed = input.appendingPathComponent("lo-03/van-ban-00003.txt")
        let removed = input.appendingPathComponent("lo-04/van-ban-00004.txt")
        try Data("Tin mới về phong trào thi đua của xã trong tháng này, nội dung đã sửa lại hoàn toàn.".utf8).write(to: changed)
        try FileManager.default.removeItem(at: removed)
        // Same bytes, new mtime: not processed again.
        let touched = input.appendingPathComponent("lo-05/van-ban-00005.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: touched.path)
        let report = try Self.run(input, output)
        #expect(report.processed == 1)
        #expect(report.gone == 1)
        #expect(report.skipped == 18)
        let archive = try JSONDecoder().decode(ArchiveFile.self, from: Self.archive(output))
        #expect(archive.documents.count == 20)  // 19 live (one replaced) + 1 gone
        let byPath = Dictionary(grouping: archive.documents, by: \.source.path)
        #expect(byPath["lo-03/van-ban-00003.txt"]?.count == 1)
        #expect(byPath["lo-03/van-ban-00003.txt"]?.first?.text.contains("nội dung đã sửa lại") == true)
        #expect(byPath["lo-04/van-ban-00004.txt"]?.first?.gone == true)
        // The file comes back: no longer gone.
        try Self.makeCorpus(in: input, count: 5)
        let back = try Self.run(input, output)
        #expect(back.processed == 2)  // van-ban-00004 again, van-ban-00003 restored
        let restored = try JSONDecoder().decode(ArchiveFile.self, from: Self.archive(output))
        #expect(restored.documents.allSatisfy { $0.gone != true })
    }

    @Test func otherRulesOrFullReprocess() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try Self.makeCorpus(in: input, count: 10)
        _ = try Self.run(input, output)
        #expect(try Self.run(input, output, full: true).processed == 10)
        var config = Self.config(input: input, output: output)
        config.extractors["modelCounts"] = .init(enabled: false)
        let report = try Pipeline(config: config, baseDirectory: output).run()
        #expect(report.processed == 10)
        let archive = try JSONDecoder().decode(ArchiveFile.self, from: Self.archive(output))
        #expect(archive.documents.allSatisfy { $0.modelCounts.isEmpty })
    }

    @Test func aSecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsTheLock() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let held = try OutputLock(folder: output, wait: false)
        #expect(throws: PipelineError.self) {
            try Pipeline(config: Self.config(input: TestSupport.fixtures, output: output), baseDirectory: output).run()
        }
        withExtendedLifetime(held) {}
    }

    // MARK: The binary, killed and run concurrently

    static var binary: URL? {
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vanthu"),
                          Bundle.main.bundleURL.appendingPathComponent("vanthu"),
                          TestSupport.repositoryRoot.appendingPathComponent(".build/debug/vanthu")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary!
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedRunsResumeToTheSameArchive() throws {
        guard Self.binary != nil else { return }
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try Self.makeCorpus(in: input, count: 600)
        let reference = folder.appendingPathComponent("reference")
        _ = try Self.run(input, reference)
        let expected = try Self.archive(reference)
        for (attempt, delay) in [0.15, 0.4, 0.8].enumerated() {
            let output = folder.appendingPathComponent("killed-\(attempt)")
            let process = try Self.launch(["run", "-q", "--output", output.path, input.path])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let again = try Self.launch(["run", "-q", "--output", output.path, input.path])
            again.waitUntilExit()
            #expect(again.terminationStatus == 0)
            #expect(try Self.archive(output) == expected, "after a kill at \(delay) s")
        }
    }

    @Test func twoRunsStartedTogetherEndWithOneGoodArchive() throws {
        guard Self.binary != nil else { return }
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try Self.makeCorpus(in: input, count: 300)
        let reference = folder.appendingPathComponent("reference")
        _ = try Self.run(input, reference)
        let output = folder.appendingPathComponent("out")
        let a = try Self.launch(["run", "-q", "--output", output.path, input.path])
        let b = try Self.launch(["run", "-q", "--output", output.path, input.path])
        a.waitUntilExit(); b.waitUntilExit()
        let statuses = Set([a.terminationStatus, b.terminationStatus])
        #expect(statuses.isSubset(of: [0, 4]) && statuses.contains(0), "\(statuses)")
        #expect(try Self.archive(output) == Self.archive(reference))
        // With --wait both finish, one after the other.
        let c = try Self.launch(["run", "-q", "--wait", "--output", output.path, input.path])
        let d = try Self.launch(["run", "-q", "--wait", "--output", output.path, input.path])
        c.waitUntilExit(); d.waitUntilExit()
        #expect(c.terminationStatus == 0 && d.terminationStatus == 0)
        #expect(try Self.archive(output) == Self.archive(reference))
    }
}
