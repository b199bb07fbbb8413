import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract

/// A large text is filtered, classified and settled a window at a time, never folded whole (issue
/// 14, item 8). Lines are never cut and folding is scalar by scalar, so the windows must give
/// what the whole text gives, whatever the cuts: these use windows of a few bytes to put cuts
/// next to every kind of chrome (a related list and its items, a top-of-page date line, blank
/// runs, a contact line that waits for the kind, a line longer than a window).
struct ChromeWindowsTests {
    static let text = """
        Thứ Năm, 02/05/2024
        Đăng nhập

        ỦY BAN NHÂN DÂN XÃ TÂN LẬP
        Số: 45/BC-UBND
        Tân Lập, ngày 14 tháng 3 năm 2024
        Điện thoại: 0211 3845 672



        Báo cáo kết quả thực hiện mô hình “Khu dân cư xanh – sạch – đẹp” trong quý I năm 2024 trên địa bàn xã, với sự tham gia của các chi hội và đoàn viên thanh niên ở cả tám thôn.
        Lượt xem: 2.314
        Tin liên quan
        • Hội nghị sơ kết công tác dân vận quý IV (28/12/2023)
        • Ra mắt tổ tự quản đường hoa thôn Đồng Chanh (05/10/2023)
        Các thôn đã trồng 1.200 cây xanh dọc đường liên thôn.
        © Bản quyền thuộc Ủy ban nhân dân xã Tân Lập.
           \n\
        Thứ Năm, 02/05/2024
        Nơi nhận:
        - Như trên;
        Email: vanphong@tanlap.gov.vn
        """

    /// (range, blankBefore, pendingRule, line) of each kept line, and the log.
    static func filter(_ text: String, windowBytes: Int?) -> (kept: [String], counts: [String: Int], dropped: [Int]) {
        let chrome = ChromeFilter()
        var bytes = Array(text.utf8)
        var log = ChromeFilter.Log(deferKindDependent: true)
        var kept: [String] = []
        bytes.withUnsafeMutableBufferPointer { buffer in
            let body = { (line: ChromeFilter.KeptLine) in
                kept.append("\(line.range) \(line.blankBefore) \(line.pendingRule ?? "-") \(line.line)")
            }
            if let windowBytes {
                chrome.forEachKeptLine(UnsafeBufferPointer(buffer), windowBytes: windowBytes, log: &log, body)
            } else {
                chrome.forEachKeptLine(UnsafeBufferPointer(buffer), folded: FoldedText(utf8: Array(text.utf8)), log: &log, body)
            }
        }
        return (kept, log.counts, log.lines.map(\.line))
    }

    @Test func windowsKeepAndDropTheLinesTheWholeFoldDoes() {
        for text in [Self.text, Self.text + "\n", "\n\n" + Self.text + "\n\n\n", "Đăng nhập", "", "\n"] {
            let whole = Self.filter(text, windowBytes: nil)
            for size in [1, 5, 17, 40, 64, 100, 200, 1 << 20] {
                let windowed = Self.filter(text, windowBytes: size)
                #expect(windowed.kept == whole.kept, "windows of \(size)")
                #expect(windowed.counts == whole.counts, "windows of \(size)")
                #expect(windowed.dropped == whole.dropped, "windows of \(size)")
            }
        }
        // The text has what the windows must carry over a cut.
        let whole = Self.filter(Self.text, windowBytes: nil)
        #expect(whole.counts["chrome.related-item"] == 2 && whole.counts["chrome.today"] == 1)
        #expect(whole.kept.contains { $0.contains("chrome.contact") })
    }

    @Test func windowsEndAfterALineBreakAndCoverTheText() {
        let bytes = Array("Dòng một\nDòng hai dài hơn một chút\n\nDòng bốn".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for size in [1, 4, 12, 30, 1000] {
                let windows = NormalizeStage.lineWindows(buffer, size: size)
                #expect(windows.first?.lowerBound == 0 && windows.last?.upperBound == buffer.count)
                for (a, b) in zip(windows, windows.dropFirst()) { #expect(a.upperBound == b.lowerBound && buffer[a.upperBound - 1] == 0x0A) }
                // Longer than `size` only for a line that is.
                for window in windows where window.count > size {
                    #expect(!buffer[window.lowerBound..<(window.upperBound - 1)].prefix(size).contains(0x0A))
                }
            }
            #expect(NormalizeStage.lineWindows(buffer, size: 1000) == [0..<buffer.count])
        }
        #expect([UInt8]().withUnsafeBufferPointer { NormalizeStage.lineWindows($0, size: 8) } == [0..<0])
    }

    @Test func classifyingInWindowsDecidesAsTheWholeFold() {
        let news = """
            Thứ hai, 16/01/2023 08:15
            (Báo Tân Lập) – Sáng 16/1, Hội Nông dân xã tổ chức hội nghị tổng kết phong trào nông dân thi đua sản xuất, kinh doanh giỏi năm 2022, với hơn một trăm hội viên dự.
            Tại hội nghị, các đại biểu đã thảo luận, chia sẻ kinh nghiệm xây dựng mô hình trồng cây ăn quả và chăn nuôi an toàn sinh học, nâng cao thu nhập cho hội viên.
            """
        let short = "Chủ nhật, 15/01/2023\nXã tổ chức ngày hội đại đoàn kết ở cả tám thôn trong xã.\nCác hộ dân tham gia dọn vệ sinh đường làng và ngõ xóm.\nNhiều gia đình góp công và góp tiền làm đường bê tông.\n"
        for text in [Self.text, news, short, news + "\n\n" + Self.text, "", "Một dòng"] {
            let document = TextDocument(text)
            let whole = ClassifyStage.classify(document)
            for size in [1, 9, 50, 300] {
                let windowed = ClassifyStage.classify(document, lexicon: .standard, windowBytes: size)
                #expect(windowed.kind == whole.kind && windowed.reasons == whole.reasons, "windows of \(size)")
            }
        }
        #expect(ClassifyStage.classify(TextDocument(Self.text)).kind == .dispatch)
        #expect(ClassifyStage.classify(TextDocument(news)).kind == .news)
    }

    @Test func settlingChromeOnBytesIsTheStringWay() throws {
        let text = Self.text + "\n\nĐiện thoại: 0211 3845 999\n\nDòng cuối cùng của báo cáo.\n"
        let raw = RawDocument(file: SourceFile(path: "/x.txt", relativePath: "x.txt", size: text.utf8.count),
                              bytes: Array(text.utf8), sha256: "00", format: .text)
        let clean = try NormalizeStage().run(DecodeStage().run(raw))
        #expect(clean.pendingChrome.count == 3)
        for kind in [DocumentKind.news, .unknown, .dispatch] {
            let strings = clean.settlingChrome(for: kind, onBytes: false)
            let bytes = clean.settlingChrome(for: kind, onBytes: true)
            #expect(bytes.document.utf8 == strings.document.utf8, "\(kind)")
            #expect(bytes.droppedChrome == strings.droppedChrome)
            #expect(bytes.droppedLines == strings.droppedLines)
            #expect(bytes.pendingChrome.isEmpty)
            // Not extracted in windows: folded whole.
            #expect(bytes.document.folded.bytes == FoldedText(utf8: bytes.document.utf8).bytes)
        }
        #expect(clean.settlingChrome(for: .news, onBytes: true).droppedChrome["chrome.contact"] == 3)
    }
}
