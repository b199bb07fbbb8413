import Testing
@testable import VanThuExtract

/// The document's own date where it depends on the title: a portal's "today" line above the
/// headline is chrome; the same line under it is the byline.
struct DateExtractorTests {
    func run(_ text: String, title: String) -> Record {
        var context = ExtractionContext(text: text, kind: .news)
        context.record.title = title
        DateExtractor().extract(&context)
        return context.record
    }

    @Test func todayLineAboveTheHeadlineIsChrome() {
        let page = "Cổng thông tin điện tử huyện Tân Phước\nThứ Hai, 06/05/2024\nTrang chủ\nGiới thiệu\n\n"
            + "Xã Tân Hòa ra mắt mô hình mới\n\nSáng 3/5, xã Tân Hòa ra mắt mô hình dân vận khéo."
        let record = run(page, title: "Xã Tân Hòa ra mắt mô hình mới")
        #expect(record.date == nil)
        #expect(!record.dates.contains { $0.value == "2024-05-06" })
    }

    @Test func theSameLineUnderTheHeadlineIsTheByline() {
        let page = "Cổng thông tin điện tử huyện Tân Phước\nXã Tân Hòa ra mắt mô hình mới\nThứ Hai, 06/05/2024\n\n"
            + "Sáng 3/5, xã Tân Hòa ra mắt mô hình dân vận khéo."
        let record = run(page, title: "Xã Tân Hòa ra mắt mô hình mới")
        #expect(record.date == "2024-05-06")
        #expect(record.dates.map(\.value).contains("2024-05-03"))
    }
}

extension DateExtractorTests {
    /// A decree posted on a portal is dated by its own date in its headline, not by the post's stamp.
    @Test func aLegalDocumentPostedAsAPageKeepsItsOwnDate() {
        let page = "Nghị định số 21/2009/NĐ-CP ngày 12/3/2009 của Chính phủ về quản lý chợ\n02/11/2012 | 09:00 AM\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;"
        #expect(run(page, title: "Nghị định số 21/2009/NĐ-CP ngày 12/3/2009 của Chính phủ về quản lý chợ").date == "2009-03-12")
        let news = "Chợ mới khai trương ngày 12/3/2009 đón khách\n02/11/2012 | 09:00 AM\nSáng nay chợ mở cửa."
        #expect(run(news, title: "Chợ mới khai trương ngày 12/3/2009 đón khách").date == "2012-11-02")
    }

    /// The title is found in the text as bytes: its first occurrence, one at the very end, none.
    @Test func theTitleIsFoundByItsBytes() {
        let text = Array("Trang chủ\nChợ mới khai trương\nChợ mới khai trương ở xã".utf8)
        let probe = Array("Chợ mới".utf8)
        #expect(DateExtractor.firstOffset(of: probe, in: text) == Array("Trang chủ\n".utf8).count)
        #expect(DateExtractor.firstOffset(of: Array("ở xã".utf8), in: text) == text.count - Array("ở xã".utf8).count)
        #expect(DateExtractor.firstOffset(of: Array("ở xã nọ".utf8), in: text) == nil)
        #expect(DateExtractor.firstOffset(of: Array("Chợ cũ".utf8), in: text) == nil)
        #expect(DateExtractor.firstOffset(of: text + [0x20], in: text) == nil)
    }
}
