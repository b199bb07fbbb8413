/// The headline of a page without a header.
import Testing
@testable import VanThuText
@testable import VanThuExtract

struct TitleHeadlineTests {
    @Test func aLineEndingInAColonIsNoHeadline() {
        let text = """
        Thông tin đoàn thể phường Hòa An hôm nay:
        Chiều 5/6, Hội Nông dân phường tổ chức hội nghị.
        Phường Hòa An biểu dương 30 hộ nông dân sản xuất giỏi
        Hội nghị có sự tham dự của đại diện các ban ngành.
        """
        #expect(TitleExtractor().headline(TextDocument(text)) == "Phường Hòa An biểu dương 30 hộ nông dân sản xuất giỏi")
    }

    @Test func theFirstLineStaysTheHeadline() {
        let text = """
        Phường Hòa An biểu dương 30 hộ nông dân sản xuất giỏi
        Chiều 5/6, Hội Nông dân phường tổ chức hội nghị tổng kết, ông Lê Văn Bốn cho biết:
        Năm nay nhiều hộ làm kinh tế giỏi
        """
        #expect(TitleExtractor().headline(TextDocument(text)) == "Phường Hòa An biểu dương 30 hộ nông dân sản xuất giỏi")
    }
}
