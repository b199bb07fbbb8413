import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract
@testable import VanThuStore
@testable import VanThuPipeline

/// Issue 17 end to end: `vanthu run` over a folder of PDFs and a scan reads them through
/// `PDFReader`, records how their pages were read, and quarantines a truncated PDF with a reason.
/// The fixtures are PDFFixtures' (the project's own fixture texts, see its README).
@Suite(.serialized)
struct PDFReaderTests {
    static let fixtures = ScanReaderTests.folder

    static func records(_ output: URL) throws -> [String: [String: Any]] {
        let archive = try JSONSerialization.jsonObject(with: IncrementalRunTests.archive(output)) as! [String: Any]
        var byName: [String: [String: Any]] = [:]
        for record in archive["documents"] as! [[String: Any]] {
            byName[(record["source"] as! [String: Any])["path"] as! String] = record
        }
        return byName
    }

    @Test func aTextPDFAndAScannedOneReachTheArchiveWithTheirPagesAndATruncatedOneIsQuarantined() throws {
        guard let binary = IncrementalRunTests.binary else { return }
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in ["ke-hoach-ubnd.pdf", "huyen-uy-scan.pdf"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let whole = try Data(contentsOf: Self.fixtures.appendingPathComponent("huyen-uy.pdf"))
        try whole.prefix(whole.count / 3).write(to: input.appendingPathComponent("cut-short.pdf"))

        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "-q", "--output", output.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)  // archived, with one file quarantined

        let records = try Self.records(output)
        let plan = try #require(records["ke-hoach-ubnd.pdf"])
        #expect((plan["source"] as! [String: Any])["format"] as? String == "pdf")
        #expect((plan["header"] as? [String: Any])?["number"] as? String == "48/KH-UBND")
        #expect(plan["date"] as? String == "2024-01-05")
        let planPages = try #require(plan["pages"] as? [String: Any])
        #expect(planPages["textOrigin"] as? String == "text-layer")
        #expect((planPages["count"] as? Int ?? 0) >= 1)
        #expect(planPages["ocrConfidence"] is NSNull)

        let scan = try #require(records["huyen-uy-scan.pdf"])
        #expect((scan["header"] as? [String: Any])?["number"] as? String == "215-CV/HU")
        #expect(scan["date"] as? String == "2023-09-12")
        // The subject wrapped on two centred lines is one title, as from the text layer.
        #expect(scan["title"] as? String == "V/v tổ chức sơ kết phong trào thi đua “Dân vận khéo” năm 2023")
        let scanPages = try #require(scan["pages"] as? [String: Any])
        #expect(scanPages["textOrigin"] as? String == "ocr")
        #expect(scanPages["count"] as? Int == 1)
        #expect((scanPages["ocrConfidence"] as? Int ?? 0) >= 80)
        #expect(scanPages["signatures"] as? Int == 0)

        #expect(records["cut-short.pdf"] == nil)
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("run.json"))) as! [String: Any]
        // The run counts the archived documents' pages, and their rate.
        #expect(run["pages"] as? Int == (planPages["count"] as? Int ?? 0) + 1)
        #expect((run["pagesPerSecond"] as? Double ?? 0) > 0)
        let quarantine = try #require(run["quarantine"] as? [[String: Any]])
        let cut = try #require(quarantine.first { ($0["path"] as? String)?.hasSuffix("cut-short.pdf") == true })
        #expect(cut["stage"] as? String == "decode")
        #expect((cut["reason"] as? String ?? "").contains("PDF"))
    }

    @Test func thePipelinesOCRSettingsReachTheReader() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("huyen-uy.pdf"), to: input.appendingPathComponent("two.pdf"))
        var config = IncrementalRunTests.config(input: input, output: output)
        config.ocr.maxPages = 1
        let report = try Pipeline(config: config, baseDirectory: output).run(options: .init())
        #expect(report.archived == 0)
        #expect(report.quarantined.first?.reason == "2 pages, over limits.maxPages (1)")
    }

    @Test func theRegistryNamesPDFsAndImagesAndTheirSignaturesWin() throws {
        let registry = FormatRegistry.standard
        #expect(try registry.format(ofName: "a.pdf") == .pdf)
        for name in ["a.png", "b.JPG", "c.jpeg", "d.tif", "e.tiff"] { #expect(try registry.format(ofName: name) == .image) }
        // Signatures decide whatever the name says.
        #expect(registry.detect(Array("%PDF-1.7\n".utf8), named: .text).format == .pdf)
        #expect(registry.detect([0x49, 0x49, 0x2A, 0x00, 0x08], named: .text).format == .image)
        // A .pdf that is not one is the PDF reader's to refuse, not read as text.
        #expect(throws: FormatFailure.self) { try registry.read(Array("plain words".utf8), named: .pdf, maxBytes: 1 << 20) }
    }

    @Test func aSignedPDFGivesItsSignersName() throws {
        // Made with the fixture's own key (PDFFixtures/README.md); poppler reads the name from the
        // signature's certificate.
        let reading = try ScanReader.readPDF(try ScanReaderTests.bytes("signed-ke-hoach.pdf"), settings: OCRSettings())
        #expect(reading.signatureCount == 1)
        #expect(reading.signers == ["Đinh Văn Khải"])
        #expect(reading.digitisation == "born-digital")
        let provenance = try #require(reading.formatReading(as: .pdf).hints.pages)
        #expect(provenance.signatures == 1 && provenance.signers == ["Đinh Văn Khải"])
        // The signature is an incremental update: the text is the unsigned file's.
        let record = try TestSupport.process(try ScanReaderTests.bytes("signed-ke-hoach.pdf"), name: "signed.pdf").get()
        #expect(record.header?.number == "73/KH-UBND")
        #expect(record.pages?.signers == ["Đinh Văn Khải"])
    }

    @Test func theProgressLineCountsPagesWhenThereAreSome() {
        var progress = RunProgress(done: 2, total: 5, bytes: 3_000_000, quarantined: 1, elapsed: 10)
        #expect(progress.line == "[2/5] 3.0 MB  0.3 MB/s  quarantined 1")
        progress.pages = 12
        progress.ocrPages = 9
        #expect(progress.line == "[2/5] 3.0 MB  0.3 MB/s  quarantined 1  12 pages (9 OCR)  1.20 pages/s")
    }

    @Test func theProgressTickerTellsPagesReadInsideALongDocument() async throws {
        let told = Locked([RunProgress]())
        let ticker = ProgressTicker(started: .now(), initial: RunProgress(done: 0, total: 1, bytes: 0, quarantined: 0, elapsed: 0)) { progress in
            told.withLock { $0.append(progress) }
        }
        defer { ticker.stop() }
        PageCounter.shared.add(ocr: 2)  // two pages of the one document, before it is done
        try await Task.sleep(for: .milliseconds(2500))
        let last = try #require(told.withLock { $0.last })
        #expect(last.done == 0 && last.total == 1)
        #expect(last.pages >= 2 && last.ocrPages >= 2)
        #expect(last.elapsed > 0)
    }

    @Test func pageProvenanceIsAbsentFromRecordsOfFormatsWithoutPages() throws {
        let record = try #require(TestSupport.record(for: "Hà Nội, ngày 3 tháng 4 năm 2024\nMột văn bản ngắn.\n"))
        #expect(record.pages == nil)
        var writer = JSONWriter()
        record.write(to: &writer)
        #expect(!writer.string.contains("\"pages\""))
    }
}
