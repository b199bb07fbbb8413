import Testing
@testable import VanThu

/// Valid UTF-8 is streamed to libxml2 in chunks from where it lies, with no converter; it must give
/// what reading a copy of the whole page through the UTF-8 converter gave (the reader's way before,
/// still used for named encodings). Pages are made of markup that makes libxml2 look ahead — tags,
/// attributes, entities, comments, scripts, CDATA, broken markup — and long runs of Vietnamese
/// text, in sizes that put the chunk boundaries inside all of them.
struct HTMLStreamingTests {
    static let markup = [
        "<p>", "</p>", "<div class=\"noi-dung\">", "</div>", "<br>", "<br/>", "<table><tr><td>", "</td><td>", "</td></tr></table>",
        "<h1>", "</h1>", "<header>", "</header>", "<header class=\"top\"><h1>Tiêu đề bài</h1>", "<ul class=\"menu\"><li>Trang chủ</li></ul>",
        "<script>var s = \"</div>\"; if (a < b && c) { d = '<p>'; }</script>", "<style>p { color: red }</style>",
        "<!-- bình luận -- có gạch -->", "<!-->", "<![CDATA[dữ liệu]]>", "<?php echo 1 ?>", "<!DOCTYPE html>",
        "<title>Tiêu đề trang - Cổng thông tin</title>", "<meta property=\"og:title\" content=\"Tựa &amp; đề\">",
        "<meta name=\"pubdate\" content=\" 2020-01-02 \">", "<meta charset=\"windows-1258\">", "<time datetime=\"2021-03-04\">",
        "</time>", "<span style=\"display : none\">ẩn</span>", "<img alt=\"ảnh đẹp\" src=x>", "<a href='/tin-tức?a=1&b=2'>liên kết</a>",
        "<p class=share>", "<div id=\"binh-luan\">", "<head>", "</head>", "<body>", "</body>", "</html>", "<html>",
        "<textarea>chữ <b> trong</textarea>", "<select><option>Một</option></select>", "<span itemprop=\"datePublished\" content=\"2022-05-06\">",
        "<", "</", "<div", "=\"", "\"", ">", "&", "&#", "&#7879;", "&#x1EC7;", "&nbsp;", "&amp", "&unknown;", "&lt;p&gt;",
        "\r\n", "\n", "\t", "   ", "\u{A0}", " | ", "\u{0}",
        // Where a `>` does not end a tag or a comment, so that a run after it lies inside one.
        "<a title=\"a > b Thực hiện Kế hoạch số 06 của Ban Dân vận Tỉnh ủy\" class=\"x > y Ban Dân vận share\">",
        "<meta property=\"og:title\" content=\"Tựa > Thực hiện Kế hoạch số 06 của Ban Dân vận\">", "<div title='",
        "<!-- chú thích > Thực hiện Kế hoạch số 06 của Ban Dân vận Tỉnh ủy --", "-->", "--!>", "<!-- x >", "<?php if ($a > $b) ?>",
        "<script>if (a > b) { s = 'Thực hiện Kế hoạch số 06 của Ban Dân vận Tỉnh ủy'; }</script>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD > Thực hiện Kế hoạch số 06 của Ban Dân vận//EN\" \"x\">",
        "<h1 class=\"a>Thực hiện Kế hoạch số 06 của Ban Dân vận Tỉnh ủy\">", "<span hidden>", "</span>",
        // Indentation, and white space past libxml2's 1,000-byte character buffer, around text and
        // alone (all white space or not decides whether libxml2 opens an implied paragraph).
        "\n" + String(repeating: " ", count: 40), String(repeating: " \t\r\n", count: 300), "<html>\n" + String(repeating: " ", count: 30) + "<head>",
        "<head>" + String(repeating: "\n ", count: 20) + "Thực hiện Kế hoạch số 06 của Ban Dân vận" + String(repeating: " ", count: 30) + "<title>",
        "<html>" + String(repeating: " ", count: 1_100) + "Thực hiện Kế hoạch số 06 của Ban Dân vận Tỉnh ủy" + String(repeating: " ", count: 1_100),
        // Characters libxml2 drops, stand-ins' own and their neighbours.
        "\u{1}", "\u{B}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{E001}", "\u{E123}", "\u{F8FF}", "\u{FEFF}", "&#xE001;", "&#57345;",
    ]
    static let words = [
        "Thực", "hiện", "Kế", "hoạch", "số", "06-KH/BCĐ,", "ngày", "14/8/2015", "của", "Ban", "Dân", "vận", "Tỉnh", "ủy", "về",
        "mô", "hình", "“Dân", "vận", "khéo”", "đường", "Nghệ", "😀", "e\u{301}", "Ủy", "ban", "nhân", "dân", "xã", "Long", "Đức",
    ]

