import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The one line view of folded text that the classifier, the header reader and the title read.
struct FoldedLinesTests {
    @Test func everyNewlineEndsALineAndTheTextAfterTheLastIsOneMore() {
        #expect(FoldedLines(TextDocument(""), trimming: .spaces).count == 1)
        #expect(FoldedLines(TextDocument("Tổ 3"), trimming: .spaces).count == 1)
        #expect(FoldedLines(TextDocument("Tổ 3\n"), trimming: .spaces).count == 2)
        #expect(FoldedLines(TextDocument("Tổ 3\n\nẤp Bến Cát\n"), trimming: .spaces).count == 4)
    }

    @Test func eachReaderTrimsWhatItsBlanksSay() {
        let document = TextDocument("  **Số: 5/TB-HĐ**\t\n\t Kính gửi \n")
        let header = FoldedLines(document, trimming: .header)
        #expect(header.foldedString(0) == "so: 5/tb-hd")
        #expect(header.text(0) == "Số: 5/TB-HĐ")
        #expect(header.foldedString(1) == "kinh gui")
        let spaces = FoldedLines(document, trimming: .spaces)
        #expect(spaces.foldedString(0) == "**so: 5/tb-hd**\t")
        #expect(spaces.foldedString(1) == "\t kinh gui")
        let white = FoldedLines(document, trimming: .white)
        #expect(white.foldedString(1) == "kinh gui")
    }

    @Test func forEachLineStopsWhenAsked() {
        let bytes = Array("a\nb\nc\nd".utf8)
        var seen: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { p in
            FoldedLines.forEachLine(p) { index, line in
                seen.append(line)
                return index < 1
            }
        }
        #expect(seen == [0..<1, 2..<3])
    }

    @Test func aLineReadsAsTheClassifierReadsIt() {
        let lines = FoldedLines(TextDocument("Nơi nhận:\nTHÔNG BÁO"), trimming: .spaces)
        #expect(lines.withLine(0) { $0.hasPrefix("noi nhan") })
        #expect(!lines.withLine(1) { $0.hasPrefix("noi nhan") })
        #expect(lines.withLine(1) { DocumentLexicon.standard.isTypeName(folded: $0.bytes) })
        #expect(lines.starts(0, with: "noi nhan:"))
        #expect(lines.isAllCaps(1) && !lines.isAllCaps(0))
    }

    @Test func theHeaderSplitsAFlattenedHeaderBlockIntoItsLines() {
        let flat = "UBND XÃ AN HÒA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 4/UBND Độc lập - Tự do - Hạnh phúc V/v họp dân Kính gửi: Các ấp."
        let plain = FoldedLines(TextDocument(flat), trimming: .header)
        let header = FoldedLines(header: TextDocument(flat))
        #expect(plain.count == 1)
        #expect(header.count > 4)
        #expect((0..<header.count).contains { header.starts($0, with: "v/v") })
        #expect((0..<header.count).contains { header.starts($0, with: "kinh gui") })
    }
}
