import Testing
@testable import VanThu

struct ClassifyStageTests {
    @Test func aDispatchHeaderMakesADispatch() {
        let text = "HUYỆN ỦY A\nSố 12-CV/HU\nV/v tổ chức hội nghị\nA, ngày 3 tháng 4 năm 2020\nKính gửi: Các chi bộ\nNội dung.\nNơi nhận:\n- Như trên."
        let (kind, reasons) = ClassifyStage.classify(TextDocument(text))
        #expect(kind == .dispatch)
        #expect(reasons.contains("dispatch.number"))
        #expect(reasons.contains("dispatch.subject"))
    }

    @Test func proseWithADatelineIsNews() {
        let paragraph = String(repeating: "Phong trào thi đua được triển khai rộng khắp trên địa bàn thành phố. ", count: 4)
        let (kind, _) = ClassifyStage.classify(TextDocument("Tiêu đề bài báo về phong trào\nThứ hai, 16/01/2023 08:15\n\(paragraph)"))
        #expect(kind == .news)
    }

    @Test func aFewShortLinesAreUnknown() {
        #expect(ClassifyStage.classify(TextDocument("Danh sách\n1. Một\n2. Hai")).0 == .unknown)
    }
}
