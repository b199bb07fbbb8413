import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract

struct UnicodeCleanerTests {
    @Test func nfdBecomesNFCAndSpacesAndLineEndsAreUnified() {
        let nfd = "Dân vận khéo".decomposedStringWithCanonicalMapping
        let input = "\u{FEFF}\(nfd)\r\nÐảng\u{A0}ủy\u{200B}\r\nsoft\u{AD}hyphen\rend  \t"
        let cleaned = UnicodeCleaner.clean(input)
        #expect(cleaned == "Dân vận khéo\nĐảng ủy\nsofthyphen\nend")
        #expect(cleaned.unicodeScalars.elementsEqual(cleaned.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func textThatIsAlreadyNFCIsKeptAsIs() {
        let text = "Hội Nông dân phường 4 – “Dân vận khéo” năm 2017; 85,5%."
        #expect(UnicodeCleaner.clean(text) == text)
    }

    @Test func controlCharactersOtherThanLineBreaksGo() {
        #expect(UnicodeCleaner.clean("a\u{1}b\u{7F}c\td") == "abc d")
    }

    /// `&nbsp` and `&amp` left by a site's export, with or without their `;`, read as the page
    /// showed them; other entities and a bare `&` stay.
    @Test(arguments: [
        ("Đoàn khách đến quán&nbspcà phê ở phố cổ.", "Đoàn khách đến quán cà phê ở phố cổ."),
        ("Công ty M&ampN Group trao 20 suất quà.", "Công ty M&N Group trao 20 suất quà."),
        ("Sở VH,TT&amp;DL và Sở Y tế&nbsp;phối hợp.", "Sở VH,TT&DL và Sở Y tế phối hợp."),
        ("Dòng cuối&nbsp\n&nbsp;Dòng sau&nbsp", "Dòng cuối\n Dòng sau"),
        ("R&D, A & B, &lt;b&gt;, &NBSP, &am, &", "R&D, A & B, &lt;b&gt;, &NBSP, &am, &"),
        ("&amp;amp; &nbsp&nbsp", "&amp;"),
    ])
    func entityResidueReadsAsWhatItStandsFor(input: String, expected: String) {
        #expect(UnicodeCleaner.clean(input) == expected)
    }
}

struct ChromeFilterTests {
    let filter = ChromeFilter()

    @Test(arguments: ["Đang online: 2", "  • Hôm nay: 492", "Tất cả: 233103", "Lượt người xem:  1", "Skip Ribbon Commands",
                      "Manage PermissionsManage Permissions", "Content Type: Tin Tức Mở Rộng", "Ngày xuất bản",
                      "anh-hoi-nghi.jpg", "15 3 mohinh", "Điện thoại : 0275.3827.114 | Fax: 0275.3554.529",
                      "Bạn đã không sử dụng Site trong một thời gian. Bấm vào đây để duy trì trạng thái đăng nhập (còn 45 giây)",
                      "Cơ quan chủ quản: Ủy ban nhân dân thành phố"])
    func chromeLinesAreDropped(_ line: String) {
        #expect(filter.ruleID(for: Substring(line)) != nil, "\(line)")
    }

    @Test(arguments: ["Hôm nay, Ban Dân vận Tỉnh ủy tổ chức hội nghị.", "Tất cả các chi bộ đều tham gia.",
                      "Nội dung đăng ký mới gửi về Ban Tuyên giáo trước ngày 20/3 hằng năm.", "Toàn cảnh hội nghị.",
                      "Địa chỉ tin cậy của người dân trong khu phố", "Thành phố Bến Tre: Tiếp tục nâng cao hiệu quả phong trào"])
    func articleLinesStay(_ line: String) {
        #expect(filter.ruleID(for: Substring(line)) == nil, "\(line)")
    }

    /// A portal's "today" line is chrome; the same date under a headline is the article's byline.
    @Test func todayLinesAreChrome() {
        #expect(filter.ruleID(for: "Hôm nay, ngày 4 tháng 9 năm 2023") == "chrome.today")
        #expect(filter.ruleID(for: "Hôm nay là Thứ Ba, 12/03/2024") == "chrome.today")
        #expect(filter.ruleID(for: "Hôm nay, ngày 4/9, xã Tân Lập tổ chức hội nghị.") == nil)
        #expect(filter.ruleID(for: "Thứ Ba, 12/03/2024", atTop: true) == "chrome.today")
        #expect(filter.ruleID(for: "Thứ Ba, 12/03/2024") == nil)
        #expect(filter.ruleID(for: "Thứ Ba, 12/03/2024 08:15", atTop: true) == nil, "a clock time makes a byline")
        let (top, dropped) = filter.filter("Thứ Sáu, 03/05/2024\n\nXã Tân Lập ra quân dọn vệ sinh\nNội dung.")
        #expect(top == "Xã Tân Lập ra quân dọn vệ sinh\nNội dung.")
        #expect(dropped["chrome.today"] == 1)
        let (byline, _) = filter.filter("Xã Tân Lập ra quân dọn vệ sinh\nThứ Sáu, 03/05/2024\nNội dung.")
        #expect(byline.contains("03/05/2024"))
    }

