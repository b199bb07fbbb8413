import Testing
import VanThuText
@testable import VanThuExtract

/// The kernel's one number reader: a token's groups and separators, read as a date's parts or as a
/// whole number grouped by thousands, and read backwards from where a number ends.
struct NumberTokenTests {
    func folded<T>(_ text: String, _ body: (FoldedBytes) -> T) -> T {
        FoldedText(utf8: Array(text.utf8)).bytes.withUnsafeBufferPointer { body(FoldedBytes($0)) }
    }

    /// The whole number of the token that starts at the first digit of `text`.
    func integer(_ text: String) -> Int? {
        folded(text) { bytes in
            var start = 0
            while start < bytes.count, !bytes.isDigit(start) { start += 1 }
            return NumberToken.read(bytes, at: start).integer(groupedBy: NumberToken.dot, maximumDigits: 7)
        }
    }

    @Test func wholeNumbersGroupedByThousands() {
        #expect(integer("có 3.406 hộ") == 3406)
        #expect(integer("1.250.000 đồng") == 1_250_000)
        #expect(integer("07 tổ") == 7)
        #expect(integer("4815162 lượt") == 4_815_162)
        #expect(integer("48151623 lượt") == nil, "more digits than a run may have")
        #expect(integer("3,5 ha") == nil, "a decimal comma")
        #expect(integer("12.5 km") == nil, "a group not of three digits")
        #expect(integer("1234.567") == nil, "a first group of more than three digits")
        #expect(integer("12/5/2024") == nil, "a date's separators")
    }

    @Test func theSameTokenIsADatesParts() {
        folded("ngày 9/11/2024") { bytes in
            let token = NumberToken.read(bytes, at: 5)
            #expect(token.count == 3 && token.value(0) == 9 && token.value(1) == 11 && token.value(2) == 2024)
            #expect(token.separator(1) == NumberToken.slash && token.isUniform)
            #expect(token.end == 14)
        }
    }

    @Test func readBackwardsFromTheEnd() {
        folded("đạt 2.071 lượt, 3,5 ha và 17/6") { bytes in
            #expect(bytes.numberStart(endingAt: 9) == 4)
            #expect(bytes.numberStart(endingAt: 19) == 16)
            #expect(bytes.numberStart(endingAt: 30) == 29, "a slash is no group separator backwards")
            #expect(bytes.numberStart(endingAt: 5) == 4)
            #expect(bytes.numberStart(endingAt: 6) == 6, "a separator at the end is not read")
        }
    }

    @Test func aDispatchYearLeftWithBlanks() {
        let line = Array(FoldedText(utf8: Array("ngày   tháng   năm 2019".utf8)).bytes)
        #expect(CitationDate.readBlankYear(line, at: 0)?.year == 2019)
        let short = Array(FoldedText(utf8: Array("ngày   tháng   năm 201".utf8)).bytes)
        #expect(CitationDate.readBlankYear(short, at: 0) == nil)
        let long = Array(FoldedText(utf8: Array("ngày   tháng   năm 20190".utf8)).bytes)
        #expect(CitationDate.readBlankYear(long, at: 0) == nil)
    }
}
