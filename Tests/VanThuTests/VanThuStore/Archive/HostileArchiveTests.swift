import Foundation
import GRDB
import struct VanThuExtract.Record
import Testing
@testable import VanThuExtract
@testable import VanThuStore
@testable import VanThuPipeline

/// Issue 14, the store's side: what an untrusted backlog, a kill, a full disk or a damaged file
/// can do to the store and the archive files, and what must still hold.
@Suite(.serialized)
struct HostileArchiveTests {
    static func config(_ input: URL, _ output: URL) -> PipelineConfig {
        var config = PipelineConfig(inputs: [.init(path: input.path)])
        config.output.folder = output.path
        return config
    }

    static func run(_ input: URL, _ output: URL, jobs: Int? = nil) throws -> RunReport {
        try Pipeline(config: config(input, output), baseDirectory: output).run(options: .init(jobs: jobs))
    }

    /// A few small documents of our own in `folder/in`.
    static func corpus(_ folder: URL, count: Int = 6) -> URL {
        let input = folder.appendingPathComponent("in")
        for index in 0..<count {
            TestSupport.write("""
                UBND XÃ HÒA LẠC
                Số \(index + 3)/KH-UBND
                Hòa Lạc, ngày \(index + 2) tháng 4 năm 2022
                KẾ HOẠCH số \(index) về phong trào thi đua ở thôn Đồng Xanh \(index).
                Năm 2021 toàn xã có \(index + 11) mô hình dân vận khéo; báo cáo trước ngày 15/5/2022.
                """, to: input.appendingPathComponent("kh-\(index).txt"))
        }
        return input
    }

    static func archive(_ output: URL) throws -> Data { try Data(contentsOf: output.appendingPathComponent("archive.json")) }

    static func temporaries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    /// A record as extraction would store it, with the model counts given.
    static func storeRecord(_ store: ArchiveStore, input: URL, name: String, counts: [Int], run: Int64) throws {
        var record = try #require(TestSupport.record(for: "Năm 2023 thôn Bãi Sậy có nhiều mô hình.\nBáo cáo số \(name).", path: name))
        record.modelCounts = counts.map { ModelCountStatsTests.fact($0, .registered, year: 2023, scope: "thôn Bãi Sậy") }
        let prepared = PreparedRecord(record, folded: nil)
        var batch = ArchiveStore.Batch()
        batch.archived.append(.init(prepared.forStore, ArchiveStore.SourceRow(
            location: input.appendingPathComponent(name).path, root: input.path, path: name, size: 10, mtime: 1, sha256: record.source.sha256,
            documentId: record.id, status: .archived, extractorVersion: PipelineConfig(inputs: []).extractorVersionTag)))
        try store.apply(batch, run: run, extractorVersion: PipelineConfig(inputs: []).extractorVersionTag)
    }

    // MARK: 1. Sums of stated numbers

