import Testing
@testable import VanThuText

/// `LineTable` (32-bit line ranges) gives the lines a plain split on `\n` gives, on random text.
struct LineTableTests {
    /// The lines as `[Range<Int>]`, the way `TextDocument` found them before `LineTable`.
    static func plainLines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count || bytes.isEmpty || bytes.last == 0x0A { lines.append(start..<bytes.count) }
        return lines
    }

    @Test func linesAreThoseOfAPlainSplit() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "ệ", " ", "\n", "\n\n", "Đ", "1", "\r\n"]
        var texts = ["", "\n", "một", "một\n", "\nhai\n\nba", "\n\n"]
        for _ in 0..<200 {
            let length = Int.random(in: 0..<120, using: &generator)
            texts.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let table = bytes.withUnsafeBufferPointer { LineTable(lineRangesOf: $0) }
            #expect(Array(table) == Self.plainLines(bytes), "\(text.debugDescription)")
            #expect(Array(TextDocument(text).lines) == Self.plainLines(bytes))
        }
    }
}
