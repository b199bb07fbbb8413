import Testing
@testable import VanThuText
@testable import VanThuExtract

/// Every word table of the lexicon carries its examples: each word marks its own example line
/// (and is the first word of its table that does), and no word marks a counter-example.
struct FoldedWordTableTests {
    static let tables: [FoldedWordTable] = HeaderLexicon.standard.tables + ClassifierLexicon.standard.tables

    @Test(arguments: tables.map(\.id))
    func eachWordMarksItsOwnExample(_ id: String) throws {
        let table = try #require(Self.tables.first { $0.id == id })
        #expect(!table.entries.isEmpty)
        for (index, entry) in table.entries.enumerated() {
            let line = FoldedWordTable.fold(entry.example)
            #expect(table.firstMatch(in: line) == index, "\(id): \(entry.word) on \(entry.example)")
        }
    }

    @Test(arguments: tables.map(\.id))
    func noWordMarksACounterExample(_ id: String) throws {
        let table = try #require(Self.tables.first { $0.id == id })
        #expect(!table.counterExamples.isEmpty, "\(id) has no line it must leave alone")
        for line in table.counterExamples {
            #expect(table.firstMatch(in: FoldedWordTable.fold(line)) == nil, "\(id) marks \(line)")
        }
    }

    @Test(arguments: tables.map(\.id))
    func wordsAreWrittenFolded(_ id: String) throws {
        // A word written with its diacritics or capitals would never match a folded line.
        let table = try #require(Self.tables.first { $0.id == id })
        for entry in table.entries {
            #expect(TextDocument(entry.word).folded.bytes == Array(entry.word.utf8), "\(id): \(entry.word)")
        }
    }

    @Test func aLineStartTableLooksOnlyAtTheStartAndAnAnywhereTableAnywhere() {
        let start = FoldedWordTable("test.start", [("ky boi", "Ký bởi: Sở Tư pháp")], notMatching: ["Văn bản ký bởi Sở"])
        #expect(start.matches(FoldedWordTable.fold("Ký bởi: Sở Tư pháp")))
        #expect(!start.matches(FoldedWordTable.fold("Văn bản ký bởi Sở")))
        #expect(start.matchLength(startOf: FoldedWordTable.fold("Ký bởi: Sở Tư pháp")) == 6)
        let anywhere = FoldedWordTable("test.anywhere", .anywhere, [("ky boi", "Văn bản ký bởi Sở")], notMatching: ["Ký tên"])
        #expect(anywhere.matches(FoldedWordTable.fold("Văn bản ký bởi Sở")))
        #expect(anywhere.occurrence(in: FoldedWordTable.fold("Văn bản ký bởi Sở"))?.range == 8..<14)
        #expect(!anywhere.matches(FoldedWordTable.fold("Ký tên")))
    }
}
