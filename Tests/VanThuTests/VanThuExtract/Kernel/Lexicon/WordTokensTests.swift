import Foundation
import Testing
@testable import VanThuExtract

struct WordTokensTests {
    @Test func keysIgnoreCaseAndTonePlacement() {
        #expect(WordKey.key("Hoà") == WordKey.key("hòa"))
        #expect(WordKey.key("UỶ") == WordKey.key("ủy"))
        #expect(WordKey.key("Ủy".decomposedStringWithCanonicalMapping) == WordKey.key("ủy"))
    }

    @Test func keysKeepOtherDiacritics() {
        #expect(WordKey.key("Sở") != WordKey.key("Số"))
        #expect(WordKey.key("Ban") != WordKey.key("bản"))
        #expect(WordKey.key("Đội") != WordKey.key("đổi"))
        #expect(WordKey.key("dân") != WordKey.key("đân"))
    }

    @Test func tokensCarryCaseSpansAndGaps() {
        let tokens = WordTokens("Ban Dân vận, UBND tỉnh\n“Dân vận khéo”")
        #expect(tokens.count == 8)
        #expect(tokens[0].isCapitalized && !tokens[0].isAllCaps)
        #expect(tokens[3].isAllCaps)
        #expect(tokens[3].gap.contains(.comma))
        #expect(tokens[5].gap.contains(.newline) && tokens[5].gap.contains(.openQuote))
        #expect(tokens[1].scalarStart == 4 && tokens[1].scalarEnd == 7)
    }

    @Test func phraseTableFindsTheLongestPhrase() {
        var table = PhraseTable<Int>()
        table.insert("Ban", 1)
        table.insert("Ban Chỉ đạo", 2)
        table.insert("Văn hóa, Thể thao và Du lịch", 3)
        let tokens = WordTokens("BAN CHỈ ĐẠO và Bộ Văn hóa, Thể thao và Du lịch")
        #expect(table.match(tokens, at: 0)?.value == 2)
        #expect(table.match(tokens, at: 0)?.length == 3)
        #expect(table.match(tokens, at: 5)?.value == 3)
    }
}
