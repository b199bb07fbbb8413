import Testing
import Foundation
@testable import VanThuText

/// `UnicodeCleaner.endOfPlainRun` (its byte table) against the rule written out byte by byte,
/// from every start of random and edge inputs, valid UTF-8 or not; and a few runs whose end is known.
struct PlainRunTests {
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

    @Test func randomTextFollowsTheRule() {
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

    @Test func edgesFollowTheRule() {
        for text in ["", "a", "abcdefgh", "abcdefghi", "Ủy ban nhân dân tỉnh Đắk Lắk giao các sở, ngành",
                     String(repeating: "ban ", count: 50) + "\n", String(repeating: "ệ", count: 30), "abcdefg\u{C3}"] {
            Self.expectSame(Array(text.utf8))
        }
        Self.expectSame([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xC3])
        Self.expectSame([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0xE1, 0xBA])
    }

    @Test func runsEndWhereCleaningHasWorkToDo() {
        func end(_ text: String, from start: Int = 0) -> Int {
            Array(text.utf8).withUnsafeBufferPointer { UnicodeCleaner.endOfPlainRun($0, from: start) }
        }
        #expect(end("Sở Nội vụ tỉnh") == "Sở Nội vụ tỉnh".utf8.count)  // Vietnamese letters are plain
        #expect(end("ab\tcd") == 2)                                      // a tab is not
        #expect(end("xã Ðông") == "xã ".utf8.count)                      // Ð (U+00D0) is not
        #expect(end("số\u{00A0}5") == "số".utf8.count)                   // nor a no-break space
        #expect(end("ngày\u{200B}") == "ngày".utf8.count)                // nor a zero-width space
        #expect(end("a\u{0301}") == 1)                                   // nor a combining mark
        #expect(end("\u{7F}abc", from: 1) == 4)
    }
}
