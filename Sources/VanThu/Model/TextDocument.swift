/// The cleaned NFC text of one document, with its UTF-8 bytes and line table, for extractors that
/// scan bytes by hand. Offsets in facts are Unicode scalar offsets; `scalarOffset(ofByte:)` converts.
public struct TextDocument: Sendable {
    public let text: String
    public let utf8: [UInt8]
    /// Byte ranges of the lines, without their `\n`.
    public let lines: [Range<Int>]
    /// The text folded for keyword matching (lower case, no diacritics), mapped back to `utf8`.
    public let folded: FoldedText
    /// Scalar offset at every 64th byte, for fast byte → scalar conversion.
    private let checkpoints: [Int]

    public init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        self.utf8 = bytes
        var lines: [Range<Int>] = []
        var lineStart = 0
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / 64 + 1)
        var scalars = 0
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count {
                if index & 63 == 0 { checkpoints.append(scalars) }
                let byte = buffer[index]
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == 0x0A {
                    lines.append(lineStart..<index)
                    lineStart = index + 1
                }
            }
        }
        if lineStart < bytes.count || bytes.isEmpty || bytes.last == 0x0A {
            lines.append(lineStart..<bytes.count)
        }
        checkpoints.append(scalars)
        self.lines = lines
        self.checkpoints = checkpoints
        self.folded = FoldedText(utf8: bytes)
    }

    /// Number of Unicode scalars in `utf8[0..<byte]`.
    public func scalarOffset(ofByte byte: Int) -> Int {
        let clamped = min(max(byte, 0), utf8.count)
        let block = clamped >> 6
        var scalars = checkpoints[min(block, checkpoints.count - 1)]
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
