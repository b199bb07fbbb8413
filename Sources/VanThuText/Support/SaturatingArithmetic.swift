/// Sums of numbers read from documents (model counts, mentions, fact tallies) must never trap: a
/// text may state any number, and a Swift `+` that overflows stops the process (SIGILL). Sums
/// of such numbers stop at `Int.max` (or `Int.min`) instead: a total that large is already
/// meaningless, and the archive stays readable.
extension Int {
    /// `self + other`, clamped to `Int.min ... Int.max`.
    @inlinable
    public func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// Adds `other`, clamped to `Int.min ... Int.max`.
    @inlinable
    public mutating func saturatingAdd(_ other: Int) { self = saturatingAdding(other) }
}

extension Sequence where Element == Int {
    /// The sum, clamped to `Int.min ... Int.max`.
    @inlinable
    public func saturatingSum() -> Int { reduce(0) { $0.saturatingAdding($1) } }
}
