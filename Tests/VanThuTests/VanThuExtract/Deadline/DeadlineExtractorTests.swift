import Testing
@testable import VanThuExtract

/// What the deadline rules decide beyond the examples: relative deadlines only on request, and no
/// deadline hangs on the document's own date.
struct DeadlineExtractorTests {
    func deadlines(_ text: String, date: String? = nil, kind: DocumentKind = .unknown,
                   extractor: DeadlineExtractor = DeadlineExtractor()) -> [DeadlineFact] {
        var context = ExtractionContext(text: text, kind: kind, date: date)
        DateExtractor().extract(&context)
        extractor.extract(&context)
        return context.record.deadlines
    }

    @Test func relativeDeadlinesOnlyWhenAsked() {
        let text = "Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ, Sở Xây dựng phải trả lời bằng văn bản."
        #expect(deadlines(text).isEmpty)
        let found = deadlines(text, extractor: DeadlineExtractor(includeRelative: true))
        #expect(found.count == 1)
        #expect(found.first?.due == nil)
        #expect(found.first?.anchor == "ngày nhận đủ hồ sơ")
    }

    /// A portal may give a page the wrong date; the page's deadlines stay whatever date it has.
    @Test func theDocumentDateNeverDropsADeadline() {
        let text = "Đề nghị các phường gửi báo cáo về Phòng Văn hóa trước ngày 12/6/2020."
        for date in [nil, "2020-05-01", "2020-06-12", "2024-07-25"] {
            #expect(deadlines(text, date: date).map(\.due) == ["2020-06-12"], "date \(date ?? "nil")")
        }
    }

    /// A yearly deadline is no date of the document; the same day with a fixed year is both.
    @Test func yearlyDeadlinesAreNoDates() {
        var context = ExtractionContext(text: "Các huyện gửi báo cáo về Sở Nội vụ trước ngày 15/01 năm sau.", date: "2021-03-02")
        DateExtractor().extract(&context)
        DeadlineExtractor().extract(&context)
        #expect(context.record.dates.isEmpty)
        #expect(context.record.deadlines.map(\.due) == ["--01-15"])
        #expect(context.record.deadlines.map(\.recurrence) == [.yearly])
        #expect(context.record.deadlines.map(\.to) == ["Sở Nội vụ"])
    }

    /// A recipient name wrapped over two lines is given on one.
    @Test func wrappedRecipientIsOneLine() {
        let line = "Ủy ban nhân dân các huyện tổng hợp kết quả thực hiện trên địa bàn, gửi về Sở Lao động - Thương binh\nvà Xã hội trước ngày 20 tháng 12 năm 2024."
        #expect(deadlines(line, date: "2024-10-01", kind: .dispatch).map(\.to) == ["Sở Lao động - Thương binh và Xã hội"])
    }
}
