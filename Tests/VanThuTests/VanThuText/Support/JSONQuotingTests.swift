import Testing
import Foundation
@testable import VanThuText

/// `JSONWriter`'s quoted strings against a plain escaper written as RFC 8259 puts it: quote,
/// backslash and control bytes escaped, everything else copied.
struct JSONQuotingTests {
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

    @Test func randomTextIsEscapedAsTheRFCSays() {
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

    @Test func edgesAreEscapedAsTheRFCSays() {
        let line = "Ủy ban nhân dân tỉnh “Đắk Lắk” \\ \"quote\"\tgiao\r\n"
        for text in ["", "a", "\"", "\n", String(repeating: "a", count: 7), String(repeating: "a", count: 8) + "\n",
                     String(repeating: "\n", count: 17), String(repeating: line, count: 2_000), "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
                     "abcdefg\"", "abcdefgh\\", "😀😀\"😀"] {
            #expect(Self.written(text) == Self.reference(text))
        }
    }

    @Test func knownQuotings() {
        #expect(String(decoding: Self.written("a\"b\\c\nd\u{1}é"), as: UTF8.self) == #""a\"b\\c\nd\u0001é""#)
        #expect(Self.written("") == [0x22, 0x22])
    }
}
