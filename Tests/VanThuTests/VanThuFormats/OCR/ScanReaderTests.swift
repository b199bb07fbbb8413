import Foundation
import Testing
@testable import VanThuFormats
@testable import VanThuExtract

/// PDFs and scans made from the project's own fixture texts (tools/make-pdf-fixture.py; the scans
/// with pdftoppm, ImageMagick and PIL, see PDFFixtures/README.md).
struct ScanReaderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("PDFFixtures")
    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }
    static func source(_ fixture: String) throws -> String {
        try String(contentsOf: TestSupport.fixtures.appendingPathComponent(fixture).appendingPathComponent("input.txt"), encoding: .utf8)
    }

    /// Character error rate: edit distance over Unicode scalars between the two texts with their
    /// whitespace runs made one space (line breaks move when a paragraph is wrapped), over the
    /// source's length.
    static func characterErrorRate(_ read: String, source: String, prefixOnly: Bool = false) -> Double {
        func squeeze(_ text: String) -> [Unicode.Scalar] {
            Array(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").precomposedStringWithCanonicalMapping.unicodeScalars)
        }
        let a = squeeze(read), whole = squeeze(source)
        let b = prefixOnly ? Array(whole.prefix(a.count)) : whole
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return Double(a.isEmpty ? b.count : previous[b.count]) / Double(max(b.count, 1))
    }

    /// The facts issue 17 asks a reading to keep: dates, deadlines, counts, the header number.
    static func scoredFacts(_ text: String) throws -> [String] {
        let record = try #require(TestSupport.record(for: text))
        let dates: [String] = record.dates.compactMap(\.value).sorted().map { "date \($0)" }
        let deadlines: [String] = record.deadlines.map { (fact: DeadlineFact) -> String in
            "deadline \(fact.due ?? "-") \(fact.recurrence?.rawValue ?? "-")"
        }.sorted()
        let counts: [String] = record.modelCounts.map { (fact: ModelCountFact) -> String in
            "count \(fact.count ?? -1) \(fact.status.rawValue) \(fact.field ?? "-") \(fact.year ?? 0)"
        }.sorted()
        return dates + deadlines + counts + ["number \(record.header?.number ?? "-")"]
    }

    @Test(arguments: [("huyen-uy.pdf", "cong-van-huyen-uy"), ("ke-hoach-ubnd.pdf", "ke-hoach-ubnd")])
    func bornDigitalPDFReadsAsItsTextWithTheSameFacts(_ file: String, _ fixture: String) throws {
        let reading = try ScanReader.readPDF(try Self.bytes(file), settings: OCRSettings())
        let source = try Self.source(fixture)
        #expect(reading.pageCount == reading.pages.count)
        #expect(reading.pages.allSatisfy { $0.origin == .textLayer && $0.confidence == nil })
        #expect(reading.digitisation == "born-digital")
        let rate = Self.characterErrorRate(reading.text, source: source)
        let plain = try PopplerDocument(try Self.bytes(file))
        let plainRate = Self.characterErrorRate((0..<plain.pageCount).map { plain.plainText(page: $0) }.joined(separator: "\n"), source: source)
        print("CER \(file): layout \(rate), poppler_page_get_text \(plainRate)")
        #expect(rate < 0.001)
        let facts = try Self.scoredFacts(reading.text), expected = try Self.scoredFacts(source)
        #expect(facts == expected)
        #expect(facts.count > 3)
    }

    @Test func metadataAndSignaturesAreHints() throws {
        let reading = try ScanReader.readPDF(try Self.bytes("huyen-uy.pdf"), settings: OCRSettings())
        #expect(reading.title == "Công văn 215-CV/HU")
        #expect(reading.created == Date(timeIntervalSince1970: 1_694_505_600))  // 2023-09-12T08:00:00Z
        #expect(reading.signatureCount == 0 && reading.signers.isEmpty)
    }

    @Test func scannedPDFIsRenderedAndOCRdWithTheSameFacts() throws {
        let start = ContinuousClock.now
        let reading = try ScanReader.readPDF(try Self.bytes("huyen-uy-scan.pdf"), settings: OCRSettings())
        let source = try Self.source("cong-van-huyen-uy")
        let page = try #require(reading.pages.first)
        #expect(page.origin == .ocr)
        #expect((page.confidence ?? 0) >= 80)
        #expect(reading.digitisation == "digitised")
        let rate = Self.characterErrorRate(reading.text, source: source)
        print("CER scan 300 dpi: \(rate), confidence \(page.confidence ?? -1), \(start.duration(to: .now))")
        #expect(rate < 0.02)
        #expect(try Self.scoredFacts(reading.text) == Self.scoredFacts(source))
    }

    @Test func multiPageTIFFGivesEveryPageInOrder() throws {
        var settings = OCRSettings()
        settings.workers = 2
        let reading = try ScanReader.readImage(try Self.bytes("two-pages.tif"), settings: settings)
        #expect(reading.pageCount == 2)
        #expect(reading.pages.map(\.number) == [1, 2])
        #expect(reading.pages[0].text.contains("215-CV/HU"))
        #expect(Self.characterErrorRate(reading.pages[1].text, source: try Self.source("ke-hoach-ubnd")) < 0.03)
    }

    /// The harsh scan (150 dpi, 3° skew, blur, noise, JPEG quality 35) of the top of a page: the
    /// clean-up must do better than none.
    @Test func cleanUpHelpsOnAHarshScan() throws {
        let bytes = try Self.bytes("harsh-top.jpg")
        var raw = OCRSettings()
        raw.deskew = false; raw.median = false; raw.normalize = false; raw.upscaleBelowDpi = 0
        let cleaned = try ScanReader.readImage(bytes, settings: OCRSettings())
        let plain = try ScanReader.readImage(bytes, settings: raw)
        let source = try Self.source("cong-van-huyen-uy")
        // The crop holds the first part of the page: compare with as much of the source.
        func rate(_ text: String) -> Double { Self.characterErrorRate(text, source: source, prefixOnly: true) }
        #expect(rate(cleaned.text) < 0.02)
        print("harsh scan CER: raw \(rate(plain.text)) (confidence \(plain.pages[0].confidence ?? -1)), cleaned \(rate(cleaned.text)) (confidence \(cleaned.pages[0].confidence ?? -1))")
        #expect(rate(cleaned.text) < rate(plain.text))
    }

    @Test func aFailingPageIsQuarantinedWithItsNumberAndTheRestKept() throws {
        let file = try ImageFile(try Self.bytes("two-pages.tif"), settings: OCRSettings())
        let results = ScanReader.recognise([0, 1], settings: OCRSettings()) { index throws(ScanFailure) in
            if index == 1 { throw ScanFailure("page 2: damaged") }
            return try file.page(index)
        }
        #expect(results.count == 2)
        #expect((try? results[0]?.get())?.origin == .ocr)
        #expect(results[1].map { if case .failure(let failure) = $0 { failure.reason } else { "" } } == "page 2: damaged")
    }

    @Test func aPageOverTheTimeLimitFails() throws {
        var settings = OCRSettings()
        settings.pageSeconds = 0.05
        #expect(throws: ScanFailure.self) { try ScanReader.readImage(try Self.bytes("two-pages.tif"), settings: settings) }
    }

    /// The limit counts the engine thread's CPU time: waiting (a loaded machine, where the thread
    /// is not scheduled) does not use it up, working does.
    @Test func thePageTimeLimitCountsCPUTimeNotWaiting() {
        let start = TesseractEngine.threadCPUSeconds()
        Thread.sleep(forTimeInterval: 0.3)
        let afterSleep = TesseractEngine.threadCPUSeconds()
        #expect(afterSleep - start < 0.1)
        var sum = 0.0
        let busyUntil = ContinuousClock.now.advanced(by: .milliseconds(200))
        while ContinuousClock.now < busyUntil { sum += sin(sum) + 1 }
        #expect(sum > 0)
        #expect(TesseractEngine.threadCPUSeconds() - afterSleep > 0.01)
    }

    // MARK: bad inputs: quarantined with a reason, fast, without decoding a huge image

    static func minimalPDF(_ catalogue: String, trailerExtra: String = "") -> [UInt8] {
        Array("%PDF-1.4\n1 0 obj\n\(catalogue)\nendobj\ntrailer\n<< /Root 1 0 R /Size 2 \(trailerExtra)>>\n%%EOF\n".utf8)
    }

    @Test func encryptedPDFIsRefused() throws {
        let hex = String(repeating: "41", count: 32)
        let pdf = Array("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <\(hex)> /U <\(hex)> /P -4 >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 4 /Encrypt 3 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\n%%EOF\n".utf8)
        #expect(throws: ScanFailure("encrypted PDF (a password is needed)")) { try ScanReader.readPDF(pdf, settings: OCRSettings()) }
    }

    @Test func pdfWithNoPagesIsRefused() {
        let pdf = Array("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 3 >>\n%%EOF\n".utf8)
        do {
            _ = try ScanReader.readPDF(pdf, settings: OCRSettings())
            Issue.record("a PDF with no pages was read")
        } catch {
            #expect(error.reason == "PDF with no pages" || error.reason.hasPrefix("damaged PDF"))
        }
    }

    @Test func truncatedPDFIsRefusedOrKeepsOnlyWhatIsThere() throws {
        let whole = try Self.bytes("huyen-uy.pdf")
        for cut in [16, whole.count / 4, whole.count / 2] {
            do {
                let reading = try ScanReader.readPDF(Array(whole.prefix(cut)), settings: OCRSettings())
                Issue.record("a PDF cut at \(cut) bytes was read: \(reading.text.prefix(40))")
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
    }

    @Test(arguments: ["huge-10000.png", "bomb.tif"])
    func hugeImagesAreRefusedBeforeDecoding(_ name: String) throws {
        let start = ContinuousClock.now
        #expect {
            try ScanReader.readImage(try Self.bytes(name), settings: OCRSettings())
        } throws: { error in
            (error as? ScanFailure)?.reason.contains("over the limit") == true
        }
        #expect(start.duration(to: .now) < .seconds(2))
    }

    @Test func tooManyPagesIsRefused() throws {
        var settings = OCRSettings()
        settings.maxPages = 1
        #expect(throws: ScanFailure("2 pages, over limits.maxPages (1)")) { try ScanReader.readImage(try Self.bytes("two-pages.tif"), settings: settings) }
    }

    @Test func textLayerRule() {
        #expect(TextLayerRule.isUsable(String(repeating: "Thực hiện Kế hoạch số 27-KH/HU ", count: 3)))
        #expect(!TextLayerRule.isUsable("Số 12"))
        #expect(!TextLayerRule.isUsable(String(repeating: "\u{E001}\u{E002}\u{FFFD} ", count: 30)))
    }
}

/// The entry point the format readers use, and the hints a reading gives.
struct ScanReaderFormatsTests {
    @Test func leadingBytesSayTheKind() throws {
        #expect(ScanReader.kind(of: try ScanReaderTests.bytes("huyen-uy.pdf")) == .pdf)
        for name in ["two-pages.tif", "harsh-top.jpg", "huge-10000.png"] {
            #expect(ScanReader.kind(of: try ScanReaderTests.bytes(name)) == .image, "\(name)")
        }
        #expect(ScanReader.kind(of: Array("Số 12/UBND".utf8)) == nil)
        #expect(throws: ScanFailure.self) { try ScanReader.read(Array("<html>".utf8), settings: OCRSettings()) }
    }

    @Test func hintsOfABornDigitalPDF() throws {
        let reading = try ScanReader.read(try ScanReaderTests.bytes("huyen-uy.pdf"), settings: OCRSettings())
        #expect(reading.textOrigin == "text-layer")
        #expect(reading.createdDay == "2023-09-12")
        #expect(reading.pageSummary == ["1 text-layer", "2 text-layer"])
    }

    @Test func aPageEndingInsideAParagraphRunsOnIntoTheNext() {
        let reading = ScanReading(pageCount: 4, pages: [PageText(number: 1, text: "Các chi bộ đăng", origin: .textLayer, confidence: nil, continues: true),
                                                        PageText(number: 2, text: "ký mô hình.\nHết", origin: .textLayer, confidence: nil, continues: true),
                                                        PageText(number: 4, text: "Nơi nhận:", origin: .ocr, confidence: 90)],
                                  failures: [PageFailure(number: 3, reason: "OCR failed")], title: nil, created: nil)
        // Page 3 is missing: what page 2 went on with is lost, so page 4 starts a paragraph.
        #expect(reading.text == "Các chi bộ đăng ký mô hình.\nHết\n\nNơi nhận:")
    }

    @Test func hintsOfAMixedReading() {
        let reading = ScanReading(pageCount: 3, pages: [PageText(number: 1, text: "a", origin: .textLayer, confidence: nil),
                                                        PageText(number: 3, text: "b", origin: .ocr, confidence: 91)],
                                  failures: [PageFailure(number: 2, reason: "OCR over the time limit of 60.0 s")], title: nil, created: nil)
        #expect(reading.textOrigin == "mixed" && reading.digitisation == "mixed")
        #expect(reading.pageSummary == ["1 text-layer", "3 ocr 91", "2 failed: OCR over the time limit of 60.0 s"])
        #expect(reading.text == "a\n\nb")
    }
}
