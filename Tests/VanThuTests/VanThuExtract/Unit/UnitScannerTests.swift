import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The scanner runs the unit grammar only where names can start; it must find what a full pass of
/// the parser over every word finds.
struct UnitScannerTests {
    static func full(_ text: String) -> [String] {
        let document = TextDocument(text)
        let parser = UnitParser(tokens: WordTokens(utf8: document.utf8), lexicon: .standard, utf8: document.utf8)
        parser.run()
        return parser.mentions.map { "\($0.bytes) \($0.scalars) \($0.rule)" }
    }

    static func scanned(_ text: String) -> [String] {
        UnitScanner(lexicon: .standard).scan(TextDocument(text)).mentions.map { "\($0.bytes) \($0.scalars) \($0.rule)" }
    }

    static var texts: [String] {
        var texts = UnitExtractor.exampleList.map(\.text) + HeaderExtractor.exampleList.map(\.text)
        let seeds = SharedSeedsTests.shared.appendingPathComponent("seeds")
        if let files = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            for file in files.sorted() {
                if let text = try? String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8) { texts.append(text) }
            }
        }
        // Real news and gazette text, when the shared corpora are there.
        for (folder, limit) in [("corpora/news-dantri", 60), ("corpora/congbao/bhxh", 4)] {
            let url = SharedSeedsTests.shared.appendingPathComponent(folder)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".txt") }
            for file in files.sorted().prefix(limit) {
                if let text = try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8) {
                    texts.append(UnicodeCleaner.clean(text))
                }
            }
        }
        return texts
    }

    @Test func scannerFindsWhatAFullPassFinds() {
        for text in Self.texts {
            let full = Self.full(text)
            let scanned = Self.scanned(text)
            #expect(full == scanned, "\(text.prefix(60)): full-only \(Set(full).subtracting(scanned)), scan-only \(Set(scanned).subtracting(full))")
        }
    }

    @Test func wordKeysMatchTokenKeys() {
        let text = "Ủy ban nhân dân TỈNH Quảng Trị, UBND huyện; Hội LHPN xã Hoà Bình, “Dân vận khéo” 2024 Ðảng"
        let tokens = WordTokens(text)
        let utf8 = Array(text.utf8)
        VietnameseLetters.withTable { table in
            utf8.withUnsafeBufferPointer { p in
                for token in tokens.tokens {
                    let (key, end) = WordTokens.wordKey(p, at: Int(token.start), table)
                    #expect(key == token.key)
                    #expect(end == Int(token.end))
                }
            }
        }
    }
}