    /// A list of other articles under its heading goes with their dates; the page's own lines
    /// after it, and a line ending in a date elsewhere, stay.
    @Test func relatedListsGoWithTheirDates() {
        let page = """
        Xã Tân Lập ra quân dọn vệ sinh
        Sáng 3/5, Đoàn xã ra quân.

        Các tin khác:
        - Xã Tân Lập sơ kết quý I năm 2024 (12/04/2024)
        • Ra mắt câu lạc bộ dưỡng sinh - 05-03-2024

        Bản tin của xã phát hành hằng tuần.
        Hội nghị tổng kết (28/12/2023)
        """
        let (text, dropped) = filter.filter(page)
        #expect(!text.contains("12/04/2024"))
        #expect(!text.contains("05-03-2024"))
        #expect(text.contains("Bản tin của xã phát hành hằng tuần."), "the list ends at a line that is no item")
        #expect(text.contains("Hội nghị tổng kết (28/12/2023)"), "past the list, a dated line stays")
        #expect(dropped["chrome.related"] == 1)
        #expect(dropped[ChromeFilter.relatedItemRule] == 2)
        #expect(filter.ruleID(for: "Tin liên quan") == "chrome.related")
        #expect(filter.ruleID(for: "Tin cùng chuyên mục:") == "chrome.related")
        #expect(filter.ruleID(for: "Tin liên quan đến vụ việc được cơ quan chức năng làm rõ.") == nil)
        #expect(filter.ruleID(for: "Tin mới") == "chrome.related", "a portal's latest items (qcheck, session 11)")
        #expect(filter.ruleID(for: "Tin mới về công tác dân vận được cập nhật hằng ngày.") == nil)
    }

    @Test func filteringKeepsArticleLinesInOrder() {
        let (text, dropped) = filter.filter("Skip to main content\nTiêu đề bài\n\nĐoạn một.\nĐang online: 3\nĐoạn hai.\n")
        #expect(text == "Tiêu đề bài\n\nĐoạn một.\nĐoạn hai.")
        #expect(dropped.values.reduce(0, +) == 2)
    }

    /// Filtering reads the lines' folds from the text's `FoldedText`, which folds dashes, quotes
    /// and © otherwise than the rules do: it drops what the rules drop line by line, and the
    /// document's fold made of the kept lines is the fold of the filtered text.
    @Test func filteringAgreesWithTheRulesLineByLine() throws {
        let lines = ["© 2020 Báo Nhân Dân", "(c) Báo Nhân Dân", "E–mail: toasoan@nhandan.vn", "E-mail: toasoan@nhandan.vn",
                     "“Đang online”: 3", "• Điện thoại: 0243", "– Fax: 0243", "Điê\u{300}n thoa\u{323}i: 1", "ảnh 1.jpg",
                     "Đoạn “một” – hai.", "15 3 mohinh", "Bản quyền thuộc Báo Nhân Dân", "", "Đoạn ba © x."]
        let (text, dropped) = filter.filter(lines.joined(separator: "\n"))
        let kept = lines.filter { !$0.isEmpty && filter.ruleID(for: Substring($0)) == nil }
        #expect(text.split(separator: "\n").map(String.init) == kept)
        #expect(dropped.values.reduce(0, +) == lines.filter { filter.ruleID(for: Substring($0)) != nil }.count)
        let document = try NormalizeStage().run(DecodedDocument(
            raw: RawDocument(file: SourceFile(url: URL(fileURLWithPath: "/x.txt"), relativePath: "x.txt", size: 0),
                             bytes: [], sha256: "", format: .text),
            text: "\n\n" + lines.joined(separator: "\n") + "\n\n\n", encoding: "utf-8"
        )).document
        let fresh = FoldedText(utf8: document.utf8)
        #expect(document.folded.bytes == fresh.bytes)
        #expect(document.folded.origin == fresh.origin)
    }
}

