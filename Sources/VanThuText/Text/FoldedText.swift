/// A document's text folded for matching: one byte per Unicode scalar, lower-case ASCII letters
/// without diacritics (đ → d), curly quotes → `"`, dashes → `-`, other non-ASCII scalars → 0x80,
/// combining marks dropped. `origin[i]` is the UTF-8 offset (in `TextDocument.utf8`) of folded
/// byte `i`, with a final entry for the end, so a match in folded coordinates maps back to the
/// original text exactly. Extractors match keywords here ("truoc ngay", "mo hinh") with plain byte
/// comparisons and read case or diacritics from the original where they matter.
public struct FoldedText: Sendable {
    public let bytes: [UInt8]
    public let origin: FoldedOrigin

    /// Byte that stands for any non-ASCII scalar that is not a Latin letter, quote or dash.
    public static let other: UInt8 = 0x80

    /// Input is folded in chunks of this many bytes (cut at scalar boundaries), each chunk's
    /// origins going through a small buffer into the compact `FoldedOrigin`.
    package static let chunk = 1 << 16

    public init(utf8: [UInt8]) {
        self = utf8.withUnsafeBufferPointer { FoldedText(utf8: $0) }
    }

    /// The fold of the text whose UTF-8 bytes are `utf8` (a window of a larger text, say).
    public init(utf8 input: UnsafeBufferPointer<UInt8>) {
        let count = input.count
        var builder = FoldedOrigin.Builder(capacity: count + 1)
        var temporary = [Int32](repeating: 0, count: min(count, Self.chunk) + 1)
        // The bytes are written through a pointer into storage sized for the worst case (one
        // folded byte per UTF-8 byte): no append, no uniqueness check, in the per-byte loop.
        bytes = [UInt8](unsafeUninitializedCapacity: max(count, 1)) { bytes, bytesCount in
            var written = 0
            temporary.withUnsafeMutableBufferPointer { origin in
                var start = 0
                while start < count {
                    var end = min(count, start + Self.chunk)
                    // A chunk ends before a scalar's first byte.
                    while end < count && end > start && input[end] & 0xC0 == 0x80 { end -= 1 }
                    if end == start { end = min(count, start + Self.chunk) }
                    let n = Self.fold(UnsafeBufferPointer(rebasing: input[start..<end]), into: bytes.baseAddress! + written,
                                      origin: origin.baseAddress!)
                    builder.append(UnsafeBufferPointer(rebasing: origin[0..<n]), adding: Int32(truncatingIfNeeded: start))
                    written += n
                    start = end
                }
            }
            bytesCount = written
        }
        builder.append(Int32(truncatingIfNeeded: count))
        origin = builder.finish()
    }

    /// The fold of a text made of lines of another text and newlines between them, from the
    /// other text's fold: `lines` are the lines' ranges in `source`'s folded bytes, each with the
    /// UTF-8 offset it starts at in `source` and in the new text, and the number of `\n` that go
    /// before it; `count` is the new text's length in bytes. Folding is scalar by scalar, so this
    /// is what folding the new text gives.
    package init(lines: [(folded: Range<Int>, from: Int, to: Int, newlines: Int)], of source: FoldedText, count: Int) {
        let capacity = lines.reduce(0) { $0 + $1.folded.count + $1.newlines }
        var builder = FoldedOrigin.Builder(capacity: capacity + 1)
        // A line's origins are read in order, a chunk at a time, into this buffer.
        var temporary = [Int32](repeating: 0, count: max(1, min(capacity, Self.chunk)))
        bytes = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { bytes, bytesCount in
            var written = 0
            source.bytes.withUnsafeBufferPointer { sourceBytes in
                temporary.withUnsafeMutableBufferPointer { origins in
                    for line in lines {
                        for k in 0..<line.newlines {
                            bytes[written] = 0x0A
                            builder.append(Int32(truncatingIfNeeded: line.to - line.newlines + k))
                            written += 1
                        }
                        let shift = Int32(truncatingIfNeeded: line.to - line.from)
                        let count = line.folded.count
                        (bytes.baseAddress! + written).initialize(from: sourceBytes.baseAddress! + line.folded.lowerBound, count: count)
                        var start = line.folded.lowerBound
                        while start < line.folded.upperBound {
                            let end = min(line.folded.upperBound, start + Self.chunk)
                            source.origin.copy(start..<end, to: origins.baseAddress!)
                            builder.append(UnsafeBufferPointer(rebasing: origins[0..<(end - start)]), adding: shift)
                            start = end
                        }
                        written += count
                    }
                }
            }
            bytesCount = written
        }
        builder.append(Int32(truncatingIfNeeded: count))
        origin = builder.finish()
    }

