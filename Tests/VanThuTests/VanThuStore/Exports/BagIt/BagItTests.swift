import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract
@testable import VanThuStore
@testable import VanThuPipeline

/// Issue 20: the BagIt export, its verifier and the archival description.
@Suite(.serialized)
struct BagItTests {
    /// The fixtures archived into `folder/archive`; returns the output folder.
    static func archiveFixtures(in folder: URL) throws -> URL {
        let output = folder.appendingPathComponent("archive")
        var config = PipelineConfig(inputs: [.init(path: TestSupport.fixtures.path, include: ["**/input.*"], exclude: [])])
        config.output.folder = output.path
        _ = try Pipeline(config: config, baseDirectory: output).run()
        return output
    }

    static func options(_ query: SearchQuery? = nil, keyRow: Bool = false) -> BagWriter.Options {
        BagWriter.Options(organization: "Lưu trữ huyện Sông Xanh", keyRow: keyRow, query: query, baggingDate: "2026-12-06",
                          software: "vanthu tests")
    }

    /// A CSV file read back as RFC 4180 rows (the byte-order mark dropped).
    static func readCSV(_ url: URL) throws -> [[String]] {
        var bytes = [UInt8](try Data(contentsOf: url))
        #expect(bytes.starts(with: CSV.byteOrderMark))
        bytes.removeFirst(3)
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = []
        var quoted = false, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 0x22 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 { field.append(0x22); index += 1 } else { quoted = false }
                } else { field.append(byte) }
            } else if byte == 0x22 { quoted = true }
            else if byte == 0x2C { row.append(String(decoding: field, as: UTF8.self)); field = [] }
            else if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                row.append(String(decoding: field, as: UTF8.self)); field = []
                rows.append(row); row = []
                index += 1
            } else { field.append(byte) }
            index += 1
        }
        return rows
    }

    @Test func aBagOfTheFixturesValidatesAndHoldsTheOriginalsUnderTheirRoot() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.archiveFixtures(in: folder)
        let bag = folder.appendingPathComponent("bag")
        let store = try ArchiveStore(folder: output, readOnly: true)
        let summary = try BagWriter(store: store, destination: bag, options: Self.options()).write()
        #expect(summary.documents == store.documentCount)
        #expect(summary.payloadFiles == summary.originals + 3)
        let report = BagVerifier.verify(bag)
        #expect(report.isValid, "\(report.problems)")
        #expect(report.payloadFiles == summary.payloadFiles && report.payloadBytes == summary.payloadBytes)
        // Every original is byte for byte the fixture, under objects/<root's name>/<path>.
        let manifest = try String(contentsOf: bag.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        let original = "data/objects/fixtures/cong-van-huyen-uy/input.txt"
        #expect(manifest.contains("  \(original)\n"))
        #expect(try Data(contentsOf: bag.appendingPathComponent(original))
                == Data(contentsOf: TestSupport.fixtures.appendingPathComponent("cong-van-huyen-uy/input.txt")))
        // The manifest's checksums are the ones the records carry.
        let records = try String(contentsOf: bag.appendingPathComponent("data/metadata/records.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        #expect(records.count == summary.documents)
        for record in records {
            #expect(manifest.contains("\(record.source.sha256)  data/objects/fixtures/\(record.source.path)\n"))
        }
        let info = try String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Payload-Oxum: \(summary.payloadBytes).\(summary.payloadFiles)\n"))
        #expect(info.contains("Source-Organization: Lưu trữ huyện Sông Xanh\n"))
        #expect(info.contains("Bagging-Date: 2026-12-06\n"))
        #expect(try String(contentsOf: bag.appendingPathComponent("bagit.txt"), encoding: .utf8)
                == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        // Nothing temporary is left beside the bag.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    /// documents.csv and metadata.csv hold, for every dispatch fixture, what its expected.json says.
    @Test func theArchivalDescriptionHoldsTheFixturesExpectedValues() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.archiveFixtures(in: folder)
        let bag = folder.appendingPathComponent("bag")
        try BagWriter(store: ArchiveStore(folder: output, readOnly: true), destination: bag, options: Self.options(keyRow: true)).write()
        let documents = try Self.readCSV(bag.appendingPathComponent("data/metadata/documents.csv"))
        #expect(documents[0] == DocumentsCSV.columns.map(\.heading))
        #expect(documents[1] == DocumentsCSV.columns.map(\.key))
        let keys = documents[1]
        let rows = documents.dropFirst(2).map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) }
        let dublinCore = try Self.readCSV(bag.appendingPathComponent("data/metadata/metadata.csv"))
        #expect(dublinCore[0] == DublinCoreCSV.columns)
        let dcRows = dublinCore.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(dublinCore[0], $0)) }
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures.path).sorted() {
            let expectedURL = TestSupport.fixtures.appendingPathComponent("\(name)/expected.json")
            guard let data = try? Data(contentsOf: expectedURL),
                  let expected = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let header = expected["header"] as? [String: Any], let number = header["number"] as? String else { continue }
            let row = try #require(rows.first { $0["file"]?.hasPrefix("objects/fixtures/\(name)/") == true })
            let (n, symbol) = ArchivalDescription.split(number)
            #expect(row["number"] == n && row["symbol"] == symbol, "\(name)")
            #expect(!n.isEmpty && number.hasPrefix(n) && number.hasSuffix(symbol), "\(name)")
            func key(_ s: String?) -> String { VietnameseFolding.canonicalKey(s ?? "") }
            // The fields the fixture states (an expected.json names only what it checks).
            for (column, field) in [("documentType", "documentType"), ("issuer", "issuer"), ("subject", "subject")] {
                guard let value = header[field] as? String else { continue }
                #expect(key(row[column]) == key(value), "\(name) \(column)")
            }
            if let date = header["date"] as? String ?? expected["date"] as? String { #expect(row["date"] == date, "\(name)") }
            #expect(row["origin"] == "Gốc điện tử" && row["language"] == "Tiếng Việt", "\(name)")
            #expect(row["notes"]?.contains("Số, ký hiệu: \(number)") == true, "\(name)")
            for key in ["fondsCode", "fileCode", "itemNumber", "retention", "accessLevel"] { #expect(row[key] == "", "\(key)") }
            let dc = try #require(dcRows.first { $0["filename"] == row["file"] })
            #expect(dc["dc.identifier"] == number && dc["dc.creator"] == row["issuer"] && dc["dc.date"] == row["date"], "\(name)")
            #expect(dc["dc.type"] == row["documentType"] && dc["dc.language"] == "vi", "\(name)")
            checked += 1
        }
        #expect(checked >= 4)
        // A news article: its type, no number, its title as the subject.
        let news = try #require(rows.first { $0["file"] == "objects/fixtures/news-model-counts/input.txt" })
        #expect(news["documentType"] == "Tin bài" && news["number"] == "" && news["subject"] != "")
        #expect(news["keywords"]?.isEmpty == false)
    }

    @Test func theVerifierFindsAFlippedByteAMissingFileAndAnExtraFile() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.archiveFixtures(in: folder)
        let bag = folder.appendingPathComponent("bag")
        try BagWriter(store: ArchiveStore(folder: output, readOnly: true), destination: bag, options: Self.options()).write()
        #expect(BagVerifier.verify(bag).isValid)
        let flipped = "data/objects/fixtures/ke-hoach-ubnd/input.txt"
        var bytes = [UInt8](try Data(contentsOf: bag.appendingPathComponent(flipped)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: bag.appendingPathComponent(flipped))
        let missing = "data/objects/fixtures/traps/input.txt"
        try FileManager.default.removeItem(at: bag.appendingPathComponent(missing))
        let extra = "data/objects/fixtures/ghi-chu-them.txt"
        try Data("thêm vào sau".utf8).write(to: bag.appendingPathComponent(extra))
        let report = BagVerifier.verify(bag)
        #expect(!report.isValid)
        #expect(report.problems.contains { if case .changed(flipped, _, _) = $0 { return true }; return false })
        #expect(report.problems.contains(.missing(missing)))
        #expect(report.problems.contains(.extra(extra)))
        // One file fewer, one more: the count is the same but the bytes are not.
        #expect(report.problems.contains { if case .oxum = $0 { return true }; return false })
        #expect(report.problems.count == 4, "\(report.problems)")
        // A changed tag file is found too.
        try Data("Source-Organization: ai đó khác\n".utf8).write(to: bag.appendingPathComponent("bag-info.txt"))
        #expect(BagVerifier.verify(bag).problems.contains { if case .changed("bag-info.txt", _, _) = $0 { return true }; return false })
        #expect(BagVerifier.verify(folder.appendingPathComponent("archive")).problems == [.notABag("\(output.path) has no bagit.txt")])
    }

    @Test func anOriginalChangedSinceItWasArchivedStopsTheExportAndLeavesNoBag() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        TestSupport.write("UBND XÃ ĐỒI MÂY\nSố: 12/KH-UBND\nKẾ HOẠCH\nTrồng cây nhớ ơn Bác năm 2026\n", to: input.appendingPathComponent("a/ke-hoach.txt"))
        TestSupport.write("Tin ngắn: xã Đồi Mây trồng 500 cây xanh.\n", to: input.appendingPathComponent("b/tin.txt"))
        let output = folder.appendingPathComponent("out")
        _ = try IncrementalRunTests.run(input, output)
        let store = try ArchiveStore(folder: output, readOnly: true)
        let bag = folder.appendingPathComponent("bag")
        TestSupport.write("Tin ngắn: xã Đồi Mây trồng 600 cây xanh.\n", to: input.appendingPathComponent("b/tin.txt"))
        #expect {
            try BagWriter(store: store, destination: bag, options: Self.options()).write()
        } throws: { error in
            guard case .originalChanged(let path, _, _)? = error as? BagWriter.Problem else { return false }
            return path.hasSuffix("/in/b/tin.txt")
        }
        #expect(!FileManager.default.fileExists(atPath: bag.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }.isEmpty)
        #expect(TemporaryFiles.current.filter { $0.hasPrefix(folder.path) }.isEmpty)
        // Removed: stopped too, as an input problem.
        try FileManager.default.removeItem(at: input.appendingPathComponent("b/tin.txt"))
        #expect {
            try BagWriter(store: store, destination: bag, options: Self.options()).write()
        } throws: { ($0 as? BagWriter.Problem)?.isInputProblem == true }
        // After a run the archive knows the file changed, and the bag is written.
        TestSupport.write("Tin ngắn: xã Đồi Mây trồng 600 cây xanh.\n", to: input.appendingPathComponent("b/tin.txt"))
        _ = try IncrementalRunTests.run(input, output)
        let summary = try BagWriter(store: ArchiveStore(folder: output, readOnly: true), destination: bag, options: Self.options()).write()
        #expect(summary.documents == 2 && BagVerifier.verify(bag).isValid)
        // A folder that holds something is never written into.
        #expect(throws: BagWriter.Problem.destinationNotEmpty(bag.path)) {
            try BagWriter(store: store, destination: bag, options: Self.options()).write()
        }
    }

    @Test func filtersChooseTheDocumentsOfTheBag() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.archiveFixtures(in: folder)
        let store = try ArchiveStore(folder: output, readOnly: true)
        var dispatches = 0
        try store.forEachRecord { summary, _ in if summary.kind == .dispatch { dispatches += 1 } }
        let bag = folder.appendingPathComponent("bag")
        let summary = try BagWriter(store: store, destination: bag,
                                    options: Self.options(SearchQuery(text: "", kind: .dispatch))).write()
        #expect(summary.documents == dispatches && dispatches > 0)
        #expect(BagVerifier.verify(bag).isValid)
        let records = try String(contentsOf: bag.appendingPathComponent("data/metadata/records.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        #expect(records.allSatisfy { $0.kind == .dispatch })
        // The same selection in the other exports.
        var selected: [String] = []
        try store.forEachRecord(matching: SearchQuery(text: "", kind: .dispatch)) { summary, _ in selected.append(summary.id) }
        #expect(selected == records.map(\.id))
        var found: [String] = []
        try store.forEachRecord(matching: SearchQuery(text: "dân vận")) { summary, _ in found.append(summary.id) }
        #expect(!found.isEmpty && found.count < store.documentCount)
        #expect(throws: BagWriter.Problem.nothingToExport) {
            try BagWriter(store: store, destination: folder.appendingPathComponent("none"),
                          options: Self.options(SearchQuery(text: "", from: "1900", to: "1901"))).write()
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none").path))
    }

    @Test func aFileNameWithALineBreakIsPercentEncodedInTheManifest() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("nguon")
        TestSupport.write("Thông báo số 3/TB-UBND về lịch tiếp dân tháng 5.\n", to: input.appendingPathComponent("dong\nhai 50%.txt"))
        let output = folder.appendingPathComponent("out")
        _ = try IncrementalRunTests.run(input, output)
        let bag = folder.appendingPathComponent("bag")
        try BagWriter(store: ArchiveStore(folder: output, readOnly: true), destination: bag, options: Self.options()).write()
        let manifest = try String(contentsOf: bag.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        #expect(manifest.contains("  data/objects/nguon/dong%0Ahai 50%.txt\n"))
        #expect(FileManager.default.fileExists(atPath: bag.appendingPathComponent("data/objects/nguon/dong\nhai 50%.txt").path))
        #expect(BagVerifier.verify(bag).isValid)
        #expect(BagPath.decode(BagPath.encode("a\r\nb%c")) == "a\r\nb%c")
        #expect(!BagPath.isSafe("data/../x") && !BagPath.isSafe("/etc/passwd") && BagPath.isSafe("data/a/b.txt"))
    }

    /// The number of a number-symbol and its symbol, the year left to the date.
    @Test(arguments: [
        ("215-CV/HU", "215", "CV/HU"), ("188/2025/NĐ-CP", "188", "NĐ-CP"), ("123/UBND-VP", "123", "UBND-VP"),
        ("05/2025/TT-BNV", "05", "TT-BNV"), ("12a/QĐ-UBND", "12a", "QĐ-UBND"), ("45", "45", ""), ("", "", ""),
    ])
    func numberAndSymbol(_ whole: String, _ number: String, _ symbol: String) {
        #expect(ArchivalDescription.split(whole) == (number, symbol))
    }

    @Test func theOriginOfTheTextComesFromItsFormat() {
        #expect(DigitalOrigin.of(format: "text") == .bornDigital)
        #expect(DigitalOrigin.of(format: "html+gzip") == .bornDigital)
        #expect(DigitalOrigin.of(format: "docx") == .bornDigital)
        #expect(DigitalOrigin.of(format: "tiff-scan") == nil)
        // A paged record's origin and page count come from how its pages were read.
        var scan = Record(id: "00000000000000aa", source: SourceInfo(path: "quet.pdf", sha256: "aa", bytes: 9, format: "pdf", encoding: "utf-8"))
        scan.pages = PageProvenance(count: 3, textOrigin: "ocr", ocrConfidence: 90)
        #expect(DigitalOrigin.of(scan) == .digitised)
        #expect(ArchivalDescription.pages(of: scan) == 3)
        scan.pages?.textOrigin = "mixed"
        #expect(DigitalOrigin.of(scan) == .mixed)
        scan.pages?.textOrigin = "text-layer"
        #expect(DigitalOrigin.of(scan) == .bornDigital)
        #expect(ArchivalDescription.lead("Tiêu đề\n\nDòng một\n  dòng hai", after: "Tiêu đề") == "Dòng một dòng hai")
        let long = String(repeating: "chữ ", count: 200)
        let lead = ArchivalDescription.lead(long)
        #expect(lead.hasSuffix("…") && lead.count <= ArchivalDescription.leadCharacters + 1)
        #expect(BagWriter.humanSize(999) == "999 bytes" && BagWriter.humanSize(105_564_036) == "105.6 MB")
    }

    /// Through the binary: the exit statuses of `export --format bagit` and `verify-bag`.
    @Test func theCommandsExitStatuses() throws {
        guard IncrementalRunTests.binary != nil else { return }
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        TestSupport.write("UBND XÃ ĐỒI MÂY\nSố: 7/TB-UBND\nTHÔNG BÁO\nLịch tiếp công dân tháng 6\n", to: input.appendingPathComponent("tb.txt"))
        let output = folder.appendingPathComponent("out")
        _ = try IncrementalRunTests.run(input, output)
        let bag = folder.appendingPathComponent("bag")
        func vanthu(_ arguments: [String]) throws -> CommandLineHostileTests.Outcome { try CommandLineHostileTests.vanthu(arguments) }
        let export = ["export", "--archive", output.path, "--format", "bagit"]
        #expect(try vanthu(export).status == 64)
        #expect(try vanthu(export + ["--to", bag.path, "--from", "2024-13"]).status == 5)
        #expect(try vanthu(export + ["--to", bag.path, "--organization", "Xã Đồi Mây"]).status == 0)
        #expect(try vanthu(["verify-bag", bag.path]).status == 0)
        #expect(try vanthu(export + ["--to", bag.path]).status == 3)
        try FileManager.default.removeItem(at: bag.appendingPathComponent("data/metadata/metadata.csv"))
        let broken = try vanthu(["verify-bag", bag.path])
        #expect(broken.status == 1)
        #expect(try vanthu(["verify-bag", output.path]).status == 2)
        // An original changed since it was archived: status 6, and no bag.
        TestSupport.write("UBND XÃ ĐỒI MÂY\nSố: 7/TB-UBND\nTHÔNG BÁO\nLịch tiếp công dân tháng 7\n", to: input.appendingPathComponent("tb.txt"))
        let second = folder.appendingPathComponent("bag2")
        let changed = try vanthu(export + ["--to", second.path])
        #expect(changed.status == 6)
        #expect(changed.stderr.contains("changed since it was archived"))
        #expect(!FileManager.default.fileExists(atPath: second.path))
    }

    /// A signal during the export removes the temporary bag; a full disk leaves nothing either.
    @Test func aSignalOrAFullDiskLeavesNoBagAndNoTemporaryFolder() throws {
        guard IncrementalRunTests.binary != nil else { return }
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try IncrementalRunTests.makeCorpus(in: input, count: 400)
        _ = try IncrementalRunTests.run(input, output)
        let bags = folder.appendingPathComponent("bags")
        try FileManager.default.createDirectory(at: bags, withIntermediateDirectories: true)
        var caught = 0
        for signal in [SIGINT, SIGTERM] {
            let bag = bags.appendingPathComponent("bag-\(signal)")
            let process = Process()
            process.executableURL = IncrementalRunTests.binary!
            process.arguments = ["export", "--archive", output.path, "--format", "bagit", "--to", bag.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            let sent = CommandLineHostileTests.signalWhenTemporaryAppears(process, in: bags, prefix: ".bag-\(signal).tmp-", signal: signal)
            process.waitUntilExit()
            if sent {
                caught += 1
                #expect(process.terminationStatus == 128 + signal)
                #expect(CommandLineHostileTests.temporaries(bags).isEmpty)
                #expect(!FileManager.default.fileExists(atPath: bag.path))
            }
        }
        #expect(caught > 0, "no export was caught in time")
        let outcome = try CommandLineHostileTests.vanthu(["export", "--archive", output.path, "--format", "bagit",
                                                          "--to", bags.appendingPathComponent("full").path], limitFileBlocks: 64)
        #expect(outcome.status == ExitStatus.output.rawValue, "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: bags.path).filter { $0.hasPrefix(".full") || $0 == "full" }.isEmpty)
    }
}
