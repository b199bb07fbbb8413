import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract
@testable import VanThuPipeline

/// Issue 17's test lines, over every text fixture: a born-digital PDF of the fixture gives the same
/// scored facts as its text, and a 300 dpi scan of it, OCR'd, the same dates, deadlines, counts and
/// header number. The renderings are PDFFixtures' (made from `fixtures/<case>/input.txt`, see its
/// README); the text is run through the same pipeline under the same base name.
struct FixtureRenderingTests {
    /// Each text fixture with its born-digital PDF and its 300 dpi scan (bilevel, CCITT G4).
    static let renderings: [(fixture: String, pdf: String, scan: String)] = [
        ("cong-van-dang-uy-phang", "cong-van-dang-uy-phang.pdf", "cong-van-dang-uy-phang-scan.tif"),
        ("cong-van-huyen-uy", "huyen-uy.pdf", "huyen-uy-scan.pdf"),
        ("ke-hoach-han-bao-cao", "ke-hoach-han-bao-cao.pdf", "ke-hoach-han-bao-cao-scan.tif"),
        ("ke-hoach-ubnd", "ke-hoach-ubnd.pdf", "ke-hoach-ubnd-scan.tif"),
        ("news-dan-van-kheo-nam-qua", "news-dan-van-kheo-nam-qua.pdf", "news-dan-van-kheo-nam-qua-scan.tif"),
        ("news-doan-the-phuong", "news-doan-the-phuong.pdf", "news-doan-the-phuong-scan.tif"),
        ("news-model-counts", "news-model-counts.pdf", "news-model-counts-scan.tif"),
        ("quy-che-bao-cao", "quy-che-bao-cao.pdf", "quy-che-bao-cao-scan.tif"),
        ("thong-bao-nhan-ho-so", "thong-bao-nhan-ho-so.pdf", "thong-bao-nhan-ho-so-scan.tif"),
        ("traps", "traps.pdf", "traps-scan.tif"),
        ("web-dump-chrome", "web-dump-chrome.pdf", "web-dump-chrome-scan.tif"),
    ]

    /// Every fixture read from text has a PDF and a scan here.
    @Test func everyTextFixtureHasItsRenderings() throws {
        let texts = FixtureGoldenTests.cases.filter {
            FileManager.default.fileExists(atPath: TestSupport.fixtures.appendingPathComponent($0).appendingPathComponent("input.txt").path)
        }
        #expect(texts.count >= 11)
        #expect(Set(texts) == Set(Self.renderings.map(\.fixture)))
        for rendering in Self.renderings {
            for file in [rendering.pdf, rendering.scan] {
                #expect(FileManager.default.fileExists(atPath: ScanReaderTests.folder.appendingPathComponent(file).path), "\(file)")
            }
        }
    }

    /// The record of `bytes` as the pipeline makes it, under the name `<fixture>.<ext>`.
    static func record(_ bytes: [UInt8], fixture: String, ext: String) throws -> Record {
        try TestSupport.process(bytes, name: "\(fixture).\(ext)").get()
    }

    static func textRecord(_ fixture: String) throws -> Record {
        let url = TestSupport.fixtures.appendingPathComponent(fixture).appendingPathComponent("input.txt")
        return try record(Array(try Data(contentsOf: url)), fixture: fixture, ext: "txt")
    }

    @Test(arguments: renderings.map { ($0.fixture, $0.pdf) })
    func bornDigitalPDFGivesTheTextsScoredFacts(_ fixture: String, _ pdf: String) throws {
        let text = try ScoredFacts(try Self.textRecord(fixture))
        let record = try Self.record(try ScanReaderTests.bytes(pdf), fixture: fixture, ext: "pdf")
        #expect(record.pages?.textOrigin == "text-layer")
        // The day the PDF was made is its metadata; the date is the text's (news-model-counts has
        // none of its own beside its byline, and was dated the day it was rendered).
        #expect(record.pages?.created != nil)
        let read = ScoredFacts(record)
        #expect(text.all.count > 3)
        #expect(read.all == text.all, "\(fixture): spurious \(read.all.subtracting(text.all).sorted()), missed \(text.all.subtracting(read.all).sorted())")
    }

