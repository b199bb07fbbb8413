import Foundation

/// The cleaned NFC text of one document, with its UTF-8 bytes and line table, for extractors that
/// scan bytes by hand. Offsets in facts are Unicode scalar offsets; `scalarOffset(ofByte:)` converts.
public struct TextDocument: Sendable {
    /// The text; a large one is not stored beside its bytes and is made from them when asked.
    public var text: String { storedText ?? String(decoding: utf8, as: UTF8.self) }
    package let storedText: String?
    public let utf8: [UInt8]
    /// Byte ranges of the lines, without their `\n`.
    public let lines: LineTable
    /// The text folded for keyword matching (lower case, no diacritics), mapped back to `utf8`.
    public let folded: FoldedText
    /// Scalar offset at every 64th byte, for fast byte → scalar conversion. 32 bits: a text is
    /// at most 64 MiB, and a 64 MB text's checkpoints took 8 MB in `Int`s (issue 14, item 8).
    private let checkpoints: [UInt32]

    public init(_ text: String) {
        self.init(text: text, utf8: Array(text.utf8))
    }

    /// A document whose UTF-8 bytes are at hand already: `utf8` must be exactly `text`'s (nil:
    /// made from them when asked), and `folded`, when given, their `FoldedText`.
    package init(text: String?, utf8 bytes: [UInt8], folded: FoldedText? = nil) {
        self.storedText = text
        self.utf8 = bytes
        var lines = LineTable()
        let count = bytes.count
        // One entry per started block of 64 bytes, and the total.
        let blocks = (count + 63) >> 6
        checkpoints = [UInt32](unsafeUninitializedCapacity: blocks + 1) { checkpoints, initialized in
            bytes.withUnsafeBufferPointer { buffer in
                // Every byte but a continuation byte (0b10xxxxxx) starts a scalar.
                var scalars: UInt32 = 0
                for block in 0..<blocks {
                    checkpoints[block] = scalars
                    scalars &+= UInt32(truncatingIfNeeded: Self.scalarStarts(UnsafeBufferPointer(rebasing: buffer[(block << 6)..<min(count, (block + 1) << 6)])))
                }
                checkpoints[blocks] = scalars
                lines = LineTable(lineRangesOf: buffer)
            }
            initialized = blocks + 1
        }
        self.lines = lines
        self.folded = folded ?? FoldedText(utf8: bytes)
    }

    private init(text: String?, utf8: [UInt8], lines: LineTable, folded: FoldedText, checkpoints: [UInt32]) {
        storedText = text; self.utf8 = utf8; self.lines = lines; self.folded = folded; self.checkpoints = checkpoints
    }

    /// The same document with an empty fold: what a document extracted in windows (each folded
    /// on its own) keeps while it is extracted, its fold let go (issue 14, item 8).
    package func droppingFold() -> TextDocument {
        TextDocument(text: storedText, utf8: utf8, lines: lines, folded: FoldedText(utf8: []), checkpoints: checkpoints)
    }

    /// The bytes of `bytes` that start a scalar: all but continuation bytes (0b10xxxxxx). The top
    /// two bits, XOR 0b10, are 0 only for those; adding 3 and shifting right by 2 makes that 0 or 1
    /// without a branch, so the compiler sums 32 bytes at a time (the comparison it compiled to a
    /// branch mispredicted on every Vietnamese letter: 3% of a run's CPU).
    @inline(__always)
    package static func scalarStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var starts: UInt8 = 0
        var total = 0
        var index = 0
        while index < bytes.count {
            // Sums of up to 64 bytes fit a byte.
            let end = min(bytes.count, index + 64)
            starts = 0
            for k in index..<end { starts &+= (((bytes[k] &>> 6) ^ 2) &+ 3) &>> 2 }
            total &+= Int(starts)
            index = end
        }
        return total
    }

    /// Number of Unicode scalars in `utf8[0..<byte]`.
    public func scalarOffset(ofByte byte: Int) -> Int {
        let clamped = min(max(byte, 0), utf8.count)
        let block = clamped >> 6
        var scalars = Int(checkpoints[min(block, checkpoints.count - 1)])
        var index = block << 6
        while index < clamped {
            if utf8[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return scalars
    }

    /// The text of a byte range (which must fall on scalar boundaries).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }

    /// The text of a folded range (see `FoldedText`).
    public func string(folded range: Range<Int>) -> String {
        string(folded.utf8Range(range))
    }

    /// Byte range → `[start, end]` scalar offsets.
    public func scalarSpan(_ range: Range<Int>) -> (start: Int, end: Int) {
        (scalarOffset(ofByte: range.lowerBound), scalarOffset(ofByte: range.upperBound))
    }

    /// Index of the line that contains `byte`.
    public func lineIndex(containing byte: Int) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lines[mid].lowerBound <= byte { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Offset of the first `byte` at or after `start`, found by `memchr`.
    @inline(__always)
    package func firstIndex(ofByte byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count,
              let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
