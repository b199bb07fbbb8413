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

    /// `copy` reads blocks in order: the same entries as the subscript, from and to any place,
    /// across blocks of steps and blocks kept whole.
    @Test func copiedRangesAreTheEntries() {
        var generator = SplitMix64(state: 15)
        var value: Int32 = 3
        var values: [Int32] = []
        for _ in 0..<700 {
            values.append(value)
            value += Int32(generator.next() % 40 == 0 ? 5 + generator.next() % 300 : 1 + generator.next() % 4)
        }
        let origin = FoldedOrigin(values)
        var out = [Int32](repeating: -1, count: values.count)
        for _ in 0..<400 {
            let a = Int(generator.next() % UInt64(values.count + 1))
            let b = Int(generator.next() % UInt64(values.count + 1))
            let range = min(a, b)..<max(a, b)
            out.withUnsafeMutableBufferPointer { origin.copy(range, to: $0.baseAddress!) }
            #expect(Array(out[0..<range.count]) == Array(values[range]), "\(range)")
        }
    }

    /// The fold of kept lines, made from the whole text's fold, is the fold of the kept text,
    /// with a line longer than the chunks the origins are copied in.
    @Test func keptLinesFoldAsTheKeptText() {
        let long = String(repeating: "Điều 5. Hiệu lực thi hành ", count: FoldedText.chunk / 10)
        let originalLines = ["Trang chủ", long, "Quay lại", "Nơi nhận: Bộ Tài chính", "", "Chia sẻ", "Ký tên"]
        let original = Array(originalLines.joined(separator: "\n").utf8)
        let fold = FoldedText(utf8: original)
        // Each line's range in the text and in its fold (a newline folds to one byte, itself).
        var ranges: [(utf8: Range<Int>, folded: Range<Int>)] = []
        var (byte, folded) = (0, 0)
        for line in originalLines {
            let foldedEnd = fold.bytes[folded...].firstIndex(of: 0x0A) ?? fold.bytes.count
            ranges.append((byte..<(byte + line.utf8.count), folded..<foldedEnd))
            byte += line.utf8.count + 1
            folded = foldedEnd + 1
        }
        var kept: [UInt8] = []
        var lines: [(folded: Range<Int>, from: Int, to: Int, newlines: Int)] = []
        for index in [1, 3, 6] {
            let newlines = kept.isEmpty ? 0 : (index == 6 ? 2 : 1)
            kept += [UInt8](repeating: 0x0A, count: newlines)
            lines.append((ranges[index].folded, ranges[index].utf8.lowerBound, kept.count, newlines))
            kept += original[ranges[index].utf8]
        }
        let made = FoldedText(lines: lines, of: fold, count: kept.count)
        let expected = FoldedText(utf8: kept)
        #expect(made.bytes == expected.bytes)
        #expect(made.origin.array == expected.origin.array)
    }
}