    static func page(_ generator: inout SplitMix64, size: Int) -> [UInt8] {
        var page: [UInt8] = []
        while page.count < size {
            if Int.random(in: 0..<3, using: &generator) == 0 {
                page += Self.markup.randomElement(using: &generator)!.utf8
            } else {
                // Runs of text, some longer than libxml2's 1,000-byte character buffer.
                let count = Int.random(in: 0..<3, using: &generator) == 0 ? Int.random(in: 100...400, using: &generator)
                                                                         : Int.random(in: 1...12, using: &generator)
                for _ in 0..<count { page += (Self.words.randomElement(using: &generator)! + " ").utf8 }
            }
        }
        return page
    }

    func expectSame(_ bytes: [UInt8], _ label: String) {
        let reader = HTMLDocumentReader()
        let streamed = bytes.withUnsafeBufferPointer { reader.read(validUTF8: $0) }
        // "utf-8", not "UTF-8": the whole page through libxml2's UTF-8 converter.
        let converted = reader.read(bytes, encoding: "utf-8")
        #expect(streamed?.text == converted?.text, "\(label)")
        #expect(streamed?.title == converted?.title, "\(label)")
        #expect(streamed?.pageTitle == converted?.pageTitle, "\(label)")
        #expect(streamed?.published == converted?.published, "\(label)")
        #expect(streamed?.encoding == converted?.encoding, "\(label)")
        #expect((streamed == nil) == (converted == nil), "\(label)")
    }

    @Test func streamedPagesReadAsConvertedCopies() {
        var generator = SplitMix64(state: 2026)
        for index in 0..<300 {
            let size = index < 100 ? Int.random(in: 0...600, using: &generator) : Int.random(in: 3_000...40_000, using: &generator)
            let page = Self.page(&generator, size: size)
            #expect(String(validating: page, as: UTF8.self) != nil)
            expectSame(page, "page \(index)")
        }
    }

    /// One page moved by every offset within libxml2's 4,000-byte reads, so that each of its
    /// characters, tags and entities lies across a boundary once.
    @Test func everyOffsetAgainstTheChunkBoundaries() {
        var generator = SplitMix64(state: 7)
        let page = Self.page(&generator, size: 9_000)
        for shift in 0..<64 {
            expectSame(Array("<p>".utf8) + Array(repeating: UInt8(ascii: "a"), count: shift) + page, "shift \(shift)")
        }
        for shift in stride(from: 64, to: 4_000, by: 61) {
            expectSame(Array(repeating: UInt8(ascii: " "), count: shift) + page, "spaces \(shift)")
        }
    }

