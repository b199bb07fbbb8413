import Testing
@testable import VanThuExtract

/// The subject under a type name ends where the body starts, even when a page's text dump leaves
/// no blank line between them.
struct HeaderSubjectTests {
    func subject(_ text: String) -> String? {
        var context = ExtractionContext(text: text, kind: .dispatch)
        HeaderExtractor().extract(&context)
        return context.record.header?.subject
    }

    @Test func theBodysFirstParagraphIsNoPartOfTheSubject() {
        let text = """
            ỦY BAN NHÂN DÂN
            HUYỆN AN PHÚ
            Số: 45/TB-UBND
            An Phú, ngày 12 tháng 4 năm 2030
            THÔNG BÁO
            Tổ chức hội nghị sơ kết 6 tháng đầu năm 2030
            Ủy ban nhân dân huyện thông báo tổ chức hội nghị sơ kết như sau: thời gian 8 giờ ngày 20/4/2030 tại hội trường.
            """
        #expect(subject(text) == "Tổ chức hội nghị sơ kết 6 tháng đầu năm 2030")
    }

    @Test func aSubjectWrappedOverShortLinesGoesOn() {
        let text = """
            ỦY BAN NHÂN DÂN
            HUYỆN AN PHÚ
            Số: 46/KH-UBND
            An Phú, ngày 12 tháng 4 năm 2030
            KẾ HOẠCH
            Tổ chức các hoạt động kỷ niệm ngày thành lập huyện và chào mừng
            Đại hội đại biểu Đảng bộ huyện lần thứ XX, nhiệm kỳ 2030 - 2035
            """
        #expect(subject(text) == "Tổ chức các hoạt động kỷ niệm ngày thành lập huyện và chào mừng Đại hội đại biểu Đảng bộ huyện lần thứ XX, nhiệm kỳ 2030 - 2035")
    }

    @Test func aProseParagraphIsALongLineThatEndsASentenceOrOpensAList() {
        #expect(HeaderExtractor.isProseParagraph(String(repeating: "chữ ", count: 30) + "như sau:"))
        #expect(HeaderExtractor.isProseParagraph(String(repeating: "chữ ", count: 30) + "thực hiện."))
        #expect(!HeaderExtractor.isProseParagraph("Tổ chức hội nghị sơ kết."))
        #expect(!HeaderExtractor.isProseParagraph(String(repeating: "chữ ", count: 30) + "năm 2030"))
    }
}
