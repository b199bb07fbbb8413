import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract
@testable import VanThuPipeline

/// A format only these tests know: "note cards", a file that starts with `NOTECARD` and a title
/// line, then the text. It proves that adding a format is one reader plus one `register` line, and
/// that what the format says (the title, a page count, how the text was obtained) reaches the record.
struct NoteCardReader: FormatReader {
    static let magic = Array("NOTECARD\n".utf8)
    var format: SourceFormat { SourceFormat(rawValue: "notecard") }
    var extensions: [String] { ["card"] }

    func recognize(_ bytes: [UInt8], named: SourceFormat) -> FormatRecognition {
        bytes.starts(with: Self.magic) ? .signature : .consistent
    }

    func read(_ bytes: [UInt8], named: SourceFormat, context: FormatContext) throws(FormatFailure) -> FormatReading {
        guard bytes.starts(with: Self.magic) else { throw FormatFailure("not a note card (no NOTECARD line)") }
        let lines = String(decoding: bytes.dropFirst(Self.magic.count), as: UTF8.self).split(separator: "\n", maxSplits: 1)
        guard lines.count == 2 else { throw FormatFailure("a note card without text") }
        return FormatReading(text: String(lines[1]), format: format, encoding: "utf-8",
                             hints: DocumentHints(title: String(lines[0]), titleRule: "notecard", pageCount: 1,
                                                  textOrigin: TextOrigin(rawValue: "card")))
    }
}

struct FormatRegistryTests {
    static let prose = "Người dân trong xã đã góp công, góp đất để làm con đường mới, dài gần hai cây số, nối liền bốn thôn."
    let registry = FormatRegistry.standard

    func detected(_ text: String, named: SourceFormat) -> SourceFormat { registry.detect(Array(text.utf8), named: named).format }

    @Test func aFormatIsOneReaderAndOneRegistryLine() throws {
        var registry = FormatRegistry.standard
        registry.register(NoteCardReader())
        let card = Array("NOTECARD\nThẻ ghi chép của tổ dân phố\nNgày 3/4/2024, tổ dân phố số 7 họp bàn việc làm đường.\n".utf8)
        // By its name, and by its signature whatever the name.
        #expect(try registry.format(ofName: "/a/b/so-tay.card").rawValue == "notecard")
        #expect(try registry.format(ofName: "so-tay.card.gz").rawValue == "notecard+gzip")
        #expect(registry.detect(card, named: .text).format.rawValue == "notecard")
        let reading = try registry.read(card, named: .text, maxBytes: 1 << 20)
        #expect(reading.text.hasPrefix("Ngày 3/4/2024"))
        #expect(reading.hints.title == "Thẻ ghi chép của tổ dân phố")
        #expect(reading.hints.pageCount == 1)
        #expect(reading.hints.textOrigin?.rawValue == "card")
        // Wrapped in gzip, the registry reads it again and records the wrapper.
        let packed = try registry.read(Gzip.compress(card), named: try registry.format(ofName: "so-tay.card.gz"), maxBytes: 1 << 20)
        #expect(packed.format.rawValue == "notecard+gzip")
        #expect(packed.hints.title == reading.hints.title)
        // The title reaches the record, through the decode stage as the pipeline runs it.
        var stages = Pipeline.DocumentStages(config: PipelineConfig(inputs: []))
        stages.formats = registry
        let record = try stages.process(bytes: card, name: "so-tay.card").get()
        #expect(record.source.format == "notecard")
        #expect(record.title == "Thẻ ghi chép của tổ dân phố")
        #expect(record.titleRule == "notecard")
        // A bad card is quarantined with the reader's reason.
        let bad = stages.process(bytes: Array("Không phải thẻ".utf8), name: "x.card")
        #expect(bad.failure?.reason == "not a note card (no NOTECARD line)")
        // The standard registry is untouched: the extension is still refused, before reading.
        #expect(throws: FormatFailure.self) { try FormatRegistry.standard.format(ofName: "so-tay.card") }
        #expect(FormatRegistry.standard.reader(for: SourceFormat(rawValue: "notecard")) == nil)
    }

    @Test func namesGiveTheFormatOrAReasonToRefuse() throws {
        #expect(try registry.format(ofName: "/x/a.html") == .html)
        #expect(try registry.format(ofName: "/x/A.HTM") == .html)
        #expect(try registry.format(ofName: "/x/a.docx") == .docx)
        #expect(try registry.format(ofName: "/x/README") == .text)
        #expect(try registry.format(ofName: "/x/.profile") == .text)
        #expect(try registry.format(ofName: "/x/a.html.gz") == SourceFormat.html.wrapped(in: .gzip))
        #expect(try registry.format(ofName: "/x/a.gz") == SourceFormat.text.wrapped(in: .gzip))
        do {
            _ = try registry.format(ofName: "/x/b.xlsx")
            Issue.record("a .xlsx was accepted")
        } catch {
            #expect(error.reason == "unsupported format \".xlsx\" (supported: .asp, .aspx, .docx, .htm, .html, .jpeg, .jpg, .jsp, .pdf, .php, .png, .shtml, .text, .tif, .tiff, .txt, .xhtml, .gz of those, and files without extension)")
        }
        // One wrapper by name: a.txt.gz.gz names gzip of something unknown.
        #expect(throws: FormatFailure.self) { try registry.format(ofName: "a.txt.gz.gz") }
    }

