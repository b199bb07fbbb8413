import CVanThuZlib
import Foundation
import Testing
@testable import VanThuFormats
@testable import VanThuText

/// Renderings of the project's own fixtures as HTML pages with site chrome, gzip (multi-member)
/// and .docx must give the same facts as the plain text; broken containers are quarantined.
struct FormatTests {
    static let fixtureText = try! String(contentsOf: TestSupport.fixtures.appendingPathComponent("news-model-counts/input.txt"), encoding: .utf8)

    static func htmlPage(_ text: String, charset: String = "utf-8", title: String? = nil, published: String? = nil) -> String {
        let escape = { (s: String) in s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.map { "<p>\(escape(String($0)))</p>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html><html><head><meta charset="\(charset)"><title>\(escape(title ?? String(text.prefix(while: { $0 != "\n" })))) - Cổng thông tin</title>
        \(title.map { "<meta property=\"og:title\" content=\"\(escape($0))\">" } ?? "")
        \(published.map { "<meta property=\"article:published_time\" content=\"\($0)\">" } ?? "")
        <script>var d = "ngày 1/1/2000"; var n = "99 mô hình";</script><style>.a{color:red}</style></head>
        <body><div class="menu"><ul><li>Trang chủ</li><li>Tin tức 2/2/2002</li></ul></div><nav>Giới thiệu</nav>
        <div id="content"><article>\(body)</article></div>
        <div class="related-news"><h3>Tin liên quan</h3><ul><li>Bài cũ ngày 3/3/2003 có 77 mô hình</li></ul></div>
        <div class="share-bar">Chia sẻ</div><footer>Điện thoại: 0275 3822 115. Ngày 4/4/2004</footer></body></html>
        """
    }


    @Test func htmlGivesTheArticleWithoutChrome() throws {
        let page = Self.htmlPage(Self.fixtureText, title: "Huyện Sông Xanh nhân rộng mô hình", published: "2023-01-16T08:15:00+07:00")
        let record = try TestSupport.process(Array(page.utf8), name: "a.html").get()
        #expect(record.source.format == "html")
        #expect(record.source.encoding == "utf-8")
        #expect(record.title == "Huyện Sông Xanh nhân rộng mô hình")
        #expect(record.date == "2023-01-16")
        #expect(record.text.contains("Hội Nông dân xã Tân Phú"))
        for chrome in ["var d", "Trang chủ", "Tin liên quan", "77 mô hình", "Chia sẻ", "Điện thoại", ".a{color"] {
            #expect(!record.text.contains(chrome), "\(chrome)")
        }
    }

    @Test func aUTF8PageLabelledWindows1258IsReadAsUTF8() throws {
        let page = Self.htmlPage(Self.fixtureText, charset: "windows-1258")
        let record = try TestSupport.process(Array(page.utf8), name: "b.htm").get()
        #expect(record.source.encoding == "utf-8")
        #expect(record.text.contains("Huyện Sông Xanh nhân rộng mô hình “Dân vận khéo”"))
    }

    @Test func aFiftyMegabytePageOfNestedDivsDoesNotCrash() throws {
        let depth = 5_000_000
        let page = String(repeating: "<div>", count: depth) + "<p>Nội dung bài viết về phong trào thi đua.</p>" + String(repeating: "</div>", count: depth)
        switch TestSupport.process(Array(page.utf8), name: "deep.html") {
        case .success(let record): #expect(record.source.format == "html")
        case .failure(let failure): #expect(failure.stage == .decode || failure.stage == .normalize)
        }
    }

    @Test func multiMemberGzipIsReadWhole() throws {
        let bytes = Array(Self.fixtureText.utf8)
        let split = bytes.count / 2
        let packed = try Gzip.compress(Array(bytes[..<split])) + Gzip.compress(Array(bytes[split...]))
        let record = try TestSupport.process(packed, name: "c.txt.gz").get()
        #expect(record.source.format == "text+gzip")
        #expect(record.text == UnicodeCleaner.clean(Self.fixtureText).trimmingCharacters(in: .newlines))
        let html = try Gzip.compress(Array(Self.htmlPage(Self.fixtureText).utf8))
        #expect(try TestSupport.process(html, name: "d.html.gz").get().source.format == "html+gzip")
    }

    @Test func truncatedGzipAndGzipBombsAreQuarantined() throws {
        let packed = try Gzip.compress(Array(Self.fixtureText.utf8))
        guard case .failure(let truncated) = TestSupport.process(Array(packed.prefix(packed.count - 12)), name: "t.txt.gz") else {
            Issue.record("truncated gzip accepted"); return
        }
        #expect(truncated.stage == .decode)
        let bomb = try Gzip.compress([UInt8](repeating: 0x20, count: 70 << 20))
        guard case .failure(let tooBig) = TestSupport.process(bomb, name: "bomb.txt.gz") else { Issue.record("gzip bomb accepted"); return }
        #expect(tooBig.reason.contains("limit"))
    }

    @Test func docxParagraphsAndTableCells() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>HUYỆN ỦY SÔNG XANH</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Số 9-CV/HU </w:t></w:r><w:r><w:t>ngày 1/2/2024</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ô một</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ô hai</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:t>Đoạn cuối.</w:t></w:r></w:p>
        </w:body></w:document>
        """
        let docx = Self.zip([("[Content_Types].xml", Array("<Types/>".utf8)), ("word/document.xml", Array(xml.utf8))])
        let record = try TestSupport.process(docx, name: "e.docx").get()
        #expect(record.source.format == "docx")
        #expect(record.text == "HUYỆN ỦY SÔNG XANH\nSố 9-CV/HU ngày 1/2/2024\nÔ một | Ô hai\nĐoạn cuối.")
    }

    /// The shapes the stream of nodes must read as the tree walk did: empty paragraphs, tabs and
    /// breaks (their content skipped), text split over runs and nested in w:t, a table in a cell,
    /// cells outside a row, and markup between w:t's text.
    @Test func docxReaderReadsEveryShape() {
        let xml = """
        <w:document xmlns:w="urn:w"><w:body>
        <w:p/>
        <w:p><w:r><w:t>Một</w:t><w:tab/><w:t>hai</w:t><w:br/><w:t xml:space="preserve"> ba </w:t></w:r></w:p>
        <w:p><w:r><w:tab><w:t>bỏ qua</w:t></w:tab><w:t>Bốn &amp; <w:x>năm</w:x></w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc>
        <w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>D</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>
        <w:tc><w:p><w:r><w:t>lẻ</w:t></w:r></w:p></w:tc>
        <w:p><w:r><w:t>Cuối</w:t></w:r></w:p>
        </w:body></w:document>
        """
        #expect(DocxReader.paragraphs(Array(xml.utf8)) == .text("\nMột\thai\nba\nBốn & năm\nA B | C | D\nCuối"))
        #expect(DocxReader.paragraphs(Array("<w:document><w:p>".utf8)) == .malformed)
        #expect(DocxReader.paragraphs(Array("<!DOCTYPE w [<!ENTITY e \"x\">]><w:document><w:p><w:t>&e;</w:t></w:p></w:document>".utf8)) == .declaresDTD)
    }

    @Test func aDocxWithABrokenCentralDirectoryIsQuarantined() {
        var docx = Self.zip([("word/document.xml", Array("<w:document/>".utf8))])
        // Point the end record at a central directory that is not there.
        let eocd = docx.count - 22
        docx[eocd + 16] = 0xFF
        docx[eocd + 17] = 0x7F
        guard case .failure(let failure) = TestSupport.process(docx, name: "broken.docx") else { Issue.record("broken docx accepted"); return }
        #expect(failure.stage == .decode)
        #expect(failure.reason.contains("broken"))
        guard case .failure = TestSupport.process(Array("not a zip at all".utf8), name: "fake.docx") else { Issue.record("fake docx accepted"); return }
    }

    /// A zip with deflated entries (as Word writes them), built with zlib.
    static func zip(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
        for (name, data) in entries {
            let crc = data.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, UInt32($0.count))) }
            let gz = try! Gzip.compress(data)
            let deflated = Array(gz[10..<(gz.count - 8)])  // strip the gzip header and trailer
            let nameBytes = Array(name.utf8)
            let offset = out.count
            out += le32(0x04034b50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(crc)
                + le32(deflated.count) + le32(data.count) + le16(nameBytes.count) + le16(0) + nameBytes + deflated
            central += le32(0x02014b50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(crc)
                + le32(deflated.count) + le32(data.count) + le16(nameBytes.count) + le16(0) + le16(0) + le16(0)
                + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let centralOffset = out.count
        out += central
        out += le32(0x06054b50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
            + le32(central.count) + le32(centralOffset) + le16(0)
        return out
    }
}
