import Testing
import VanThuText
@testable import VanThuExtract

/// The kernel's one phrase matcher: longest phrase first, what may join two words and what may
/// stand before a phrase chosen per table, a predicate that falls back to shorter phrases.
struct FoldedPhraseTableTests {
    /// Runs `body` on the folded bytes of `text`.
    func folded<T>(_ text: String, _ body: (FoldedBytes) -> T) -> T {
        FoldedText(utf8: Array(text.utf8)).bytes.withUnsafeBufferPointer { body(FoldedBytes($0)) }
    }

    @Test func theLongestPhraseWinsThenTheFirstListed() {
        let table = FoldedPhraseTable<String>([("tang", "a"), ("tang them", "b"), ("gom", "c"), ("gom co", "d"), ("tang", "e")])
        folded("Xã tăng thêm 4 tổ") { text in
            #expect(table.match(text, at: 3)?.value == "b")
            #expect(table.match(text, at: 3)?.end == 12)
        }
        folded("tăng 4") { #expect(table.match($0, at: 0)?.value == "a") }
        folded("gồm có 3") { #expect(table.match($0, at: 0)?.value == "d") }
        #expect(table.maximumWords == 2)
    }

    @Test func aRejectedPhraseFallsBackToAShorterOne() {
        let table = FoldedPhraseTable<String>([("an ninh", "field"), ("an ninh trat tu", "theme")])
        folded("giữ an ninh trật tự xóm") { text in
            #expect(table.match(text, at: 4)?.value == "theme")
            #expect(table.match(text, at: 4, limit: text.count, where: { value, _ in value != "theme" })?.value == "field")
            // A limit inside the longer phrase leaves the shorter one.
            #expect(table.match(text, at: 4, limit: 14, where: { _, _ in true })?.value == "field")
        }
    }

    @Test func joinersAreChosenPerTable() {
        let dates = FoldedPhraseTable<Bool>([("cham nhat", true)])
        let counts = FoldedPhraseTable<Bool>(modelCount: [("van hoa xa hoi", true), ("cham nhat", true)])
        // Dates read a phrase across a line break, not across a dash.
        folded("chậm\nnhất") { #expect(dates.match($0, at: 0)?.end == 9) }
        folded("chậm - nhất") { #expect(dates.match($0, at: 0) == nil) }
        // Model counts read dashes and commas between words, not a line break.
        folded("văn hóa-xã hội") { #expect(counts.match($0, at: 0)?.end == 14) }
        folded("văn hóa, xã hội") { #expect(counts.match($0, at: 0)?.end == 15) }
        folded("văn hóa – xã hội") { #expect(counts.match($0, at: 0) != nil) }
        folded("chậm\nnhất") { #expect(counts.match($0, at: 0) == nil) }
    }

    @Test func boundariesAreChosenPerTable() {
        let dates = FoldedPhraseTable<Bool>([("truoc", true)])
        let counts = FoldedPhraseTable<Bool>(modelCount: [("truoc", true)])
        folded("2020trước") { text in
            #expect(dates.match(text, at: 4) != nil, "a digit before a date word is no boundary problem")
            #expect(counts.match(text, at: 4) == nil)
        }
        folded("butrước") { #expect(dates.match($0, at: 2) == nil) }
        folded("trướcđó") { #expect(dates.match($0, at: 0) == nil, "the phrase ends on a word end") }
    }

    @Test func backwardMatchesTheSameTable() {
        let counts = FoldedPhraseTable<Bool>(modelCount: [("tap the", true)])
        folded("29 tập-thể") { text in
            #expect(counts.match(text, endingAt: 10)?.start == 3)
            #expect(counts.match(text, endingAt: 10, where: { _, start in start > 3 }) == nil)
        }
    }
}
