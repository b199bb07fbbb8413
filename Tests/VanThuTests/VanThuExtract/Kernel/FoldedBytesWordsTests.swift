import Testing
import VanThuText
@testable import VanThuExtract

/// The kernel's one view of folded bytes, as model counts step over it: words joined by blanks,
/// sentences that a full stop in a number or after an abbreviation does not end, clauses, quotes.
struct FoldedBytesWordsTests {
    func folded<T>(_ text: String, _ body: (FoldedBytes) -> T) -> T {
        FoldedText(utf8: Array(text.utf8)).bytes.withUnsafeBufferPointer { body(FoldedBytes($0)) }
    }

    @Test func wordsAreJoinedByBlanksOnly() {
        folded("Xã Hòa An  có 27\tmô hình,mới") { text in
            // "xa hoa an  co 27\tmo hinh,moi"
            #expect(text.word(before: 11).map(text.string) == "an")
            #expect(text.word(after: 11).map(text.string) == "co")
            #expect(text.words(before: 14, limit: 5).map(text.string) == ["co", "an", "hoa", "xa"])
            #expect(text.word(after: 16).map(text.string) == "mo", "a tab is a blank")
            #expect(text.word(before: 25) == nil, "a comma is no blank")
            #expect(text.isWordStart(at: 0) && text.isWordStart(at: 3) && !text.isWordStart(at: 4))
            #expect(text.skipBlanks(from: 9) == 11 && text.skipBlanksBack(from: 11) == 9)
        }
    }

    @Test func sentencesAndClauses() {
        folded("TP. Vĩnh An có 1.250 hộ. Năm nay có 2,5 ha; còn lại") { text in
            #expect(!text.isSentenceEnd(at: 2), "after an abbreviation")
            #expect(!text.isSentenceEnd(at: 16), "inside a number")
            #expect(text.isSentenceEnd(at: 23))
            #expect(text.sentenceStart(of: 30) == 24)
            #expect(text.sentenceEnd(of: 5) == 23)
            #expect(!text.isClauseEnd(at: 37), "a decimal comma")
            #expect(text.isClauseEnd(at: 42))
        }
    }

    @Test func quotesOnOneLine() {
        folded("mô hình \"Ngõ sạch\" và \"Đèn\nđường\"") { text in
            #expect(text.closingQuote(after: 8) == 17)
            #expect(text.openingQuote(before: 17) == 8)
            #expect(text.closingQuote(after: 22) == nil, "a quote does not run over a line break")
            #expect(text.isInsideQuote(12, from: 0) && !text.isInsideQuote(20, from: 0))
        }
    }
}
