import Testing
@testable import VanThuStore

/// The snippet under a hit: a window around the first match, read without folding the whole text.
struct SnippetTests {
    func parts(_ text: String, _ query: String) -> (marked: String, plain: String, matches: [String]) {
        ArchiveStore.snippetParts(text, terms: SearchQuery(text: query).terms)
    }

    @Test func aMatchDeepInALongTextIsMarkedInTheOriginal() {
        let filler = String(repeating: "Báo cáo tình hình thực hiện nhiệm vụ của các đơn vị trực thuộc.\n", count: 3_000)
        let text = filler + "Ban Dân vận Huyện ủy Long Mỹ tổ chức hội nghị sơ kết.\n" + filler
        let (marked, plain, matches) = parts(text, "dan van huyen uy")
        #expect(marked.contains("«Dân»") && marked.contains("«vận»") && marked.contains("«Huyện»"))
        #expect(matches.prefix(4) == ["Dân", "vận", "Huyện", "ủy"])
        #expect(marked.hasPrefix("…") && marked.hasSuffix("…"))
        #expect(plain.contains("Ban Dân vận Huyện ủy Long Mỹ"))
        #expect(plain.unicodeScalars.count < 240)
    }

    @Test func aQuotedPhraseIsMarkedWholeAndDFoldsToD() {
        let text = "Đoàn kiểm tra làm việc.\nĐảng ủy xã Phú Lộc giao Đoàn Thanh niên xây dựng mô hình."
        let (marked, _, matches) = parts(text, "\"dang uy xa phu loc\"")
        #expect(marked.contains("«Đảng ủy xã Phú Lộc»"))
        #expect(matches == ["Đảng ủy xã Phú Lộc"])
    }

    /// A phrase that is nowhere in the text (the index matched it across punctuation) is marked
    /// by its first word.
    @Test func aPhraseNotInTheTextFallsBackToItsFirstWord() {
        let text = "Hội nghị về nông thôn, mới được tổ chức tại xã Tân Lập."
        let (marked, _, _) = parts(text, "\"nong thon moi\"")
        #expect(marked.contains("«nông»"))
        #expect(!marked.contains("«nông thôn, mới»"))
    }

    @Test func theWindowDoesNotCutWords() {
        let words = (1...200).map { "tiếng\($0)" }.joined(separator: " ")
        let text = words + " kết luận của Ban Thường vụ " + words
        let (_, plain, _) = parts(text, "ket luan")
        let inner = plain.trimmingCharacters(in: ["…"])
        let wordsOfWindow = inner.split(separator: " ")
        #expect(wordsOfWindow.first.map { $0.hasPrefix("tiếng") } == true)
        #expect(wordsOfWindow.last.map { $0.hasPrefix("tiếng") && $0.count > 5 } == true)
        #expect(plain.contains("kết luận của Ban Thường vụ"))
    }

    @Test func noMatchGivesTheHeadOfTheText() {
        let text = String(repeating: "Công văn về việc triển khai.\n", count: 20)
        let (marked, plain, matches) = parts(text, "khong co")
        #expect(matches.isEmpty)
        #expect(marked == plain)
        #expect(plain.hasPrefix("Công văn về việc triển khai. Công văn"))
        #expect(plain.hasSuffix("…"))
    }
}
