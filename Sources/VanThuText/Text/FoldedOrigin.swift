/// `FoldedText.origin`: for every folded byte the UTF-8 offset it comes from, and a final entry for
/// the end. Stored in about 0.4 bytes an entry instead of 4: a base offset for each block of 32
/// entries and, for each entry after the first, its step from the one before in two bits (a
/// scalar takes one to four bytes). A block whose steps do not fit (runs of combining marks,
/// which folding drops, between two of its scalars) keeps its 32 offsets whole, its base then
/// pointing there. A 64 MB text held 256 MB of origins in plain offsets, 56 MB in a byte per
/// entry (issue 14, item 8).
public struct FoldedOrigin: Sendable, Equatable {
    package static let shift = 5
    package static let block = 1 << shift

    /// Per block: its first offset (≥ 0), or `~k` when its offsets are `wide[k ..< k + 32]`.
    private var bases: [Int32]
    /// Per block: entry j's step minus one (0–3) in bits 2(j - 1) and 2j - 1, for j in 1..<32.
    private var steps: [UInt64]
    private var wide: [Int32]
    public private(set) var count: Int

    @inline(__always)
    public subscript(index: Int) -> Int32 {
        let blockIndex = index &>> Self.shift
        let base = bases[blockIndex]
        let k = index & (Self.block - 1)
        if base >= 0 {
            // The steps of entries 1...k: k plus the sum of their two-bit codes.
            let codes = steps[blockIndex] & ((1 &<< UInt64(2 &* k)) &- 1)
            let sum = (codes & 0x5555_5555_5555_5555).nonzeroBitCount &+ 2 &* (codes & 0xAAAA_AAAA_AAAA_AAAA).nonzeroBitCount
            return base &+ Int32(truncatingIfNeeded: k &+ sum)
        }
        return wide[Int(~base) &+ k]
    }

    /// Writes entries `range` to `out`, in order: a block's steps are added up as they are read,
    /// where the subscript counts them again for every entry.
    package func copy(_ range: Range<Int>, to out: UnsafeMutablePointer<Int32>) {
        var index = range.lowerBound
        var written = 0
        while index < range.upperBound {
            let blockIndex = index &>> Self.shift
            let blockStart = blockIndex &<< Self.shift
            let end = min(range.upperBound, blockStart &+ Self.block)
            let base = bases[blockIndex]
            if base >= 0 {
                let codes = steps[blockIndex]
                var value = self[index]
                out[written] = value
                written &+= 1
                index &+= 1
                while index < end {
                    // Entry k's step minus one is in bits 2(k - 1) and 2k - 1.
                    let k = index &- blockStart
                    value &+= 1 &+ Int32(truncatingIfNeeded: codes &>> UInt64(2 &* (k &- 1)) & 3)
                    out[written] = value
                    written &+= 1
                    index &+= 1
                }
            } else {
                let first = Int(~base) &+ (index &- blockStart)
                for k in 0..<(end &- index) { out[written &+ k] = wide[first &+ k] }
                written &+= end &- index
                index = end
            }
        }
    }

    /// Bytes of storage the entries take (about 0.4 an entry).
    public var storageBytes: Int { bases.count * 4 + steps.count * 8 + wide.count * 4 }

    /// Every entry, as a plain array (tests).
    public var array: [Int32] { (0..<count).map { self[$0] } }

    public static func == (a: FoldedOrigin, b: FoldedOrigin) -> Bool {
        a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }

    public init(_ values: [Int32]) {
        var builder = Builder(capacity: values.count)
        values.withUnsafeBufferPointer { builder.append($0, adding: 0) }
        self = builder.finish()
    }

    private init(bases: [Int32], steps: [UInt64], wide: [Int32], count: Int) {
        self.bases = bases; self.steps = steps; self.wide = wide; self.count = count
    }

    /// Builds the entries in order, a block at a time.
    package struct Builder {
        private var bases: [Int32] = []
        private var steps: [UInt64] = []
        private var wide: [Int32] = []
        private var pending = [Int32](repeating: 0, count: FoldedOrigin.block)
        private var pendingCount = 0
        private var count = 0

        package init(capacity: Int) {
            steps.reserveCapacity(capacity / FoldedOrigin.block + 1)
            bases.reserveCapacity(capacity / FoldedOrigin.block + 1)
        }

        @inline(__always)
        package mutating func append(_ value: Int32) {
            pending[pendingCount] = value
            pendingCount += 1
            if pendingCount == FoldedOrigin.block { flush() }
        }

        /// Appends `values`, each plus `offset`.
        package mutating func append(_ values: UnsafeBufferPointer<Int32>, adding offset: Int32) {
            var index = 0
            let total = values.count
            while index < total {
                // Whole blocks straight from `values` when none is pending.
                if pendingCount == 0 && total - index >= FoldedOrigin.block {
                    store(UnsafeBufferPointer(rebasing: values[index..<(index + FoldedOrigin.block)]), adding: offset)
                    index += FoldedOrigin.block
                    continue
                }
                // Else as many as the pending block takes.
                let n = min(FoldedOrigin.block - pendingCount, total - index)
                let start = pendingCount
                pending.withUnsafeMutableBufferPointer { pending in
                    for k in 0..<n { pending[start + k] = values[index + k] &+ offset }
                }
                pendingCount += n
                index += n
                if pendingCount == FoldedOrigin.block { flush() }
            }
        }

        private mutating func flush() {
            guard pendingCount > 0 else { return }
            let n = pendingCount
            pendingCount = 0
            pending.withUnsafeBufferPointer { store(UnsafeBufferPointer(rebasing: $0[0..<n]), adding: 0) }
        }

        private mutating func store(_ block: UnsafeBufferPointer<Int32>, adding offset: Int32) {
            count += block.count
            let base = block[0] &+ offset
            var codes: UInt64 = 0
            var fits = true
            var previous = base
            for j in 1..<block.count {
                let value = block[j] &+ offset
                let step = value &- previous
                if step < 1 || step > 4 { fits = false; break }
                codes |= UInt64(step &- 1) &<< UInt64(2 &* (j &- 1))
                previous = value
            }
            if fits {
                bases.append(base)
                steps.append(codes)
            } else {
                bases.append(~Int32(truncatingIfNeeded: wide.count))
                steps.append(0)
                for value in block { wide.append(value &+ offset) }
                // A last, partial block: `wide` gets its full 32 so indexing stays in range.
                for _ in block.count..<FoldedOrigin.block { wide.append(0) }
            }
        }

        package mutating func finish() -> FoldedOrigin {
            flush()
            return FoldedOrigin(bases: bases, steps: steps, wide: wide, count: count)
        }
    }
}