    /// The record of a file stating 9e18 models twice, since deleted, stays in the store as gone:
    /// every later run, full run, export and stats must still work.
    @Test func aStoreHoldingHugeCountsStillRunsExportsAndSummarises() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.corpus(folder), output = folder.appendingPathComponent("out")
        _ = try Self.run(input, output)
        do {
            let store = try ArchiveStore(folder: output)
            try Self.storeRecord(store, input: input, name: "huge.txt", counts: [9_000_000_000_000_000_000, 9_000_000_000_000_000_000], run: 99)
        }
        let report = try Self.run(input, output)
        #expect(report.gone == 1 && report.exported)
        let json = try JSONSerialization.jsonObject(with: Self.archive(output)) as? [String: Any]
        let byStatus = ((json?["stats"] as? [String: Any])?["modelCounts"] as? [String: Any])?["byStatus"] as? [String: Any]
        #expect((byStatus?["registered"] as? NSNumber)?.int64Value == Int64.max)
        #expect(try Pipeline(config: Self.config(input, output), baseDirectory: output).run(options: .init(full: true)).exported)
        let statistics = try ArchiveStatistics(store: ArchiveStore(folder: output, readOnly: true), today: "2022-01-01")
        #expect(statistics.modelCounts["2023"]?["thôn Bãi Sậy"] == Int.max)
        var csv: [UInt8] = []
        try ArchiveStore(folder: output, readOnly: true).forEachRecord { summary, _ in csv += ModelCountCSV.lines(for: summary) }
        #expect(String(decoding: csv, as: UTF8.self).contains("9000000000000000000"))
    }

    // MARK: 2. The export keyed to the store's state

    /// What a run killed during its export leaves: the store holds the new documents, the
    /// archive file and the recorded export state are the old ones. The next run rewrites it.
    @Test func anInterruptedExportIsRedoneByTheNextRun() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.corpus(folder, count: 3), output = folder.appendingPathComponent("out")
        _ = try Self.run(input, output)
        let old = try Self.archive(output)
        let oldState = try ArchiveStore(folder: output, readOnly: true).exportedState()
        _ = Self.corpus(folder, count: 6)
        _ = try Self.run(input, output)
        let complete = try Self.archive(output)
        #expect(complete != old)
        try old.write(to: output.appendingPathComponent("archive.json"))
        try ArchiveStore(folder: output).setExportedState(oldState)
        TestSupport.write("partial", to: output.appendingPathComponent(".archive.json.tmp-4242"))
        let report = try Self.run(input, output)
        #expect(report.processed == 0)
        #expect(report.exported)
        #expect(report.staleTemporaryFilesRemoved == 1)
        #expect(try Self.archive(output) == complete)
        #expect(Self.temporaries(output).isEmpty)
        // And once written, an unchanged store is not exported again …
        #expect(try !Self.run(input, output).exported)
        // … unless the file was replaced from elsewhere (an old copy restored).
        try old.write(to: output.appendingPathComponent("archive.json"))
        #expect(try Self.run(input, output).exported)
        #expect(try Self.archive(output) == complete)
    }

    /// A disk that fills during the export: the old archive stays whole, no temporary file is
    /// left, the error is thrown (exit 3), and the next run writes the archive.
    @Test func aFullDiskDuringTheExportLeavesTheOldArchiveAndIsRedone() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.corpus(folder, count: 3), output = folder.appendingPathComponent("out")
        _ = try Self.run(input, output)
        let old = try Self.archive(output)
        let store = try ArchiveStore(folder: output)
        try Self.storeRecord(store, input: input, name: "extra.txt", counts: [4], run: 50)
        var writer = ArchiveWriter(folder: output, settings: PipelineConfig(inputs: []).output)
        writer.capacity = 1000
        #expect(throws: (any Error).self) { try writer.write(from: store) }
        #expect(try Self.archive(output) == old)
        #expect(Self.temporaries(output).isEmpty)
        // The registry is the process's: other tests export at the same time, so only this test's
        // folder is looked at.
        #expect(TemporaryFiles.current.filter { $0.hasPrefix(folder.path) }.isEmpty)
        var file: OutputFile? = try OutputFile.temporary(for: output.appendingPathComponent("x.csv"))
        file?.capacity = 10
        try file?.write(Array(repeating: 0x41, count: 100))
        #expect(throws: (any Error).self) { try file?.commit() }
        file?.discard()
        file = nil
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("x.csv").path))
        #expect(Self.temporaries(output).isEmpty)
        let report = try Self.run(input, output)
        #expect(report.exported)
        #expect(try Self.archive(output) != old)
    }

    // MARK: 12. A damaged search index

    @Test(arguments: ["garbage", "pages"])
    func aDamagedIndexIsRebuiltAndReadersSayWhy(damage: String) throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.corpus(folder, count: 40), output = folder.appendingPathComponent("out")
        _ = try Self.run(input, output)
        let expected = try ArchiveStore(folder: output, readOnly: true).search(SearchQuery(text: "dan van kheo")).map(\.id)
        #expect(!expected.isEmpty)
        let index = output.appendingPathComponent(SearchIndex.fileName)
        let handle = try FileHandle(forWritingTo: index)
        var generator = SplitMix64(state: 14)
        let noise = (0..<(3 * 16384)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try handle.seek(toOffset: damage == "garbage" ? 0 : 16384)
        handle.write(Data(noise))
        try handle.close()
        let reader = try ArchiveStore(folder: output, readOnly: true)
        if damage == "garbage" {
            #expect(reader.indexProblem != nil)
            #expect(throws: ArchiveStore.StoreProblem.self) { try reader.search(SearchQuery(text: "dan van")) }
        }
        // What does not need the index still works.
        var count = 0
        try reader.forEachRecord { _, _ in count += 1 }
        #expect(count == 40)
        let report = try Self.run(input, output)
        #expect(report.searchIndexRebuilt != nil)
        #expect(try ArchiveStore(folder: output, readOnly: true).search(SearchQuery(text: "dan van kheo")).map(\.id) == expected)
        #expect(try Self.run(input, output).searchIndexRebuilt == nil)
    }

    // MARK: 15. Ids, jobs, read-only media, temporary files

    @Test func idsAreMatchedAsTextNeverAsPatterns() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.corpus(folder, count: 12), output = folder.appendingPathComponent("out")
        _ = try Self.run(input, output)
        let store = try ArchiveStore(folder: output, readOnly: true)
        var ids: [String] = []
        try store.forEachRecord { summary, _ in ids.append(summary.id) }
        for hostile in ["%%%%", "____", "%", "_", String(ids[0].prefix(4)) + "%", String(repeating: "a", count: 100_000), "'; --", ""] {
            guard case .notFound = try store.lookup(id: hostile) else { Issue.record("\(hostile.prefix(20)) found a document"); continue }
        }
        guard case .found(let exact) = try store.lookup(id: ids[3]) else { Issue.record("exact id not found"); return }
        #expect(exact.id == ids[3])
        guard case .found(let prefixed) = try store.lookup(id: String(ids[5].prefix(12)).uppercased()) else { Issue.record("prefix not found"); return }
        #expect(prefixed.id == ids[5])
        let firsts = Dictionary(grouping: ids, by: { $0.prefix(1) }).first { $0.value.count > 1 }
        if let (prefix, shared) = firsts {
            guard case .ambiguous(let listed) = try store.lookup(id: String(prefix)) else { Issue.record("not ambiguous"); return }
            #expect(listed == Array(shared.sorted().prefix(5)))
        }
    }

    @Test func anAbsurdNumberOfJobsIsBounded() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.corpus(folder), output = folder.appendingPathComponent("out")
        let reference = folder.appendingPathComponent("reference")
        _ = try Self.run(input, reference)
        _ = try Self.run(input, output, jobs: 1_000_000_000_000_000_000)
        #expect(try Self.archive(output) == Self.archive(reference))
    }

    /// Read-only media: the store is opened immutable, and when its last transactions are still
    /// in the WAL (a run killed before the checkpoint), read from a copy.
    @Test func aStoreThatCannotBeWrittenIsStillRead() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.corpus(folder), output = folder.appendingPathComponent("out")
        _ = try Self.run(input, output)
        let immutable = try ArchiveStore(folder: output, readOnly: true, immutable: true)
        #expect(immutable.immutable)
        #expect(try !immutable.search(SearchQuery(text: "dong xanh")).isEmpty)
        var count = 0
        try immutable.forEachRecord { _, _ in count += 1 }
        #expect(count == 6)
        // A writer still open: its transactions are in the WAL. Copy the files as they are.
        let writer = try ArchiveStore(folder: output)
        try Self.storeRecord(writer, input: input, name: "wal-only.txt", counts: [5], run: 77)
        let copy = folder.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in [ArchiveStore.fileName, SearchIndex.fileName] {
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: output.appendingPathComponent(name + suffix).path) {
                try FileManager.default.copyItem(at: output.appendingPathComponent(name + suffix), to: copy.appendingPathComponent(name + suffix))
            }
        }
        withExtendedLifetime(writer) {}
        #expect(ArchiveStore.hasPendingWAL(copy))
        var snapshot: URL?
        do {
            let reader = try ArchiveStore(folder: copy, readOnly: true, immutable: true)
            snapshot = reader.snapshot
            #expect(snapshot != nil)
            #expect(reader.documentCount == 7)
        }
        #expect(!FileManager.default.fileExists(atPath: snapshot?.path ?? "/nonexistent"))
    }

    /// `export --to` files left by killed exports go when their process is gone, others stay.
    @Test func abandonedTemporariesOfAnExportAreRemoved() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("all.csv")
        // A process id that runs (ours, and PID 1) and one that cannot (above the kernel's maximum).
        for name in [".all.csv.tmp-\(getpid())", ".all.csv.tmp-1", ".all.csv.tmp-999999999", ".other.csv.tmp-999999999"] {
            TestSupport.write("x", to: folder.appendingPathComponent(name))
        }
        #expect(OutputFile.removeAbandonedTemporaries(for: target) == 1)
        #expect(Set(Self.temporaries(folder)) == [".all.csv.tmp-\(getpid())", ".all.csv.tmp-1", ".other.csv.tmp-999999999"])
    }

    @Test func staleTemporaryFilesOfOurOutputsAreRemovedOthersKept() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.corpus(folder, count: 2), output = folder.appendingPathComponent("out")
        for name in [".archive.json.tmp-1", ".run.json.tmp-77", ".documents.jsonl.gz.tmp-5", "notes.tmp-1", ".mine.csv.tmp-3"] {
            TestSupport.write("x", to: output.appendingPathComponent(name))
        }
        let report = try Self.run(input, output)
        #expect(report.staleTemporaryFilesRemoved == 3)
        #expect(Set(Self.temporaries(output)) == ["notes.tmp-1", ".mine.csv.tmp-3"])
    }
}
