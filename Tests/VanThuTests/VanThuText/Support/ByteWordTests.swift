import Testing
@testable import VanThuText

/// Every mask of `ByteWord` against the byte-at-a-time test it stands for: each byte value in
/// each of the eight places, among fillers that provoke carries and borrows.
struct ByteWordTests {
    static let fillers: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x20, 0x30, 0x39, 0x41, 0x5A, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE1, 0xFF]

    /// Calls `check` with each word that holds `byte` at `place` and a filler elsewhere.
    static func words(_ check: (_ word: UInt64, _ bytes: [UInt8]) -> Void) {
        for byte in 0...255 {
            for place in 0..<8 {
                for filler in fillers {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = UInt8(byte)
                    let word = bytes.withUnsafeBytes { ByteWord.load($0.baseAddress!, 0) }
                    check(word, bytes)
                }
            }
        }
    }

    /// The mask a byte-at-a-time test gives: 0x80 in each byte that passes it.
    static func mask(_ bytes: [UInt8], _ test: (UInt8) -> Bool) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | (test($1.element) ? 0x80 << UInt64(8 * $1.offset) : 0) }
    }

    @Test func exactMasksFlagWhatTheByteTestsFlag() {
        Self.words { word, bytes in
            #expect(ByteWord.equalBytes(word, 0x20) == Self.mask(bytes) { $0 == 0x20 })
            #expect(ByteWord.equalBytes(word, 0x7F) == Self.mask(bytes) { $0 == 0x7F })
            #expect(ByteWord.bytesBelow(word, 0x20) == Self.mask(bytes) { $0 < 0x20 })
            #expect(ByteWord.bytesBelow(word, 0x80) == Self.mask(bytes) { $0 < 0x80 })
            #expect(ByteWord.bytesIn(word, 0x30...0x39) == Self.mask(bytes) { $0 >= 0x30 && $0 <= 0x39 })
            #expect(ByteWord.bytesIn(word, 0x41...0x5A) == Self.mask(bytes) { $0 >= 0x41 && $0 <= 0x5A })
            #expect(ByteWord.bytesIn(word, 0x00...0x7F) == Self.mask(bytes) { $0 < 0x80 })
            #expect(ByteWord.nonASCII(word) == Self.mask(bytes) { $0 >= 0x80 })
            #expect(ByteWord.leadBytes(word) == Self.mask(bytes) { $0 >= 0xC0 })
            #expect(ByteWord.continuationBytes(word) == Self.mask(bytes) { $0 & 0xC0 == 0x80 })
        }
    }

    @Test func yesNoAnswersAndFirstMatchesAreExact() {
        Self.words { word, bytes in
            for target: UInt8 in [0x0A, 0x22, 0xC2] {
                #expect(ByteWord.hasByte(word, target) == bytes.contains(target))
                let first = ByteWord.firstEqualByte(word, target)
                if let index = bytes.firstIndex(of: target) {
                    #expect(first != 0 && ByteWord.firstFlagged(first) == index)
                } else {
                    #expect(first == 0)
                }
            }
            #expect(ByteWord.hasByteBelow(word, 0x20) == bytes.contains { $0 < 0x20 })
        }
    }

    @Test func loadAndStoreKeepTheBytesInOrder() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        let word = bytes.withUnsafeBytes { ByteWord.load($0.baseAddress!, 1) }
        #expect(word & 0xFF == 2 && word >> 56 == 9)
        var out = [UInt8](repeating: 0, count: 9)
        out.withUnsafeMutableBytes { ByteWord.store(word, $0.baseAddress!, 1) }
        #expect(out == [0, 2, 3, 4, 5, 6, 7, 8, 9])
    }
}
