/// Bit tricks on eight bytes at once (a `UInt64` loaded from text), for the byte scanners that
/// skip stretches with nothing of interest ("Bit Twiddling Hacks": has zero byte, has less than).
/// The one place these tricks are written: a scanner loads a word with `load`, asks for a mask of
/// the bytes it stops at, and goes to `firstFlagged` of it.
///
/// A mask has the high bit (0x80) set in each byte it flags and no other bit. Byte 0 of a word is
/// the byte at the lowest address (the words are read little-endian), so the first flagged byte
/// is the lowest set bit.
package enum ByteWord {
    package static let ones: UInt64 = 0x0101_0101_0101_0101
    package static let highs: UInt64 = 0x8080_8080_8080_8080
    package static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `base + offset` (no alignment needed), the first in the lowest byte.
    @inline(__always)
    package static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    package static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 { load(UnsafeRawPointer(base), offset) }

    /// Whether the scanners read eight bytes at a time; a build with `-DBYTE_AT_A_TIME` reads them
    /// one at a time, to measure what the words buy.
    package static var wordScans: Bool {
        #if BYTE_AT_A_TIME
        false
        #else
        true
        #endif
    }

    /// Writes `word` as eight bytes at `base + offset` (no alignment needed), as `load` reads them.
    @inline(__always)
    package static func store(_ word: UInt64, _ base: UnsafeMutableRawPointer, _ offset: Int) {
        base.storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt64.self)
    }

    /// Which of the eight bytes (0–7) is the first that `mask` flags; `mask` is not 0.
    @inline(__always)
    package static func firstFlagged(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }

    /// Whether any byte of `word` equals `byte` (exact as a yes/no answer).
    @inline(__always)
    package static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Flags each byte of `word` that equals `byte` (exactly: no borrow between bytes).
    @inline(__always)
    package static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & lows) &+ lows) | x) & highs
    }

    /// Flags the first byte of `word` that equals `byte`, and maybe some after it: the borrow of
    /// the subtraction can flag bytes above a match, never below. For finding where the first of
    /// several bytes is, by or-ing such masks, with fewer operations than `equalBytes`.
    @inline(__always)
    package static func firstEqualByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Whether any byte of `word` is below `limit` (at most 0x80; exact as a yes/no answer).
    @inline(__always)
    package static func hasByteBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Flags each byte of `word` below `limit` (at most 0x80), exactly: a byte is at least `limit`
    /// when its high bit is set or its low seven bits plus `0x80 - limit` reach 0x80.
    @inline(__always)
    package static func bytesBelow(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        ~(((word & lows) &+ ones &* UInt64(0x80 - limit)) | word) & highs
    }

    /// Flags each byte of `word` in `range`, a range of ASCII bytes, exactly.
    @inline(__always)
    package static func bytesIn(_ word: UInt64, _ range: ClosedRange<UInt8>) -> UInt64 {
        let low = word & lows
        let atLeastLower = low &+ ones &* UInt64(0x80 - range.lowerBound)
        let pastUpper = low &+ ones &* UInt64(0x7F - range.upperBound)
        return atLeastLower & ~pastUpper & ~word & highs
    }

    /// Flags each byte of `word` that is not ASCII (0x80 and up).
    @inline(__always)
    package static func nonASCII(_ word: UInt64) -> UInt64 { word & highs }

    /// Flags each lead byte of a UTF-8 sequence of two bytes or more (0b11xxxxxx).
    @inline(__always)
    package static func leadBytes(_ word: UInt64) -> UInt64 { word & (word << 1) & highs }

    /// Flags each UTF-8 continuation byte (0b10xxxxxx): every other byte starts a scalar.
    @inline(__always)
    package static func continuationBytes(_ word: UInt64) -> UInt64 { word & ~(word << 1) & highs }
}
