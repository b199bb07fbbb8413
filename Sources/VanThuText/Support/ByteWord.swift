/// Bit tricks on eight bytes at once (a `UInt64` loaded from text), for the byte scanners that
/// skip stretches with nothing of interest ("Bit Twiddling Hacks": has zero byte, has less than).
package enum ByteWord {
    package static let ones: UInt64 = 0x0101_0101_0101_0101
    package static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` equals `byte` (exact as a yes/no answer).
    @inline(__always)
    package static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// High bit set in each byte of `word` that equals `byte` (exactly: no borrow between bytes).
    @inline(__always)
    package static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x) & ~low
    }

    /// Whether any byte of `word` is below `limit` (at most 0x80; exact as a yes/no answer).
    @inline(__always)
    package static func hasByteBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }
}
