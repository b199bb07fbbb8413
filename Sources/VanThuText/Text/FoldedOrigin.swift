/// `FoldedText.origin`: for every folded byte the UTF-8 offset it comes from, and a final entry for
/// the end. Stored in about 1.1 bytes an entry instead of 4: a base offset for each block of 32
/// entries and a byte for each entry's distance from it (32 scalars of at most 4 bytes each stay
/// within 255 of the first). A block whose distances do not fit (runs of combining marks, which
/// folding drops, between two of its scalars) keeps its 32 offsets whole, its base then pointing
/// there. A 64 MB text held 256 MB of origins (two folds of it at once while chrome is dropped).
public struct FoldedOrigin: Sendable, Equatable {
    package static let shift = 5
    package static let block = 1 << shift

    /// Per block: its first offset (≥ 0), or `~k` when its offsets are `wide[k ..< k + 32]`.
    private var bases: [Int32]
    private var deltas: [UInt8]
    private var wide: [Int32]
    public private(set) var count: Int

    @inline(__always)
    public subscript(index: Int) -> Int32 {
        let base = bases[index &>> Self.shift]
        if base >= 0 { return base &+ Int32(truncatingIfNeeded: deltas[index]) }
        return wide[Int(~base) &+ (index & (Self.block - 1))]
    }

    /// Bytes of storage the entries take (about 1.1 an entry).
    public var storageBytes: Int { bases.count * 4 + deltas.count + wide.count * 4 }

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

    private init(bases: [Int32], deltas: [UInt8], wide: [Int32], count: Int) {
        self.bases = bases; self.deltas = deltas; self.wide = wide; self.count = count
    }

    /// Builds the entries in order, a block at a time.
    package struct Builder {
        private var bases: [Int32] = []
        private var deltas: [UInt8] = []
        private var wide: [Int32] = []
        private var pending = [Int32](repeating: 0, count: FoldedOrigin.block)
        private var pendingCount = 0
        private var count = 0

        package init(capacity: Int) {
            deltas.reserveCapacity(capacity)
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
            // Whole blocks straight from `values` when none is pending.
            while index < total {
                if pendingCount == 0 && total - index >= FoldedOrigin.block {
                    store(UnsafeBufferPointer(rebasing: values[index..<(index + FoldedOrigin.block)]), adding: offset)
                    index += FoldedOrigin.block
                    continue
                }
                append(values[index] &+ offset)
                index += 1
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
            var fits = true
            for value in block {
                let delta = value &+ offset &- base
                if delta < 0 || delta > 255 { fits = false; break }
            }
            if fits {
                bases.append(base)
                for value in block { deltas.append(UInt8(truncatingIfNeeded: value &+ offset &- base)) }
            } else {
                bases.append(~Int32(truncatingIfNeeded: wide.count))
                for value in block { wide.append(value &+ offset) }
                // A last, partial block: `wide` gets its full 32 so indexing stays in range.
                for _ in block.count..<FoldedOrigin.block { wide.append(0) }
                for _ in block { deltas.append(0) }
            }
        }

        package mutating func finish() -> FoldedOrigin {
            flush()
            return FoldedOrigin(bases: bases, deltas: deltas, wide: wide, count: count)
        }
    }
}
