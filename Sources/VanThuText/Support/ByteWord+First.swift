extension ByteWord {
    /// High bit set in the first byte of `word` (in memory order) that equals `byte`, and maybe in
    /// some after it: the borrow of the subtraction can flag bytes above a match, never below. For
    /// finding where the first of several bytes is, by or-ing such masks and counting trailing
    /// zeros, with fewer operations than `equalBytes`.
    @inline(__always)
    package static func firstEqualByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }
}
