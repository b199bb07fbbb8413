import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The unit scanner reads the words of a window from those of the window before; read afresh,
/// every window must have the same words, field for field.
struct WordTokensReuseTests {
    static func same(_ a: [WordTokens.Token], _ b: [WordTokens.Token]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.start == y.start && x.end == y.end && x.scalarStart == y.scalarStart && x.scalarEnd == y.scalarEnd
                && x.key == y.key && x.gap == y.gap && x.flags == y.flags
        }
    }

    static func check(_ utf8: [UInt8], _ previous: Range<Int>, _ next: Range<Int>) {
        let document = TextDocument(text: String(decoding: utf8, as: UTF8.self), utf8: utf8)
        let old = WordTokens(utf8: utf8, range: previous, scalarBase: document.scalarOffset(ofByte: previous.lowerBound))
        let base = document.scalarOffset(ofByte: next.lowerBound)
        let reused = WordTokens(utf8: utf8, range: next, scalarBase: base, reusing: old, of: previous)
        let fresh = WordTokens(utf8: utf8, range: next, scalarBase: base)
        #expect(same(reused.tokens, fresh.tokens), "\(previous) → \(next) in \(utf8)")
    }

    @Test func windowsReadFromTheWindowBefore() {
        var generator = SystemRandomNumberGenerator()
        var texts = (0..<300).map { _ in Array(SpeedSamples.random(Int.random(in: 1...90, using: &generator), using: &generator).utf8) }
        texts.append(Array(String(repeating: "Phó Bí thư Thường trực Thành ủy Lương Quốc Tuấn, ", count: 30).utf8))
        texts.append(Array(String(repeating: "Ủy ban\n\nnhân dân “tỉnh” Trà-Vinh; UBND 12/3 ", count: 30).utf8))
        for utf8 in texts {
            let count = utf8.count
            for _ in 0..<40 {
                // Ranges anywhere, inside words and scalars too, and ranges that grow at one end.
                let a = Int.random(in: 0...count, using: &generator)
                let b = Int.random(in: a...count, using: &generator)
                let c = Int.random(in: 0...count, using: &generator)
                let d = Int.random(in: c...count, using: &generator)
                Self.check(utf8, a..<b, c..<d)
                Self.check(utf8, a..<b, a..<max(b, d))
                Self.check(utf8, a..<b, (a + (b - a) / 2)..<max(b, d))
            }
        }
    }

    @Test func windowsOfTheUnitScanner() {
        // Windows as the scanner makes them: on word boundaries, growing forwards.
        let text = String(repeating: "Ban Dân vận Tỉnh ủy và Ủy ban nhân dân huyện Triệu Phong “Dân vận khéo” 2020.\n", count: 20)
        let utf8 = Array(text.utf8)
        var low = 0
        while low < utf8.count {
            var high = min(utf8.count, low + 150)
            while high < utf8.count && utf8[high] != 0x20 && utf8[high] != 0x0A { high += 1 }
            var next = min(utf8.count, low + 70)
            while next > 0 && next < utf8.count && utf8[next - 1] != 0x20 { next -= 1 }
            var nextHigh = min(utf8.count, high + 90)
            while nextHigh < utf8.count && utf8[nextHigh] != 0x20 { nextHigh += 1 }
            Self.check(utf8, low..<high, next..<nextHigh)
            Self.check(utf8, low..<high, low..<nextHigh)
            low = max(next, low + 1)
        }
    }
}