    @Test func sourceFormatLayers() {
        let format = SourceFormat.docx.wrapped(in: .gzip)
        #expect(format.rawValue == "docx+gzip")
        #expect(format.content == .docx)
        #expect(format.outermost == .gzip)
        #expect(format.unwrapped == .docx)
        #expect(SourceFormat.html.unwrapped == .html)
    }

    /// The bytes decide, whatever the name: signatures first, then the name unless the bytes
    /// contradict it, then text.
    @Test func signaturesThenTheNameThenText() throws {
        let page = "<!DOCTYPE html><html><body><p>\(Self.prose)</p></body></html>"
        #expect(detected(page, named: .text) == .html)
        #expect(detected("  <!-- lưu từ trình duyệt -->\n<html>", named: .text) == .html)
        #expect(detected("Văn bản có dấu < và > nhưng không có thẻ", named: .html) == .text)
        #expect(detected("Văn bản thường, có <b>một thẻ</b>", named: .html) == .html)
        #expect(detected("Văn bản thường", named: .text) == .text)
        #expect(registry.detect([0x50, 0x4B, 0x03, 0x04, 0, 0], named: .docx).format == .docx)
        let docx = FormatTests.zip([("word/document.xml", Array("<w:document/>".utf8))])
        #expect(registry.detect(docx, named: .text).format == .docx)
        let gzipped = try Gzip.compress(Array(page.utf8))
        #expect(GzipReader.hasMagic(gzipped))
        #expect(registry.detect(gzipped, named: .html).format == .gzip)
        let record = try TestSupport.process(gzipped, name: "trang.html").get()
        #expect(record.source.format == "html+gzip")
        #expect(record.text.contains("Người dân trong xã"))
        let asText = try TestSupport.process(Array(page.utf8), name: "trang.txt").get()
        #expect(asText.source.format == "html")
    }

    @Test func aDocxInGzipIsReadAndRecordedAsSuch() throws {
        let xml = "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>\(Self.prose)</w:t></w:r></w:p></w:body></w:document>"
        let docx = FormatTests.zip([("word/document.xml", Array(xml.utf8))])
        let record = try TestSupport.process(try Gzip.compress(docx), name: "van-ban.docx.gz").get()
        #expect(record.source.format == "docx+gzip")
        #expect(record.text == Self.prose)
    }

    @Test func everyReaderSaysHowItsTextWasObtained() throws {
        let context = FormatContext(registry: registry, maxBytes: 1 << 20, depth: 0)
        let text = try TextReader().read(Array(Self.prose.utf8), named: .text, context: context)
        #expect(text.hints.textOrigin == .decoded)
        let page = try HTMLReader().read(Array("<html><body><article><p>\(Self.prose)</p></article></body></html>".utf8), named: .html, context: context)
        #expect(page.hints.textOrigin == .article)
        let xml = "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>\(Self.prose)</w:t></w:r></w:p></w:body></w:document>"
        let docx = try DocxReader().read(FormatTests.zip([("word/document.xml", Array(xml.utf8))]), named: .docx, context: context)
        #expect(docx.hints.textOrigin == .wordprocessing)
        #expect(docx.encoding == "utf-8")
    }

    @Test func gzipNestedTooDeepIsRefused() throws {
        var bytes = Array(Self.prose.utf8)
        for _ in 0...FormatRegistry.maxDepth { bytes = try Gzip.compress(bytes) }
        #expect(throws: FormatFailure("wrappers nested more than \(FormatRegistry.maxDepth) deep (gzip inside gzip …)")) {
            try registry.read(bytes, named: .text, maxBytes: 1 << 20)
        }
        // One level less is read, and recorded layer by layer.
        var fewer = Array(Self.prose.utf8)
        for _ in 0..<FormatRegistry.maxDepth { fewer = try Gzip.compress(fewer) }
        let reading = try registry.read(fewer, named: .text, maxBytes: 1 << 20)
        #expect(reading.format.rawValue == "text" + String(repeating: "+gzip", count: FormatRegistry.maxDepth))
    }
}

extension Pipeline.DocumentStages {
    /// `outcome(bytes:name:)` as a result, for tests.
    func process(bytes: [UInt8], name: String) -> Result<Record, StageFailure> {
        switch outcome(bytes: bytes, name: name) {
        case .archived(let prepared, _): return .success(prepared.record)
        case .quarantined(let failure): return .failure(failure)
        case .unchanged: fatalError("no checksum was given")
        }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