struct TextDocumentTests {
    @Test func byteOffsetsMapToScalarOffsets() {
        let text = String(repeating: "Đảng ủy ", count: 30) + "ngày 14/8/2015"
        let document = TextDocument(text)
        let byteStart = document.utf8.count - "ngày 14/8/2015".utf8.count
        let span = document.scalarSpan(byteStart..<document.utf8.count)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == "ngày 14/8/2015")
    }

    @Test func foldedTextMapsBackToTheOriginal() {
        let document = TextDocument("Trước ngày 20/3 hằng năm, gửi về “Ban Dân vận”")
        let hits = document.folded.occurrences(of: "hang nam")
        #expect(hits.count == 1)
        let range = hits[0]..<(hits[0] + "hang nam".utf8.count)
        #expect(document.string(folded: range) == "hằng năm")
        #expect(document.folded.occurrences(of: "dan van").count == 1)
        #expect(document.folded.occurrences(of: "an").isEmpty)
    }
}

/// Chrome that depends on the kind of document is settled where the kind is known, and every
/// dropped line stays with its rule.
struct KindDependentChromeTests {
    static func clean(_ text: String) throws -> CleanDocument {
        try NormalizeStage().run(DecodedDocument(
            raw: RawDocument(file: SourceFile(url: URL(fileURLWithPath: "/x.txt"), relativePath: "x.txt", size: 0),
                             bytes: [], sha256: "", format: .text),
            text: text, encoding: "utf-8"))
    }

    static let dispatch = """
        ỦY BAN NHÂN DÂN XÃ AN BÌNH
        Số: 31/UBND-VP
        An Bình, ngày 4 tháng 5 năm 2024
        V/v đăng ký mô hình dân vận khéo
        Kính gửi: Các ấp.
        Đề nghị các ấp đăng ký trước ngày 20/5/2024.
        Điện thoại: 0270 3812 345
        Email: ubnd.anbinh@example.vn
        Nơi nhận:
        - Như trên.
        """

    @Test func aDispatchKeepsItsContactLines() throws {
        let clean = try Self.clean(Self.dispatch)
        let classified = ClassifiedDocument(clean: clean, classification: Classification(kind: .dispatch))
        #expect(classified.clean.document.text.contains("Điện thoại: 0270 3812 345"))
        #expect(classified.clean.document.text.contains("Email: ubnd.anbinh@example.vn"))
        #expect(classified.clean.droppedLines.isEmpty)
    }

    @Test func aNewsPageLosesItsContactFooterAndKeepsWhatWentWithItsRule() throws {
        let page = "Đang online: 7\nHội thi tuyên truyền viên ở xã An Bình\n\nBài viết về hội thi.\n\nĐiện thoại: 0270 3812 345\nGiấy phép: 12/GP-STTTT"
        let clean = try Self.clean(page)
        #expect(clean.document.text.contains("Điện thoại"), "kept until the kind is known")
        let news = ClassifiedDocument(clean: clean, classification: Classification(kind: .news)).clean
        #expect(!news.document.text.contains("Điện thoại"))
        #expect(news.document.text == "Hội thi tuyên truyền viên ở xã An Bình\n\nBài viết về hội thi.")
        #expect(news.droppedLines.map(\.rule) == ["chrome.counter", "chrome.contact", "chrome.footer"])
        #expect(news.droppedLines.map(\.line) == [0, 5, 6])
        #expect(news.droppedLines[1].text == "Điện thoại: 0270 3812 345")
        #expect(news.droppedChrome["chrome.contact"] == 1)
        #expect(news.document.folded.bytes == FoldedText(utf8: news.document.utf8).bytes)
    }

    @Test func theWholeRunKeepsADispatchsContactLines() throws {
        let record = try TestSupport.process(Array(Self.dispatch.utf8), name: "cv.txt").get()
        #expect(record.kind == .dispatch)
        #expect(record.text.contains("Email: ubnd.anbinh@example.vn"))
        #expect(record.droppedLines.isEmpty)
    }

    @Test func theRecordKeepsWhatWasDroppedWithItsRule() throws {
        var page = "Lượt truy cập: 5120\nXã Bình Minh ra mắt tổ tự quản đường hoa\n\n"
        for _ in 0..<3 { page += String(repeating: "Các hộ dân cùng trồng hoa, quét dọn và giữ gìn con đường sạch đẹp mỗi sáng chủ nhật hằng tuần. ", count: 2) + "\n\n" }
        page += "Email: toasoan@example.vn\n"
        let record = try TestSupport.process(Array(page.utf8), name: "tin.txt").get()
        #expect(record.kind == .news)
        #expect(!record.text.contains("toasoan@example.vn"))
        #expect(record.droppedLines == [
            ChromeFilter.DroppedLine(rule: "chrome.counter", text: "Lượt truy cập: 5120", line: 0),
            ChromeFilter.DroppedLine(rule: "chrome.contact", text: "Email: toasoan@example.vn", line: 9),
        ])
    }
}
