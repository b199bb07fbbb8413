import Testing
@testable import VanThuText
@testable import VanThuExtract

struct ClassifyStageTests {
    @Test func aDispatchHeaderMakesADispatch() {
        let text = "HUYỆN ỦY A\nSố 12-CV/HU\nV/v tổ chức hội nghị\nA, ngày 3 tháng 4 năm 2020\nKính gửi: Các chi bộ\nNội dung.\nNơi nhận:\n- Như trên."
        let classification = ClassifyStage.classify(TextDocument(text))
        let kind = classification.kind, reasons = classification.reasons
        #expect(kind == .dispatch)
        #expect(reasons.contains("dispatch.number"))
        #expect(reasons.contains("dispatch.subject"))
    }

    @Test func proseWithADatelineIsNews() {
        let paragraph = String(repeating: "Phong trào thi đua được triển khai rộng khắp trên địa bàn thành phố. ", count: 4)
        let kind = ClassifyStage.classify(TextDocument("Tiêu đề bài báo về phong trào\nThứ hai, 16/01/2023 08:15\n\(paragraph)")).kind
        #expect(kind == .news)
    }

    /// A short article cut in short paragraphs, with its publication stamp at the end (qcheck, session 11).
    @Test func shortParagraphsUnderAStampAreNews() {
        let page = """
        Khen thưởng 20 gương điển hình của huyện
        Chiều 5/6, Ủy ban nhân dân huyện tổ chức hội nghị biểu dương người tốt, việc tốt năm 2024.
        Trong năm, các xã đã phát hiện và giới thiệu nhiều tấm gương điển hình trong lao động sản xuất.
        Dịp này, Ủy ban nhân dân huyện tặng giấy khen cho 20 gương điển hình tiêu biểu của các xã.
        Cập nhật: Thứ năm, 6/6/2024 | 8:12:40 AM
        """
        let classification = ClassifyStage.classify(TextDocument(page))
        #expect(classification.kind == .news)
        #expect(classification.reasons.contains("news.short-prose"))
    }

    @Test func shortSentencesWithoutAStampAreNoArticle() {
        let page = """
        Khen thưởng 20 gương điển hình của huyện
        Chiều 5/6, Ủy ban nhân dân huyện tổ chức hội nghị biểu dương người tốt, việc tốt năm 2024.
        Trong năm, các xã đã phát hiện và giới thiệu nhiều tấm gương điển hình trong lao động sản xuất.
        Dịp này, Ủy ban nhân dân huyện tặng giấy khen cho 20 gương điển hình tiêu biểu của các xã.
        """
        #expect(ClassifyStage.classify(TextDocument(page)).kind == .unknown)
    }

    @Test func sentencesFarDownAFormAreNoArticle() {
        let stamp = "Thời gian ký: 11.03.2019 16:42:54 +07:00"
        let form = (1...60).map { "Mã số \($0)" }.joined(separator: "\n")
        let notes = (1...3).map { _ in "Ghi chú: đơn vị báo cáo ghi số liệu theo từng quý và gửi cơ quan quản lý cấp trên đúng hạn." }
        let page = "BÁO CÁO TÌNH HÌNH THU CHI\n\(stamp)\n\(form)\n" + notes.joined(separator: "\n")
        #expect(!ClassifyStage.classify(TextDocument(page)).reasons.contains("news.short-prose"))
    }

    @Test func aFewShortLinesAreUnknown() {
        #expect(ClassifyStage.classify(TextDocument("Danh sách\n1. Một\n2. Hai")).kind == .unknown)
    }
}

/// The rules for pages that carry a document without its header block, and for news leads.
struct ClassifyPageRulesTests {
    static let prose = String(repeating: "Các đơn vị triển khai kế hoạch theo đúng tiến độ đã đề ra trong năm. ", count: 4)

    @Test(arguments: [
        "Thông báo số 27/TB-SNV về việc tuyển dụng viên chức năm 2025",
        "Kế hoạch: V/v tổ chức hội thao khối cơ quan",
        "Quyết định về việc công nhận xã đạt chuẩn",
        "CÔNG VĂN SỐ 215/UBND-VP NGÀY 3/3/2030 CỦA UBND HUYỆN AN PHÚ VỀ VIỆC TRIỂN KHAI THÁNG HÀNH ĐỘNG",
        "Kế hoạch số 45/KH-UBND của UBND xã về việc tổ chức hội thao",
    ])
    func aTypeTitleLineMakesADispatch(_ headline: String) {
        let classification = ClassifyStage.classify(TextDocument("\(headline)\n\n\(Self.prose)\n\n\(Self.prose)"))
        let kind = classification.kind, reasons = classification.reasons
        #expect(kind == .dispatch)
        #expect(reasons.contains("dispatch.type-title"))
    }