    /// OCR'd pages in parallel (one engine a core): the scans' suite costs its pages' OCR time
    /// over the cores, not their sum.
    @Test(arguments: renderings.map { ($0.fixture, $0.scan) })
    func scanGivesTheTextsDatesDeadlinesCountsAndHeaderNumber(_ fixture: String, _ scan: String) throws {
        let text = try ScoredFacts(try Self.textRecord(fixture))
        let record = try Self.record(try ScanReaderTests.bytes(scan), fixture: fixture, ext: scan.hasSuffix(".pdf") ? "pdf" : "tif")
        #expect(record.pages?.textOrigin == "ocr")
        let read = ScoredFacts(record)
        #expect(read.scanned == text.scanned, "\(fixture): spurious \(read.scanned.subtracting(text.scanned).sorted()), missed \(text.scanned.subtracting(read.scanned).sorted())")
    }
}

/// The facts `../shared/tools/score` scores, from a record as the archive writes it, one string
/// each: dates (day and month precision), years, periods (their years), deadlines with their
/// recurrence and addressee, exact model counts with status, field and year, references, unit
/// names, kind, title, date, and the header field by field. Texts are compared as the scorer
/// compares them: case, quotes, dashes and runs of blanks do not count.
struct ScoredFacts {
    var all: Set<String> = []
    /// The subset a scan must keep (issue 17): dates, years, periods, deadlines, counts, header number.
    var scanned: Set<String> = []

    init(_ record: Record) {
        var writer = JSONWriter()
        record.write(to: &writer)
        let json = (try? JSONSerialization.jsonObject(with: Data(writer.string.utf8))) as? [String: Any] ?? [:]
        func list(_ key: String, in object: [String: Any] = json) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }
        func text(_ value: Any?) -> String { Self.norm(value as? String) }
        func add(_ fact: String, scanned keep: Bool) {
            all.insert(fact)
            if keep { scanned.insert(fact) }
        }
        for date in list("dates") {
            guard let value = date["value"] as? String else { continue }
            let precision = date["precision"] as? String
            add(precision == "year" ? "year \(value)" : "date \(value) \(precision ?? "-")", scanned: true)
        }
        for period in list("periods") {
            add("period \(String((period["from"] as? String ?? "").prefix(4)))-\(String((period["to"] as? String ?? "").prefix(4)))", scanned: true)
        }
        for deadline in list("deadlines") {
            add("deadline \(deadline["due"] as? String ?? "-") \(deadline["recurrence"] as? String ?? "-")", scanned: true)
            if deadline["to"] is String { add("deadline.to \(deadline["due"] as? String ?? "-") \(text(deadline["to"]))", scanned: false) }
        }
        for count in list("modelCounts") where count["count"] is Int && (count["approximate"] as? Bool) != true {
            add("count \(count["count"]!) \(count["status"] as? String ?? "-") \(count["field"] as? String ?? "-") \(count["year"] as? Int ?? 0)", scanned: true)
        }
        for reference in list("references") {
            if let id = reference["id"] as? String { add("reference \(id.filter { !$0.isWhitespace }.uppercased())", scanned: false) }
        }
        for unit in list("units") { add("unit \(text(unit["name"]))", scanned: false) }
        for key in ["kind", "title", "date"] { add("\(key) \(text(json[key]))", scanned: false) }
        let header = json["header"] as? [String: Any] ?? [:]
        add("header.number \(((header["number"] as? String) ?? "").filter { !$0.isWhitespace }.uppercased())", scanned: true)
        for key in ["documentType", "place", "date", "subject", "issuer"] { add("header.\(key) \(text(header[key]))", scanned: false) }
        let signer = header["signer"] as? [String: Any] ?? [:]
        for key in ["name", "position", "authority"] { add("header.signer.\(key) \(text(signer[key]))", scanned: false) }
        for key in ["recipients", "copyTo"] {
            for value in header[key] as? [Any] ?? [] { add("header.\(key) \(text(value))", scanned: false) }
        }
    }

    /// The scorer's `norm`: lower case, one kind of quote and dash, blanks squeezed, edge punctuation off.
    static func norm(_ value: String?) -> String {
        guard let value else { return "" }
        var s = value.precomposedStringWithCanonicalMapping.lowercased()
        s = s.replacingOccurrences(of: "[“”\"«»„‟]", with: "\"", options: .regularExpression)
        s = s.replacingOccurrences(of: "[–—−]", with: "-", options: .regularExpression)
        s = s.replacingOccurrences(of: "\\s*-\\s*", with: " - ", options: .regularExpression)
        s = s.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
    }
}
