import Testing
import Foundation
@testable import VanThuText

/// `JSONWriter`'s quoted strings against a plain escaper, a byte at a time, as the writer did
/// before it jumped to the first byte to escape in eight.
struct JSONEscapeEquivalenceTests {
    static func reference(_ value: String) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x22]
        for byte in value.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case ..<0x20: out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return out
    }

    static func written(_ value: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.string(value)
        return writer.bytes
    }

    @Test func escapeMaskIsExactForEveryByteInEveryPlace() {
        for byte in 0...255 {
            for place in 0..<8 {
                for filler: UInt8 in [0x00, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xC3, 0xFF] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = UInt8(byte)
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    let mask = JSONWriter.escapeMask(word)
                    for k in 0..<8 {
                        let needs = bytes[k] < 0x20 || bytes[k] == 0x22 || bytes[k] == 0x5C
                        #expect((mask >> (8 * UInt64(k) + 7)) & 1 == (needs ? 1 : 0), "byte \(byte) at \(place), filler \(filler)")
                    }
                    #expect(mask & ~0x8080_8080_8080_8080 == 0)
                }
            }
        }
    }

    @Test func sameAsByteAtATimeOnRandomText() {
        var generator = SplitMix64(state: 0x150E)
        let extra = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{7}", "\u{1F}", "\u{7F}", "/", "\u{85}", "\u{2028}"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                text += Bool.random(using: &generator) ? extra.randomElement(using: &generator)!
                                                       : FoldingSamples.pieces.randomElement(using: &generator)!
            }
            #expect(Self.written(text) == Self.reference(text), "\(Array(text.utf8))")
        }
    }

    @Test func sameAsByteAtATimeOnEdges() {
        let line = "Ủy ban nhân dân tỉnh “Đắk Lắk” \\ \"quote\"\tgiao\r\n"
        for text in ["", "a", "\"", "\n", String(repeating: "a", count: 7), String(repeating: "a", count: 8) + "\n",
                     String(repeating: "\n", count: 17), String(repeating: line, count: 2_000), "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
                     "abcdefg\"", "abcdefgh\\", "😀😀\"😀"] {
            #expect(Self.written(text) == Self.reference(text))
        }
    }
}
