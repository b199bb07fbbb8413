import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats

/// The HTML reader: the article among a page's furniture, its headline and date and the rules that
/// found them, pages nested deep, internal DTD subsets, and pages with no article.
struct HTMLReaderTests {
    func read(_ html: String) -> HTMLDocumentReader.Result? {
        HTMLDocumentReader().read(Array(html.utf8), encoding: "UTF-8")
    }

    static let prose = "Người dân trong xã đã góp công, góp đất để làm con đường mới, dài gần hai cây số, nối liền bốn thôn."

    @Test func aWholePageInsideAFormIsRead() throws {
        let page = try #require(read("<html><body><form id=\"aspnetForm\"><div class=\"menu\"><a href=\"/\">Trang chủ</a></div>"
                                     + "<div class=\"noidung\"><p>\(Self.prose)</p><p>\(Self.prose)</p></div></form></body></html>"))
        #expect(page.failure == nil)
        #expect(page.text.contains("Người dân trong xã"))
        #expect(!page.text.contains("Trang chủ"))
    }

    @Test func classWordsAreOneSignalAmongSeveral() throws {
        // The article in a column called sidebar; the links beside it in a column called content.
        let links = (1...8).map { "<li><a href=\"/\($0)\">Một bài viết khác số \($0) trong chuyên mục</a></li>" }.joined()
        let page = try #require(read("<body><div class=\"left-sidebar\"><h1>Đường mới về bốn thôn</h1><p>\(Self.prose)</p><p>\(Self.prose)</p>"
                                     + "<p>\(Self.prose)</p></div><div class=\"content-right\"><ul>\(links)</ul></div></body>"))
        #expect(page.text.contains("Người dân trong xã"))
        #expect(!page.text.contains("Một bài viết khác"))
        #expect(page.title == "Đường mới về bốn thôn" && page.titleRule == "h1")
    }

    @Test func theVisibleBylineWinsOverMetadataAndTheTodayBarNeverCounts() throws {
        let head = "<head><meta property=\"article:published_time\" content=\"2021-05-03T23:30:00+07:00\"></head>"
        let page = try #require(read("<html>\(head)<body><header><span>Thứ Sáu, 09/07/2021</span></header>"
                                     + "<h1>Đường mới về bốn thôn</h1><div>Thanh Bình - 04/05/2021 06:10</div>"
                                     + "<div class=\"body\"><p>\(Self.prose)</p><p>\(Self.prose)</p></div></body></html>"))
        #expect(page.published == "2021-05-04" && page.dateSource == "byline")
        // Without a byline the metadata gives it; the header's day never does.
        let quiet = try #require(read("<html>\(head)<body><header><span>Thứ Sáu, 09/07/2021</span></header>"
                                      + "<h1>Đường mới về bốn thôn</h1><div class=\"body\"><p>\(Self.prose)</p><p>\(Self.prose)</p></div></body></html>"))
        #expect(quiet.published == "2021-05-03T23:30:00+07:00" && quiet.dateSource == "article:published_time")
    }

    @Test(arguments: [
        ("Thứ Hai, 24/12/12, 03:04 AM", "2012-12-24"), ("31/12/2018 | 12:49 PM", "2018-12-31"),
        ("Cập nhật lúc 08:00 ngày 5/1/2020", "2020-01-05"), ("ngày 7 tháng 3 năm 2019", "2019-03-07"),
        ("2024-02-29T10:00", "2024-02-29"), ("30/02/2024", nil), ("0:00 / 0:00", nil), ("1.500.000 đồng", nil),
    ] as [(String, String?)])
    func visibleDates(_ line: String, _ expected: String?) {
        #expect(HTMLDocumentReader.Page.visibleDate(line) == expected)
    }

    @Test func stampsAndFurnitureLines() {
        #expect(HTMLDocumentReader.Page.isStamp("Thứ Hai, 24/12/2012, 03:04 AM"))
        #expect(HTMLDocumentReader.Page.isStamp("Ngày đăng 10/01/2012 | 12:00 AM | View count: 870"))
        #expect(!HTMLDocumentReader.Page.isStamp("Ngày 15/3/2024"))
        #expect(!HTMLDocumentReader.Page.isStamp("Hà Nội, ngày 15 tháng 3 năm 2024"))
        #expect(HTMLDocumentReader.Page.isByline("Nguyên Minh - 07/03/2026 08:47"))
        #expect(!HTMLDocumentReader.Page.isByline(Self.prose + " 07/03/2026 08:47"))
        #expect(HTMLDocumentReader.Page.isFurnitureLine("0:00 / 0:00", chars: 11))
        #expect(HTMLDocumentReader.Page.isFurnitureLine(">> Bài cũ về con đường", chars: 22))
        #expect(HTMLDocumentReader.Page.isFurnitureLine("Đọc thêm: Bài cũ", chars: 16))
        #expect(!HTMLDocumentReader.Page.isFurnitureLine(Self.prose, chars: Self.prose.count))
    }

    @Test func classWordExamples() {
        for (attribute, sign) in HTMLContentHints.examples {
            #expect(HTMLContentHints.weight(attribute).signum() == sign, "\(attribute)")
        }
    }

    @Test func theTitleElementIsNotTheHeadline() throws {
        let page = try #require(read("<html><head><title>Đường mới về bốn thôn - Cổng thông tin huyện</title></head><body>"
                                     + "<h1>Tin tức</h1><div class=\"detail\"><p>\(Self.prose)</p><p>\(Self.prose)</p></div></body></html>"))
        // No heading names the article: the record falls back to the page title, marked as such.
        #expect(page.title == nil)
        #expect(page.pageTitle == "Đường mới về bốn thôn")
    }

    @Test func pagesWithoutAnArticleAreRefused() throws {
        let menu = (1...12).map { "<a href=\"/\($0)\">Chuyên mục số \($0)</a>" }.joined(separator: " ")
        let error = try #require(read("<body><div class=\"menu\">\(menu)</div><h1>404</h1><p>Không tìm thấy trang.</p></body>"))
        #expect(error.failure == "no article text")
        // A plain short page with nothing around it is still a document.
        let plain = try #require(read("<p>Nội dung bài viết về phong trào thi đua.</p>"))
        #expect(plain.failure == nil && plain.text == "Nội dung bài viết về phong trào thi đua.")
    }

    @Test func deepPagesKeepTheirTextOrAreRefusedWithTheReason() throws {
        // Past libxml2's 256 levels, the text is kept whole.
        let deep = "<p>trước</p>" + String(repeating: "<div>", count: 300) + "<p>sâu</p>" + String(repeating: "</div>", count: 300) + "<p>sau</p>"
        let page = try #require(read(deep))
        #expect(page.text == "trước\nsâu\nsau")
        // Past the reader's bound, the page is refused, saying why.
        let deeper = "<p>trước</p>" + String(repeating: "<div>", count: 100_000) + "<p>sâu</p>"
        let refused = try #require(read(deeper))
        #expect(refused.failure?.contains("nested deeper than") == true)
    }

    @Test func anInternalDTDSubsetIsNotText() throws {
        let page = try #require(read("<!DOCTYPE html [\n<!ENTITY ten \"giá trị\">\n<!ELEMENT p ANY>\n]>\n<html><body><p>Nội dung thật.</p></body></html>"))
        #expect(page.text == "Nội dung thật.")
    }

    @Test func cellsOfADataTableShareTheirRowsLine() throws {
        let page = try #require(read("<table><tr><td>a</td><td> b  c </td></tr><tr><td></td><td>d</td></tr></table>"))
        #expect(page.text == "a | b c\nd")
    }
}