    @Test(arguments: [
        "Nghị định 99 có hiệu lực từ tháng sau",
        "Thông báo kết quả xổ số kiến thiết miền Bắc",
        "Kế hoạch về việc làm cho thanh niên được bàn tại hội nghị",
        "Công văn số 215 của huyện gây tranh cãi",
    ])
    func aHeadlineThatNamesADocumentIsNoTypeTitle(_ headline: String) {
        let classification = ClassifyStage.classify(TextDocument("\(headline)\n\n\(Self.prose)\n\n\(Self.prose)"))
        let kind = classification.kind, reasons = classification.reasons
        #expect(!reasons.contains("dispatch.type-title"))
        #expect(kind == .news)
    }

    @Test func aPlanPostedAsAPageIsAPlan() {
        let plan = "KẾ HOẠCH\nTriển khai công tác dân vận năm 2025 của Hội Nông dân xã\nNgày đăng: 10/01/2025\n\nI. MỤC ĐÍCH, YÊU CẦU\n\(Self.prose)\nII. NỘI DUNG\n\(Self.prose)\nIII. TỔ CHỨC THỰC HIỆN\nCác chi hội thực hiện."
        let classification = ClassifyStage.classify(TextDocument(plan))
        #expect(classification.kind == .dispatch)
        #expect(classification.reasons.contains("dispatch.plan-section"))
        let article = "Hội nghị bàn kế hoạch năm 2025\nNgày đăng: 10/01/2025\n\n\(Self.prose)\nĐại biểu nêu mục đích, yêu cầu của kế hoạch.\n\(Self.prose)"
        let news = ClassifyStage.classify(TextDocument(article))
        #expect(news.kind == .news)
        #expect(!news.reasons.contains("dispatch.plan-section"))
    }

    @Test func documentsListedUnderAnArticleAreNoTitle() {
        let page = "Hội nghị tổng kết phong trào thi đua năm 2024\n\n\(Self.prose)\n\nVăn bản mới\nQuyết định số 12/QĐ-UBND về việc công nhận danh hiệu\n"
        let classification = ClassifyStage.classify(TextDocument(page))
        let kind = classification.kind, reasons = classification.reasons
        #expect(!reasons.contains("dispatch.type-title"))
        #expect(kind != .dispatch)
    }

    @Test func aClosingFormulaAloneOnItsLineMakesADispatch() {
        let classification = ClassifyStage.classify(TextDocument("Lấy ý kiến về dự thảo quy chế\n\n\(Self.prose)\n\nTrân trọng!\n\nPhòng Tổ chức cán bộ"))
        let kind = classification.kind, reasons = classification.reasons
        #expect(kind == .dispatch)
        #expect(reasons.contains("dispatch.closing"))
        let quoted = ClassifyStage.classify(TextDocument("Tiêu đề bài viết ở đây nhé\n\n\(Self.prose) Ông nói: trân trọng những đóng góp.\n\n\(Self.prose)"))
        #expect(quoted.kind == .news)
    }

    @Test func aRegisterTableAndAnAgencyTag() {
        let register = ClassifyStage.classify(TextDocument("Số hiệu: 12/TB-UBND\nLoại văn bản: Thông báo\nNgười ký: Lê Văn Tư"))
        #expect(register.reasons.contains("dispatch.register"))
        let lead = "(Báo Hà Giang) - Sáng 4/5, huyện tổ chức hội nghị tổng kết phong trào thi đua với sự tham dự của nhiều đại biểu ở các xã trong huyện và các ban ngành."
        let classification = ClassifyStage.classify(TextDocument("Ngọc Lan\n\n\(lead)"))
        let kind = classification.kind, reasons = classification.reasons
        #expect(kind == .news)
        #expect(reasons.contains("news.source-tag"))
        let annex = "(Kèm theo Quyết định số 12/QĐ-UBND ngày 3/4/2020) - phụ lục"
        #expect(!ClassifyStage.classify(TextDocument(annex)).reasons.contains("news.source-tag"))
    }
}
