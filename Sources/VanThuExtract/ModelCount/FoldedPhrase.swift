import VanThuText

/// A phrase of folded words ("xay dung moi", "van hoa xa hoi") matched against `FoldedText` bytes.
///
/// Words must start and end on word boundaries. Between two words the text may have any run of
/// spaces, dashes or commas ("văn hóa – xã hội", "văn hóa-xã hội", "văn hóa, xã hội" all match
/// "van hoa xa hoi").
package struct FoldedPhrase: Sendable, Hashable {
    package let words: [[UInt8]]

    package init(_ text: String) {
        words = text.split(separator: " ").map { Array($0.utf8) }
    }

    package var first: UInt8 { words[0][0] }

    /// The end of the phrase when it starts at `start` in `bytes`, else nil.
    package func match(in bytes: [UInt8], at start: Int, limit: Int? = nil) -> Int? {
        let end = limit ?? bytes.count
        guard start >= 0, start < end, FoldedText.isWordStartByte(in: bytes, at: start) else { return nil }
        var index = start
        for (position, word) in words.enumerated() {
            if position > 0 {
                let separatorStart = index
                while index < end, Self.isSeparator(bytes[index]) { index += 1 }
                if index == separatorStart { return nil }
            }
            guard index + word.count <= end else { return nil }
            for k in 0..<word.count where bytes[index + k] != word[k] { return nil }
            index += word.count
        }
        guard index >= bytes.count || !FoldedText.isWordByte(bytes[index]) else { return nil }
        return index
    }

    @inline(__always)
    package static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",")
    }
}

extension FoldedText {
    /// Whether `offset` in `bytes` is at a word boundary on its left.
    @inline(__always)
    package static func isWordStartByte(in bytes: [UInt8], at offset: Int) -> Bool {
        offset == 0 || !isWordByte(bytes[offset - 1])
    }
}
