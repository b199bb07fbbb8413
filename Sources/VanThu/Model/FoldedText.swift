/// A document's text folded for matching: one byte per Unicode scalar, lower-case ASCII letters
/// without diacritics (đ → d), curly quotes → `"`, dashes → `-`, other non-ASCII scalars → 0x80,
/// combining marks dropped. `origin[i]` is the UTF-8 offset (in `TextDocument.utf8`) of folded
/// byte `i`, with a final entry for the end, so a match in folded coordinates maps back to the
/// original text exactly. Extractors match keywords here ("truoc ngay", "mo hinh") with plain byte
/// comparisons and read case or diacritics from the original where they matter.
public struct FoldedText: Sendable {
    public let bytes: [UInt8]
    public let origin: [Int32]

    /// Byte that stands for any non-ASCII scalar that is not a Latin letter, quote or dash.
    public static let other: UInt8 = 0x80

    public init(utf8: [UInt8]) {
        var bytes: [UInt8] = []
        var origin: [Int32] = []
        bytes.reserveCapacity(utf8.count)
        origin.reserveCapacity(utf8.count + 1)
        utf8.withUnsafeBufferPointer { p in
            var index = 0
            let count = p.count
            while index < count {
                let lead = p[index]
                if lead < 0x80 {
                    bytes.append(lead >= 65 && lead <= 90 ? lead | 0x20 : lead)
                    origin.append(Int32(index))
                    index += 1
                    continue
                }
                var length = 1
                var value: UInt32 = 0
                if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
                else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
                else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
                if index + length > count { length = count - index }
                for k in 1..<max(length, 1) { value = value << 6 | UInt32(p[index + k] & 0x3F) }
                let start = index
                index += max(length, 1)
                if value >= 0x300 && value <= 0x36F { continue }  // combining mark (NFD leftovers)
                let folded: UInt8
                switch value {
                case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB: folded = UInt8(ascii: "\"")
                case 0x2018, 0x2019: folded = UInt8(ascii: "'")
                case 0x2010...0x2015, 0x2212: folded = UInt8(ascii: "-")
                default:
                    if let base = VietnameseFolding.baseLetter(value: value) {
                        folded = base
                    } else {
                        folded = Self.other
                    }
                }
                bytes.append(folded)
                origin.append(Int32(start))
            }
            origin.append(Int32(count))
        }
        self.bytes = bytes
        self.origin = origin
    }

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

    @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
    }

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
