import Foundation
import Testing
@testable import VanThuText

/// `FoldedText(utf8:)` looks scalars up in a table and cuts its input into chunks; decoding each
/// scalar and folding it with `fold(value:)` (what the table is built from) must give the same
/// bytes and origins, on Vietnamese text and on broken UTF-8.
struct FoldedTextTests {
    static func reference(_ input: [UInt8]) -> (bytes: [UInt8], origin: [Int32]) {
        var bytes: [UInt8] = []
        var origin: [Int32] = []
        var index = 0
        let count = input.count
        while index < count {
            let lead = input[index]
            if lead < 0x80 {
                bytes.append(lead &- 65 < 26 ? lead | 0x20 : lead)
                origin.append(Int32(index))
                index += 1
                continue
            }
            let start = index
            var length = 1
            var value: UInt32 = 0
            if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
            else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
            else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
            if index + length > count { length = count - index }
            for k in 1..<max(length, 1) { value = value << 6 | UInt32(input[index + k] & 0x3F) }
            index += max(length, 1)
            let folded = FoldedText.fold(value: value) ?? 0
            if folded == 0 { continue }
            bytes.append(folded)
            origin.append(Int32(start))
        }
        origin.append(Int32(count))
        return (bytes, origin)
    }

    static func check(_ input: [UInt8]) {
        let folded = FoldedText(utf8: input)
        let expected = reference(input)
        #expect(folded.bytes == expected.bytes, "\(input)")
        #expect(folded.origin.array == expected.origin, "\(input)")
    }

    @Test func piecesFoldAsScalarByScalar() {
        for piece in SpeedSamples.pieces {
            // Each piece after a few capitals and before more, and followed by lower-case ASCII.
            for pad in 0..<9 {
                Self.check(Array((String(repeating: "A", count: pad) + piece + "bC").utf8))
                Self.check(Array((piece + String(repeating: "x", count: pad)).utf8))
            }
        }
        Self.check([])
        Self.check(Array(String(repeating: "Ủy ban nhân dân tỉnh Trà Vinh ", count: 200).utf8))
        Self.check(Array(String(repeating: "ABCDEFGHIJKLMNOPQRSTUVWXYZ[@`{", count: 40).utf8))
    }

    @Test func randomTextAndBytesFoldAsScalarByScalar() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            Self.check(Array(SpeedSamples.random(Int.random(in: 0...60, using: &generator), using: &generator).utf8))
        }
        // Any bytes: broken sequences, stray continuation bytes, sequences cut by the end.
        let alphabet: [UInt8] = [0x20, 0x41, 0x5A, 0x61, 0x40, 0x5B, 0x7F, 0x80, 0xBF, 0xC3, 0xA0, 0xC4, 0x91, 0xCC, 0x81, 0xE1,
                                 0xBA, 0xB8, 0xBB, 0xE2, 0x80, 0x9C, 0xF0, 0x9F, 0xFF, 0xC0, 0x0A]
        for _ in 0..<3000 {
            Self.check((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }
}