    /// Folds `input` into `bytes` and `origin` (room for `input.count` and `input.count + 1`
    /// entries) and returns the number of folded bytes; `origin` gets the final entry too.
    private static func fold(_ input: UnsafeBufferPointer<UInt8>, into bytes: UnsafeMutablePointer<UInt8>,
                             origin: UnsafeMutablePointer<Int32>) -> Int {
        let count = input.count
        var index = 0
        var written = 0
        guard input.baseAddress != nil else {
            origin[0] = 0
            return 0
        }
        Self.table.withUnsafeBufferPointer { table in
            while index < count {
                if input[index] < 0x80 {
                    let lead = input[index]
                    bytes[written] = lead &- 65 < 26 ? lead | 0x20 : lead
                    origin[written] = Int32(truncatingIfNeeded: index)
                    written += 1
                    index += 1
                    continue
                }
                // A scalar of more than one byte (or a stray continuation byte) at `index`.
                let lead = input[index]
                let start = index
                let folded: UInt8
                if lead & 0xE0 == 0xC0 && index + 1 < count {
                    // Two bytes: U+0080–U+07FF, all in the table.
                    folded = table[Int(lead & 0x1F) << 6 | Int(input[index + 1] & 0x3F)]
                    index += 2
                } else if lead == 0xE1 && index + 2 < count && input[index + 1] & 0xFC == 0xB8 {
                    // U+1E00–U+1EFF: Vietnamese letters with two marks, in the table after U+07FF.
                    folded = table[0x800 + (Int(input[index + 1] & 0x03) << 6 | Int(input[index + 2] & 0x3F))]
                    index += 3
                } else {
                    var length = 1
                    var value: UInt32 = 0
                    if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
                    else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
                    else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
                    if index + length > count { length = count - index }
                    for k in 1..<max(length, 1) { value = value << 6 | UInt32(input[index + k] & 0x3F) }
                    index += max(length, 1)
                    folded = Self.fold(value: value) ?? 0
                }
                if folded == 0 { continue }  // combining mark (NFD leftovers)
                bytes[written] = folded
                origin[written] = Int32(truncatingIfNeeded: start)
                written += 1
            }
        }
        origin[written] = Int32(truncatingIfNeeded: count)
        return written
    }

    /// The folded byte of a non-ASCII scalar value, or nil for a combining mark, which folding drops.
    package static func fold(value: UInt32) -> UInt8? {
        if value >= 0x300 && value <= 0x36F { return nil }
        switch value {
        case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB: return UInt8(ascii: "\"")
        case 0x2018, 0x2019: return UInt8(ascii: "'")
        case 0x2010...0x2015, 0x2212: return UInt8(ascii: "-")
        default: return VietnameseFolding.baseLetter(value: value) ?? other
        }
    }

    /// `fold(value:)` of U+0000–U+07FF, then of U+1E00–U+1EFF, with 0 for a dropped mark: the
    /// scalars of Vietnamese text are looked up, not decoded and tested.
    private static let table: [UInt8] = (UInt32(0)..<0x800).map { fold(value: $0) ?? 0 }
        + (UInt32(0x1E00)..<0x1F00).map { fold(value: $0) ?? 0 }

    /// The UTF-8 byte range of folded range `range`.
    @inline(__always)
    public func utf8Range(_ range: Range<Int>) -> Range<Int> {
        Int(origin[range.lowerBound])..<Int(origin[range.upperBound])
    }

    /// Whether `word` (folded ASCII) occurs at folded offset `at`.
    @inline(__always)
    public func matches(_ word: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + word.count <= bytes.count else { return false }
        for k in 0..<word.count where bytes[offset + k] != word[k] { return false }
        return true
    }

    /// Whether folded offset `offset` is at a word boundary on its left.
    @inline(__always)
    public func isWordStart(_ offset: Int) -> Bool {
        offset == 0 || !Self.isWordByte(bytes[offset - 1])
    }

    /// Whether folded offset `offset` (exclusive end) is at a word boundary on its right.
    @inline(__always)
    public func isWordEnd(_ offset: Int) -> Bool {
        offset >= bytes.count || !Self.isWordByte(bytes[offset])
    }

    // Byte classes of folded text: the one definition every reader of it uses.

    /// A letter or a digit: a byte of a word.
    @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    /// `0`–`9`.
    @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    /// `a`–`z` (folded text has no capitals; a diacritic letter folds to its base).
    @inline(__always)
    public static func isLetter(_ byte: UInt8) -> Bool { byte &- 97 < 26 }

    /// Space or tab: a blank inside a line.
    @inline(__always)
    public static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// A blank, a carriage return or a line feed.
    @inline(__always)
    public static func isSpace(_ byte: UInt8) -> Bool { isBlank(byte) || byte == 0x0A || byte == 0x0D }

    /// Every offset where `word` occurs as a whole word.
    public func occurrences(of word: String) -> [Int] {
        let needle = Array(word.utf8)
        guard let first = needle.first, needle.count <= bytes.count else { return [] }
        var found: [Int] = []
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first && matches(needle, at: index) && isWordStart(index) && isWordEnd(index + needle.count) {
                found.append(index)
            }
            index += 1
        }
        return found
    }
}
