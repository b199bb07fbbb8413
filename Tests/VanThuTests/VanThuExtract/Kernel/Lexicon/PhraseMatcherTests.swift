import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The kernel's one phrase matcher, and the three views that go through it (word keys, folded
/// bytes, the header's line words): the order of candidates and the comparison are the matcher's.
struct PhraseMatcherTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Reads `text` forward from `start`, words joined by exactly one space.
    static func forward<Value>(_ matcher: PhraseMatcher<UInt8, Value>, _ text: [UInt8], from start: Int) -> (entry: Int, end: Int)? {
        matcher.first(from: start, symbol: { $0 < text.count ? text[$0] : nil },
                      join: { p, _, _ in p < text.count && text[p] == 0x20 ? p + 1 : nil },
                      accept: { _, end in end == text.count || text[end] == 0x20 })
    }

    @Test func theLongestPhraseWinsAndThenTheFirstListed() throws {
        let matcher = PhraseMatcher<UInt8, String>([(Self.bytes("ban"), "a"), (Self.bytes("ban dan van"), "b"),
                                                    (Self.bytes("ban dan"), "c"), (Self.bytes("bam dan"), "d")],
                                                   separator: 0x20)
        let found = Self.forward(matcher, Self.bytes("ban dan van huyen uy"), from: 0)
        #expect(found.map { matcher.values[$0.entry] } == "b")
        #expect(found?.end == 11)
        // A shorter text: the longest phrase that fits.
        let short = Self.forward(matcher, Self.bytes("ban dan vien"), from: 0)
        #expect(short.map { matcher.values[$0.entry] } == "c")
        #expect(short?.end == 7)
        #expect(Self.forward(matcher, Self.bytes("bao cao"), from: 0) == nil)
        #expect(matcher.maximumWords == 3)
    }

    @Test func asListedTheFirstListedWinsWhateverItsLength() throws {
        let matcher = PhraseMatcher<UInt8, Int>([(Self.bytes("so"), 0), (Self.bytes("so:"), 1)], separator: 0, order: .asListed)
        let text = Self.bytes("so: 12")
        let symbol: (Int) -> UInt8? = { $0 < text.count ? text[$0] : nil }
        let noJoin: (Int, Int, Int) -> Int? = { _, _, _ in nil }
        let first = matcher.first(from: 0, symbol: symbol, join: noJoin, accept: { _, _ in true })
        #expect(first?.entry == 0 && first?.end == 2)
        // `accept` passes a candidate over to the next one.
        let second = matcher.first(from: 0, symbol: symbol, join: noJoin, accept: { _, end in end == 3 })
        #expect(second?.entry == 1)
    }

    @Test func backwardFromAnEndReadsTheSamePhrases() throws {
        let matcher = PhraseMatcher<UInt8, String>([(Self.bytes("cham nhat"), "latest"), (Self.bytes("nhat"), "one")],
                                                   separator: 0x20)
        let text = Self.bytes("gui ve huyen cham  nhat")
        let symbol: (Int) -> UInt8? = { $0 >= 0 && $0 < text.count ? text[$0] : nil }
        // Two spaces between the words: the join says how many may stand there.
        let spaces: (Int, Int, Int) -> Int? = { p, _, _ in
            var q = p
            while q > 0 && text[q - 1] == 0x20 { q -= 1 }
            return q < p ? q : nil
        }
        let found = matcher.first(endingAt: text.count, symbol: symbol, join: spaces,
                                  accept: { _, start in start == 0 || text[start - 1] == 0x20 })
        #expect(found.map { matcher.values[$0.entry] } == "latest")
        #expect(found?.start == 13)
    }

    @Test func wordKeysAreSymbolsToo() throws {
        // The word-key view: each word one symbol, 0 between two words.
        let keys = WordTokens("Ban Dân vận Huyện ủy").tokens.map(\.key)
        let matcher = PhraseMatcher<UInt64, String>([([keys[0]], "Ban"), ([keys[0], 0, keys[1], 0, keys[2]], "Ban Dân vận")],
                                                    separator: 0)
        let symbol: (Int) -> UInt64? = { $0 < keys.count ? keys[$0] : nil }
        let found = matcher.first(from: 0, symbol: symbol, join: { p, _, _ in p }, accept: { _, _ in true })
        #expect(found.map { matcher.values[$0.entry] } == "Ban Dân vận")
        #expect(found?.end == 3)
        #expect(matcher.hasPhrase(startingWith: keys[0]) && !matcher.hasPhrase(startingWith: keys[3]))
    }

    @Test func theViewsAgreeOnOneListOfPhrases() throws {
        // The same phrases as word keys (`PhraseTable`) and as folded bytes (`FoldedPhraseTable`)
        // find the same phrase in the same text.
        let phrases = ["Hội Nông dân", "Hội", "Hội Nông dân Việt Nam", "Nông dân"]
        let words = PhraseTable(phrases.map { ($0, $0) })
        let folded = FoldedPhraseTable(phrases.map { (VietnameseFolding.searchFold($0), $0) })
        for text in ["Hội Nông dân Việt Nam tỉnh", "Hội Nông dân xã Tân Lập", "Hội Cựu chiến binh"] {
            let tokens = WordTokens(text)
            let byWords = words.match(tokens, at: 0)?.value
            let byBytes = FoldedText(utf8: Array(text.utf8)).bytes.withUnsafeBufferPointer { folded.match(FoldedBytes($0), at: 0)?.value }
            #expect(byWords == byBytes, "\(text)")
            #expect(byWords != nil)
        }
    }

    @Test func aHeaderTableTakesWordsFromTheConfiguration() {
        let table = HeaderLexicon.standard.noise.adding(["Mã định danh"])
        #expect(table.matches(FoldedWordTable.fold("Mã định danh: H12.34")))
        #expect(!HeaderLexicon.standard.noise.matches(FoldedWordTable.fold("Mã định danh: H12.34")))
        #expect(table.entries.last?.word == "ma dinh danh")
        // The standard words still match.
        #expect(table.matches(FoldedWordTable.fold("Số: 12/UBND-VP")))
    }
}
