import Testing
@testable import VanThu

/// The streaming HTML reader gives what the walk over libxml2's tree gave (the expected values
/// are that walk's), in the places where a stream has to work for it.
struct HTMLReaderTests {
    func read(_ html: String) -> HTMLDocumentReader.Result? {
        HTMLDocumentReader().read(Array(html.utf8), encoding: "UTF-8")
    }

    @Test func aHeaderIsKeptOnlyWithAnH1() throws {
        let page = try #require(read("<header><p>Menu</p></header><header class=\"top\"><h1>Tiêu đề</h1><p>Sapo</p></header><p>Nội dung</p>"))
        #expect(page.text == "Tiêu đề\nSapo\nNội dung")
        #expect(page.title == "Tiêu đề")
        // An h1 in a skipped part still keeps its header; what a dropped header held is taken back.
        let other = try #require(read("<header><nav><h1>Ẩn</h1></nav><p>Giữ</p></header><header><title>Không</title>"
                                      + "<meta itemprop=\"datePublished\" content=\"2001\"><p>Bỏ</p></header><p>Thân</p>"))
        #expect(other.text == "Giữ\nThân")
        #expect(other.title == nil && other.pageTitle == nil && other.published == nil)
    }

    @Test func theHeadIsReadFromItsLastElements() throws {
        let page = try #require(read("<html><head><title>Cũ - Trang</title><meta property=\"og:title\" content=\"A\"><meta property=\"og:title\" content=\"B\">"
                                     + "<title>Tiêu đề bài viết - Cổng thông tin</title><meta name=\"pubdate\" content=\" 2020-01-02 \">"
                                     + "<time datetime=\"2021-03-04\"></time></head><body><p>x</p></body></html>"))
        #expect(page.text == "x")
        #expect(page.title == "B")
        #expect(page.pageTitle == "Tiêu đề bài viết")
        #expect(page.published == "2021-03-04")
    }

    @Test func cellsWhiteSpaceAndTitles() throws {
        let page = try #require(read("<table><tr><td>a</td><td> b  c </td></tr><tr><td></td><td>d</td></tr></table>"
                                     + "<h1> Dòng\r\n một \u{A0} hai\t</h1><p>x</p><h1>Khác</h1>"))
        #expect(page.text == "a |  b c\nd\nDòng một \u{A0} hai\nx\nKhác")
        // A carriage return and line feed are one character, which does not split the title.
        #expect(page.title == "Dòng\r\n một hai")
    }

    @Test func textAfterTheEndOfTheRootIsReadOnlyWithoutADoctype() throws {
        #expect(read("<p>Một</p></html><p>Hai</p>")?.text == "Một\nHai")
        #expect(read("<!DOCTYPE html><p>Một</p></html><p>Hai</p>")?.text == "Một")
    }

    @Test func pagesStopWhereLibxml2sTreeStopped() throws {
        let deep = "<p>trước</p>" + String(repeating: "<div>", count: 300) + "<p>sâu</p>" + String(repeating: "</div>", count: 300) + "<p>sau</p>"
        #expect(read(deep)?.text == "trước")
        let shallow = "<p>trước</p>" + String(repeating: "<div>", count: 200) + "<p>sâu</p>" + String(repeating: "</div>", count: 200) + "<p>sau</p>"
        #expect(read(shallow)?.text == "trước\nsâu\nsau")
    }
}

/// A page title loses its site suffix where Foundation's backward search and character count put
/// the cut; titles of plain scalars take a path over bytes that must agree with it, and others
/// (marks that join a space, joiners, CR LF, flags, prepended marks) still go through Foundation.
struct PageTitleTests {
    static func byFoundation(_ title: String) -> String {
        for separator in [" | ", " - ", " – ", " :: "] {
            if let range = title.range(of: separator, options: .backwards), title.distance(from: title.startIndex, to: range.lowerBound) > 10 {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    static let pieces = [
        "Tiêu đề", "bài viết", "a", "Cổng thông tin", " | ", " - ", " – ", " :: ", " ", "-", "|", ":", "x", "ộ", "ĐẢNG", "2024",
        "e\u{301}", " \u{301}", "\r\n", "\r", "\n", "\u{200D}", "👨‍👩‍👧", "🇻🇳", "\u{A0}", "\u{0600}", "क्", "“Dân vận khéo”", "™", "©\u{FE0F}",
    ]

    @Test func cutsWhereFoundationCuts() {
        var generator = SplitMix64(state: 11)
        for _ in 0..<20_000 {
            let title = (0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            #expect(HTMLDocumentReader.Collector.withoutSiteSuffix(title) == Self.byFoundation(title), "\(Array(title.unicodeScalars))")
        }
        #expect(HTMLDocumentReader.Collector.withoutSiteSuffix("Tiêu đề bài viết - Cổng thông tin - Tỉnh") == "Tiêu đề bài viết - Cổng thông tin")
        #expect(HTMLDocumentReader.Collector.withoutSiteSuffix("Ngắn - Cổng thông tin") == "Ngắn - Cổng thông tin")
    }
}

/// The reader's white-space scan, eight bytes at a time, ends stretches where a byte at a time does.
struct WhiteSpaceScanTests {
    static func byteByByte(_ bytes: [UInt8], after start: Int) -> Int {
        var end = start + 1
        while end < bytes.count {
            if !HTMLDocumentReader.Collector.isSpace(bytes[end]) {
                end += 1
            } else if bytes[end] == 0x20, end + 1 < bytes.count, !HTMLDocumentReader.Collector.isSpace(bytes[end + 1]) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    @Test func stretchesEndWhereAByteAtATimeEndsThem() {
        var generator = SplitMix64(state: 5)
        let alphabet: [UInt8] = [0x20, 0x20, 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x01, 0x61, 0x62, 0x2D, 0xC3, 0xA0, 0xE1, 0xBB, 0x99]
        for _ in 0..<20_000 {
            let bytes = [0x61] + (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let scanned = bytes.withUnsafeBufferPointer { HTMLDocumentReader.Collector.stretchEnd($0.baseAddress!, after: 0, count: $0.count) }
            #expect(scanned == Self.byteByByte(bytes, after: 0), "\(bytes)")
        }
    }
}
