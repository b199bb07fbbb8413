import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract

/// Issue 14 (item 8): one large document must not be held many times over. These check the
/// structure that keeps the peak down (measured numbers are in the closing note): each
/// stage lets go of its input, a large text is held once as bytes, fold origins are compact.
struct LargeDocumentMemoryTests {
    static func largeText() -> String {
        let line = "Ủy ban nhân dân xã Hòa Bình triển khai 12 mô hình dân vận khéo trước ngày 30/9/2023.\n"
        return String(repeating: line, count: NormalizeStage.largeText / line.utf8.count + 10)
    }

    @Test func eachStageLetsGoOfItsInput() throws {
        let text = Self.largeText()
        let raw = RawDocument(file: SourceFile(path: "/x.txt", relativePath: "x.txt", size: text.utf8.count),
                              bytes: Array(text.utf8), sha256: "00", format: "text")
        var decoded = try DecodeStage().run(raw)
        #expect(decoded.raw.bytes.isEmpty, "the decoded document still holds the file's bytes")
        #expect(decoded.text.utf8.count == text.utf8.count)
        let clean = try NormalizeStage().run(taking: &decoded)
        #expect(decoded.text.isEmpty, "normalize kept the decoded text")
        // Held once, as bytes: the String is made when asked.
        #expect(clean.document.storedText == nil)
        #expect(clean.document.text.utf8.count == clean.document.utf8.count)
        // A small text keeps its String.
        var small = try DecodeStage().run(RawDocument(file: raw.file, bytes: Array("Xã Hòa Bình năm 2023.".utf8), sha256: "00", format: "text"))
        #expect(try NormalizeStage().run(taking: &small).document.storedText != nil)
    }

    @Test func foldOriginsTakeAboutOneByteAnEntry() {
        let text = Array(Self.largeText().utf8)
        let folded = FoldedText(utf8: text)
        #expect(folded.origin.count == folded.bytes.count + 1)
        #expect(folded.origin.storageBytes < folded.origin.count * 5 / 4, "\(folded.origin.storageBytes) bytes for \(folded.origin.count) entries")
    }
}
