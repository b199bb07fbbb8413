import Testing
import Foundation
@testable import VanThuText

/// `UnicodeCleaner.endOfPlainRun` (eight bytes at a time first) against the byte-at-a-time scan it
/// had before, from every start of random and edge inputs, valid UTF-8 or not.
struct PlainRunEquivalenceTests {
    static func reference(_ input: [UInt8], from start: Int) -> Int {
        let count = input.count
        var index = start
        while index < count {
            let byte = input[index]
            switch byte {
            case 0x20..<0x7F, 0x80..<0xC0, 0xC4...0xCB:
                index += 1
            case 0xC3:
                guard index + 1 < count, input[index + 1] & 0xDF != 0x90 else { return index }
                index += 2
            case 0xE1:
                guard index + 2 < count, input[index + 1] & 0xFC == 0xB8 else { return index }
                index += 3
            default:
                return index
            }
        }
        return index
    }

    static func expectSame(_ input: [UInt8]) {
        input.withUnsafeBufferPointer { buffer in
            for start in 0...input.count {
                #expect(UnicodeCleaner.endOfPlainRun(buffer, from: start) == Self.reference(input, from: start), "\(input) from \(start)")
            }
        }
    }

    @Test func stopMaskIsExactForEveryByteInEveryPlace() {
        for byte in 0...255 {
            for place in 0..<8 {
                for filler: UInt8 in [0x00, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xFF] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = UInt8(byte)
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    let mask = UnicodeCleaner.stopMask(word)
                    for k in 0..<8 {
                        let stops = bytes[k] < 0x20 || bytes[k] == 0x7F || bytes[k] >= 0xC0
                        #expect((mask >> (8 * UInt64(k) + 7)) & 1 == (stops ? 1 : 0), "byte \(byte) at \(place), filler \(filler)")
                    }
                }
            }
        }
    }

    @Test func sameAsByteAtATimeOnRandomText() {
        var generator = SplitMix64(state: 0xC1EA)
        let extra = ["\r\n", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{AD}", "\u{200B}", "\u{FEFF}", "Ð", "ð", "\u{2028}"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                text += Int.random(in: 0..<4, using: &generator) == 0 ? extra.randomElement(using: &generator)!
                                                                      : FoldingSamples.pieces.randomElement(using: &generator)!
            }
            Self.expectSame(Array(text.utf8))
        }
        for _ in 0..<1_000 {  // any bytes at all
            Self.expectSame((0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
    }

    @Test func sameAsByteAtATimeOnEdges() {
        for text in ["", "a", "abcdefgh", "abcdefghi", "Ủy ban nhân dân tỉnh Đắk Lắk giao các sở, ngành",
                     String(repeating: "ban ", count: 50) + "\n", String(repeating: "ệ", count: 30), "abcdefg\u{C3}"] {
            Self.expectSame(Array(text.utf8))
        }
        Self.expectSame([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xC3])
        Self.expectSame([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0xE1, 0xBA])
    }
}