    /// Pages with stand-ins read as the same pages without; the stream libxml2 is given is shorter.
    @Test func standInsChangeNothingButTheStream() throws {
        var generator = SplitMix64(state: 99)
        var shortened = 0
        for index in 0..<100 {
            let page = Self.page(&generator, size: Int.random(in: 1_000...30_000, using: &generator))
            let reader = HTMLDocumentReader()
            let with = page.withUnsafeBufferPointer { reader.read(validUTF8: $0) }
            let without = page.withUnsafeBufferPointer { reader.read(validUTF8: $0, standIns: false) }
            #expect(with?.text == without?.text && with?.title == without?.title && with?.pageTitle == without?.pageTitle
                    && with?.published == without?.published, "page \(index)")
            if page.withUnsafeBufferPointer(HTMLStandIns.canStandIn) {
                var source = page.withUnsafeBufferPointer { HTMLStandIns.Source($0, standIns: true) }
                var stream: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 4_000)
                while true {
                    let n = chunk.withUnsafeMutableBufferPointer { source.fill($0.baseAddress!, capacity: Int.random(in: 1...4_000, using: &generator)) }
                    if n == 0 { break }
                    stream += chunk[..<n]
                }
                if stream.count < page.count { shortened += 1 }
                // Expanding the stream, cut anywhere, gives the page back.
                var expander = page.withUnsafeBufferPointer { HTMLStandIns.Expander(page: $0) }
                var expanded: [UInt8] = []
                var start = 0
                while start < stream.count {
                    let end = min(stream.count, start + Int.random(in: 1...40, using: &generator))
                    stream[start..<end].withUnsafeBufferPointer { piece in expander.expand(piece) { expanded += $0 } }
                    start = end
                }
                #expect(expanded == page, "page \(index)")
            }
        }
        #expect(shortened > 50)
    }

    /// Stand-ins name their runs in digits that mean nothing to libxml2, and are read back.
    @Test func standInsEncodeAndDecode() {
        for value in 0..<64 {
            #expect(HTMLStandIns.digit(value) == HTMLStandIns.digits[value] && HTMLStandIns.value(HTMLStandIns.digit(value)) == value)
        }
        #expect(!HTMLStandIns.digits.contains(UInt8(ascii: "-")) && Set(HTMLStandIns.digits).count == 64)
        var standIn = [UInt8](repeating: 0, count: HTMLStandIns.length)
        for run in [(0, 24), (1, 262_143), (68_719_476_735 - 262_143, 262_143), (123_456_789, 4_321)] {
            HTMLStandIns.encode((run.0, run.1), into: &standIn)
            let decoded = standIn.withUnsafeBufferPointer { HTMLStandIns.decode($0.baseAddress!, count: Int.max) }
            #expect(decoded?.start == run.0 && decoded?.length == run.1)
            #expect(String(decoding: standIn, as: UTF8.self).unicodeScalars.first == "\u{E000}")
        }
        #expect(standIn.withUnsafeBufferPointer { HTMLStandIns.decode($0.baseAddress!, count: 1_000) } == nil)
    }

    /// What could be taken for a stand-in keeps the page from having them.
    @Test func pagesThatCouldMakeAStandInHaveNone() {
        for page in ["<p>\u{E000}</p>", "<p>&#xE000;</p>", "<p>&#57344;</p>", "<p>&#x0000e000</p>", "<a title=\"&#Xe000;\">"] {
            #expect(!Array(page.utf8).withUnsafeBufferPointer(HTMLStandIns.canStandIn), "\(page)")
        }
        for page in ["<p>\u{E001}</p>", "<p>&#xE001;</p>", "<p>&#573440;</p>", "<p>&#xE00</p>", "<p>&amp;</p>"] {
            #expect(Array(page.utf8).withUnsafeBufferPointer(HTMLStandIns.canStandIn), "\(page)")
        }
        let long = String(repeating: "Thực hiện Kế hoạch ", count: 20)
        expectSame(Array("<p>\(long)&#xE000;\(long)</p><p>\(long)</p>".utf8), "reference to U+E000")
        expectSame(Array("<p>\(long)\u{E000}\(long)</p><p>\(long)</p>".utf8), "U+E000")
    }

    /// White space that is all of a run, or leads or ends one, stays in the stream: in the html or
    /// head element, text that is not all white space opens an implied body and paragraph.
    @Test func whiteSpaceAroundRunsStaysInTheStream() {
        let spaces = String(repeating: " ", count: 40)
        let long = String(repeating: " ", count: 1_100)
        let text = "Thực hiện Kế hoạch số 06 của Ban Dân vận Tỉnh ủy"
        for page in [
            "<html>\(spaces)<head>\(spaces)<title>Tiêu đề trang - Cổng</title>\(spaces)</head>\(spaces)<body><p>\(text)</p></body></html>",
            "<html><head>\(long)\(text)\(long)<title>Tiêu đề</title></head><body><p>x</p></body></html>",
            "<html>\(long)\(text)<head><title>T</title></head><p>y</p></html>",
            "<div>\(text)\(long)</div>\(long)<p>\(long)</p>",
        ] {
            expectSame(Array(page.utf8), page)
        }
    }

    /// A run longer than one stand-in holds: the rest is given as it is.
    @Test func aRunLongerThanAStandInHolds() {
        let run = String(repeating: "Thực hiện Kế hoạch số 06 của Ban Dân vận ", count: 8_000)
        expectSame(Array("<p>\(run)</p><p>sau</p>".utf8), "long run")
    }

    /// A UTF-8 page labelled windows-1258 stays UTF-8 when streamed, and what libxml2 takes for
    /// a byte order mark or UTF-16 at the start goes through the converter as before.
    @Test func theMetaCharsetDoesNotSwitchAStreamedPage() throws {
        let page = Array("<html><head><meta charset=\"windows-1258\"><title>Tiêu đề</title></head><body><p>Huyện Sông Xanh</p></body></html>".utf8)
        let read = try #require(page.withUnsafeBufferPointer { HTMLDocumentReader().read(validUTF8: $0) })
        #expect(read.text == "Huyện Sông Xanh")
        #expect(read.pageTitle == "Tiêu đề")
        expectSame(page, "windows-1258")
        expectSame([0xEF, 0xBB, 0xBF] + page, "byte order mark")
        expectSame([0x3C, 0x00, 0x3F, 0x00] + page, "UTF-16 pattern")
        expectSame(Array("<?xml version=\"1.0\"?>".utf8) + page, "XML declaration")
    }
}
