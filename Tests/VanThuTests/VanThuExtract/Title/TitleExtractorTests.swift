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

    @Test func aMenuBarWithPipesIsNoHeadline() {
        let text = """
        Thứ Năm, 02/05/2024
        Trang chủ | Giới thiệu | Tin tức | Liên hệ
        Xã Hòa Bình ra quân làm đường giao thông nông thôn
        Cập nhật: 02/5/2024 | 8:10
        Sáng 2/5, xã Hòa Bình tổ chức ra quân.
        """
        #expect(TitleExtractor().headline(TextDocument(text)) == "Xã Hòa Bình ra quân làm đường giao thông nông thôn")
        #expect(TitleExtractor.isNavigationLine(Array("Trang chủ | Giới thiệu | Tin tức".utf8)[...]))
        #expect(!TitleExtractor.isNavigationLine(Array("26/12/2013 | 10:17(VP)".utf8)[...]))
    }
}
