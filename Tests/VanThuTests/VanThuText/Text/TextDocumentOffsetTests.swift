import Testing
import Foundation
@testable import VanThuText

/// Byte → scalar offsets of `TextDocument` (checkpoints counted eight bytes at a time) against a
/// plain count of the scalars before each scalar boundary.
struct TextDocumentOffsetTests {
    static func expectOffsets(_ text: String) {
        let document = TextDocument(text)
        var scalars = 0
        var byte = 0
        for scalar in text.unicodeScalars {
            #expect(document.scalarOffset(ofByte: byte) == scalars, "byte \(byte) of \(Array(text.utf8).count)")
            byte += UTF8.width(scalar)
            scalars += 1
        }
        #expect(document.scalarOffset(ofByte: byte) == scalars)
    }

    @Test func sameAsCountingScalarsOnRandomText() {
        var generator = SplitMix64(state: 0x7E47)
        for _ in 0..<400 {
            var text = ""
            let pieces = Int.random(in: 0...120, using: &generator)
            for _ in 0..<pieces {
                text += FoldingSamples.pieces.randomElement(using: &generator)!
                if Bool.random(using: &generator) { text += "\n" }
            }
            Self.expectOffsets(text)
        }
    }

    /// The branch-free count of scalar starts against the plain test of each byte, on every byte
    /// value and on random bytes of lengths around the 64-byte sums.
    @Test func scalarStartsCountsNonContinuationBytes() {
        func plain(_ bytes: [UInt8]) -> Int { bytes.filter { $0 & 0xC0 != 0x80 }.count }
        for byte in 0...255 {
            let bytes = [UInt8(byte)]
            #expect(bytes.withUnsafeBufferPointer { TextDocument.scalarStarts($0) } == plain(bytes), "byte \(byte)")
        }
        var generator = SplitMix64(state: 0x5CA1)
        for length in [0, 1, 63, 64, 65, 128, 129, 300, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(bytes.withUnsafeBufferPointer { TextDocument.scalarStarts($0) } == plain(bytes), "length \(length)")
        }
    }

    @Test func sameAsCountingScalarsOnEdges() {
        for length in [0, 1, 7, 8, 63, 64, 65, 127, 128, 129, 640] {
            Self.expectOffsets(String(repeating: "a", count: length))
            Self.expectOffsets(String(repeating: "ệ", count: length))
            Self.expectOffsets(String(repeating: "😀", count: length))
            Self.expectOffsets(String(repeating: "ă", count: length) + "x")
        }
    }
}
