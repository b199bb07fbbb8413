import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract

/// `NormalizeStage` makes its text of slices of the decoded text when cleaning changed nothing;
/// the text must be the clean bytes and what cleaning and filtering give one after the other.
struct NormalizeSliceTests {
    static func decoded(_ text: String) -> DecodedDocument {
        DecodedDocument(raw: RawDocument(file: SourceFile(url: URL(fileURLWithPath: "/x.txt"), relativePath: "x.txt", size: 0),
                                         bytes: [], sha256: "", format: .text),
                        text: text, encoding: "utf-8")
    }

    static func check(_ text: String) {
        let expected = ChromeFilter().filter(UnicodeCleaner.clean(text)).text
        do {
            // The filter drops every chrome line, as a document of a kind that no rule keeps them
            // for: normalizing and then settling the kind-dependent lines for news does the same.
            let clean = try NormalizeStage().run(decoded(text))
            let document = clean.settlingChrome(for: .news).document
            #expect(document.text == expected, "\(Array(text.utf8))")
            for document in [document, clean.document] {
                #expect(Array(document.text.utf8) == document.utf8, "\(Array(text.utf8))")
                #expect(document.text.utf8.count == document.utf8.count)
            }
        } catch {
            // No letters: the reference has none either.
            #expect(!expected.unicodeScalars.contains { $0.properties.isAlphabetic }, "\(text)")
        }
    }

    @Test func textsThatNeedNoCleaning() {
        Self.check("Một dòng.")
        Self.check("Một dòng.\n")
        Self.check("\n\nMột dòng.\n\n\nHai dòng.\n\n")
        Self.check("Skip to main content\nTiêu đề bài\n\nĐoạn một.\nĐang online: 3\nĐoạn hai.\n")
        Self.check("Đang online: 3\n\nĐoạn một.\n\n\n\nĐang online: 4\n\nĐoạn hai.")
        Self.check("A\n\nĐang online: 3\n\nB\nĐang online: 4\nC")
        Self.check(String(repeating: "Ban Dân vận Tỉnh ủy tổ chức hội nghị.\n", count: 300) + "Đang online: 2\n"
              + String(repeating: "Đoạn hai có dấu.\n\n", count: 300))
    }

    @Test func textsThatNeedCleaning() {
        Self.check("Một dòng.  \nHai\r\nba\tbốn\u{00A0}năm Ðoàn\nHoa\u{0300}\n")
        Self.check("\u{FEFF}Một\u{200B} dòng\u{2028}hai")
    }

    @Test func randomDocuments() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 { Self.check(SpeedSamples.document(using: &generator)) }
        for _ in 0..<500 {
            Self.check(SpeedSamples.random(Int.random(in: 0...80, using: &generator), using: &generator))
        }
    }
}
