import Foundation
import Testing
@testable import VanThuExtract

/// `QuoteSpans` jumps to the first quote or line break of each eight bytes; byte by byte (the
/// loop it replaced) it must find the same spans.
struct QuoteSpansEquivalenceTests {
    static func reference(_ utf8: [UInt8]) -> [Range<Int>] {
        var stack: [(offset: Int, straight: Bool)] = []
        var spans: [Range<Int>] = []
        let count = utf8.count
        var k = 0
        while k < count {
            let b = utf8[k]
            if b == 0x0A {
                stack.removeAll()
            } else if b == 0x22 {
                if let last = stack.last, last.straight {
                    stack.removeLast()
                    if k - last.offset <= QuoteSpans.maximumLength { spans.append(last.offset..<k) }
                } else {
                    stack.append((k + 1, true))
                }
            } else if b == 0xE2, k + 2 < count, utf8[k + 1] == 0x80 {
                let c = utf8[k + 2]
                if c == 0x9C || c == 0x9E {
                    stack.append((k + 3, false))
                } else if c == 0x9D || c == 0x9F, let last = stack.popLast() {
                    if k - last.offset <= QuoteSpans.maximumLength { spans.append(last.offset..<k) }
                }
                k += 2
            } else if b == 0xC2, k + 1 < count, utf8[k + 1] == 0xAB || utf8[k + 1] == 0xBB {
                if utf8[k + 1] == 0xAB { stack.append((k + 2, false)) }
                else if let last = stack.popLast(), k - last.offset <= QuoteSpans.maximumLength { spans.append(last.offset..<k) }
                k += 1
            }
            k += 1
        }
        return spans.sorted { $0.lowerBound < $1.lowerBound }
    }

    static func check(_ utf8: [UInt8]) {
        #expect(QuoteSpans(utf8).spans == reference(utf8), "\(utf8)")
    }

    @Test func sameSpansAsByteByByte() {
        for text in ["", "\"", "“a”", "«b»", "a \"b\" c “d «e» f” g\nh “i", "‘x’ “y\nz”", "Kế hoạch “Dân vận khéo” năm 2020",
                     String(repeating: "x", count: 500) + "“" + String(repeating: "y", count: 490) + "”",
                     "“" + String(repeating: "Đảng ", count: 100) + "”", "Bđ«b»Âé\"ê\"ß€•—–"] {
            for pad in 0..<9 { Self.check(Array((String(repeating: "a", count: pad) + text).utf8)) }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            Self.check(Array(SpeedSamples.random(Int.random(in: 0...80, using: &generator), using: &generator).utf8))
        }
        let alphabet: [UInt8] = [0x20, 0x0A, 0x22, 0x61, 0xC2, 0xAB, 0xBB, 0xE2, 0x80, 0x9C, 0x9D, 0x9E, 0x9F, 0xC3, 0x82, 0x42]
        for _ in 0..<3000 {
            Self.check((0..<Int.random(in: 0...48, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }
}
