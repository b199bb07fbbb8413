/// `TextDocument.lines`: the byte range of every line (without its `\n`), stored as two 32-bit
/// offsets instead of a `Range<Int>` (16 bytes): a 64 MB text of 1.4 million lines held 23 MB of
/// line ranges, now 11 MB, alive from cleaning until the record is made (issue 14, item 8).
/// Texts are at most `maxFileBytes` (64 MiB), far below 4 GiB; a larger one traps on building.
public struct LineTable: RandomAccessCollection, Sendable, Equatable {
    /// Line i is `bounds[2i] ..< bounds[2i + 1]`.
    private var bounds: [UInt32] = []

    public init() {}

    /// The lines of `bytes`: the ranges between `\n`s, and the last line after the last `\n`
    /// (an empty text has one empty line, and so does a text's end after a final `\n`).
    public init(lineRangesOf bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        // Counted first, so the table is made once at its size rather than grown by copies.
        var newlines = 0
        var from = 0
        while let newline = bytes.firstIndex(ofByte: 0x0A, from: from) {
            newlines += 1
            from = newline + 1
        }
        bounds.reserveCapacity(2 * (newlines + 1))
        var lineStart = 0
        while lineStart < count, let newline = bytes.firstIndex(ofByte: 0x0A, from: lineStart) {
            append(lineStart..<newline)
            lineStart = newline + 1
        }
        if lineStart < count || count == 0 || bytes[count - 1] == 0x0A {
            append(lineStart..<count)
        }
    }

    public mutating func append(_ range: Range<Int>) {
        bounds.append(UInt32(range.lowerBound))
        bounds.append(UInt32(range.upperBound))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { bounds.count / 2 }

    @inline(__always)
    public subscript(index: Int) -> Range<Int> {
        Int(bounds[2 &* index])..<Int(bounds[2 &* index &+ 1])
    }
}
