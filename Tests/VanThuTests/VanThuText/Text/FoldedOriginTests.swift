import Testing
@testable import VanThuText

/// The compact origins of `FoldedText` (issue 14, memory): the same entries as a plain array,
/// whatever the distances, and the chunked fold of a long text the same as the whole one.
struct FoldedOriginTests {
    @Test func entriesAreKeptExactly() {
        var generator = SplitMix64(state: 14)
        for length in [0, 1, 31, 32, 33, 64, 65, 1000] {
            var value: Int32 = 0
            var values: [Int32] = []
            for _ in 0..<length {
                values.append(value)
                // Mostly short steps, sometimes a long run (distances past 255 in a block).
                value += Int32(generator.next() % 50 == 0 ? 100 + generator.next() % 5000 : generator.next() % 5)
            }
            let origin = FoldedOrigin(values)
            #expect(origin.count == values.count)
            #expect(origin.array == values)
        }
    }

    @Test func aLongTextFoldsTheSameInChunks() {
        // Scalars of one to four bytes and combining marks, across many chunk boundaries.
        let pieces = ["Ủy ban ", "nhân dân ", "tỉnh Bình Phước ", "😀 ", "a\u{0301}\u{0323} ", "“trích” ", "x", "\n", "đường ", "𝔸𝔹 "]
        var generator = SplitMix64(state: 7)
        var text = ""
        while text.utf8.count < 3 * FoldedText.chunk + 123 { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        // A run of combining marks longer than a block's distances allow.
        text += "e" + String(repeating: "\u{0301}", count: 400) + " cuối"
        let input = Array(text.utf8)
        let folded = FoldedText(utf8: input)
        let expected = FoldedTextTests.reference(input)
        #expect(folded.bytes == expected.bytes)
        #expect(folded.origin.array == expected.origin)
    }
}
