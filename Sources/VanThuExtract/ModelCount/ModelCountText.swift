import VanThuText

extension FoldedPhraseTable {
    /// A table as model counts read it: words joined by any run of blanks, dashes or commas
    /// (`văn hóa – xã hội`, `quốc phòng, an ninh`), after no letter or digit.
    package init(modelCount phrases: [(String, Value)]) {
        self.init(phrases, joiner: .blanksDashesCommas, boundary: .notWordByte)
    }
}

extension FoldedText {
    /// Whether `offset` in `bytes` is at a word boundary on its left.
    @inline(__always)
    package static func isWordStartByte(in bytes: [UInt8], at offset: Int) -> Bool {
        offset == 0 || !isWordByte(bytes[offset - 1])
    }
}

/// The folded text of one document seen word by word, with the original text at hand for the
/// checks that need diacritics or case ("công nhận" is not "công nhân", "năm" is not "Nam").
/// Offsets are folded offsets (one per Unicode scalar, see `FoldedText`).
package struct ModelCountText {
    package let document: TextDocument
    package let bytes: [UInt8]

    package init(_ document: TextDocument) {
        self.document = document
        self.bytes = document.folded.bytes
    }

    package var count: Int { bytes.count }

    /// The word that ends where the spaces before `position` begin, when only spaces separate
    /// them (at least one, unless `position` is itself the end of the word).
    package func previousWord(before position: Int) -> Range<Int>? {
        var end = position
        while end > 0, FoldedText.isBlank(bytes[end - 1]) { end -= 1 }
        guard end > 0, FoldedText.isWordByte(bytes[end - 1]) else { return nil }
        var start = end
        while start > 0, FoldedText.isWordByte(bytes[start - 1]) { start -= 1 }
        return start..<end
    }

    /// The word that starts where the spaces after `position` end, when only spaces separate them.
    package func nextWord(after position: Int) -> Range<Int>? {
        var start = position
        while start < bytes.count, FoldedText.isBlank(bytes[start]) { start += 1 }
        guard start < bytes.count, FoldedText.isWordByte(bytes[start]) else { return nil }
        var end = start
        while end < bytes.count, FoldedText.isWordByte(bytes[end]) { end += 1 }
        return start..<end
    }

    /// Up to `limit` words before `position`, nearest first, joined by spaces only.
    package func previousWords(before position: Int, limit: Int) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var cursor = position
        while words.count < limit, let word = previousWord(before: cursor) {
            words.append(word)
            cursor = word.lowerBound
        }
        return words
    }

    /// Offset of the first non-space byte at or after `position`.
    package func skipSpaces(from position: Int) -> Int {
        var index = position
        while index < bytes.count, FoldedText.isBlank(bytes[index]) { index += 1 }
        return index
    }

    /// Offset just after the last non-space byte before `position`.
    package func skipSpacesBack(from position: Int) -> Int {
        var index = position
        while index > 0, FoldedText.isBlank(bytes[index - 1]) { index -= 1 }
        return index
    }

    package func folded(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The original text of a folded range.
    package func original(_ range: Range<Int>) -> String {
        document.string(folded: range)
    }

    /// The original text of a folded range, lower-cased, for comparisons with diacritics.
    package func lowered(_ range: Range<Int>) -> String {
        original(range).lowercased()
    }

    /// Whether the original scalar at folded offset `position` is an upper-case letter.
    package func isUppercase(at position: Int) -> Bool {
        guard position < bytes.count, FoldedText.isLetter(bytes[position]) else { return false }
        let byteRange = document.folded.utf8Range(position..<position + 1)
        guard let scalar = String(decoding: document.utf8[byteRange], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isUppercase
    }

    /// The longest phrase of `table` that starts at `position`, ends by `limit` (on a word end) and
    /// that `accept` takes (given its value and end).
    package func match<Value>(_ table: FoldedPhraseTable<Value>, at position: Int, limit: Int? = nil,
                              where accept: (Value, Int) -> Bool = { _, _ in true }) -> (value: Value, end: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            table.match(FoldedBytes(buffer), at: position, limit: limit ?? buffer.count, where: accept)
        }
    }

    /// The longest phrase of `table` at `position` that reads as its entry's `exact` spelling
    /// (lower-cased) when the entry has one: `xã`, not `xa`; `có`, not `cơ`.
    package func match<Value>(_ table: FoldedPhraseTable<Value>, at position: Int, limit: Int? = nil,
                              exact: (Value) -> String?) -> (value: Value, end: Int)? {
        match(table, at: position, limit: limit) { value, end in
            exact(value).map { lowered(position..<end) == $0 } ?? true
        }
    }

    /// The matching closing quote of the quote at `position` on the same line (within 400 bytes).
    package func closingQuote(after position: Int) -> Int? {
        var index = position + 1
        let end = min(bytes.count, position + 400)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return index }
            if byte == 0x0A { return nil }
            index += 1
        }
        return nil
    }

    /// The matching opening quote of the quote at `position` on the same line (within 400 bytes).
    package func openingQuote(before position: Int) -> Int? {
        var index = position - 1
        let end = max(0, position - 400)
        while index >= end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return index }
            if byte == 0x0A { return nil }
            index -= 1
        }
        return nil
    }

    // MARK: Sentences and clauses

    private static let abbreviations: Set<String> = ["tp", "tx", "tt", "q", "p", "ts", "ths", "gs", "pgs", "bs", "ks", "cn", "th"]

    /// Whether the byte at `index` ends a sentence: a line break, `!`, `?`, or a full stop that is
    /// not inside a number (`2.071`) and not after an abbreviation (`TP.`).
    package func isSentenceEnd(at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case 0x0A, UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        case UInt8(ascii: "."):
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0x20
            guard FoldedText.isBlank(next) || next == 0x0A || next == UInt8(ascii: "\"") || next == UInt8(ascii: ".") else { return false }
            if index > 0, FoldedText.isWordByte(bytes[index - 1]) {
                var start = index
                while start > 0, FoldedText.isWordByte(bytes[start - 1]) { start -= 1 }
                if index - start <= 3, Self.abbreviations.contains(folded(start..<index)) { return false }
            }
            return true
        default:
            return false
        }
    }

    /// Whether the byte at `index` ends a clause: a sentence end or `,` `;` `:` `(` `)`.
    package func isClauseEnd(at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: ","):
            // "2,5" is a decimal number, not a clause end.
            let before = index > 0 ? bytes[index - 1] : 0
            let after = index + 1 < bytes.count ? bytes[index + 1] : 0
            return !(FoldedText.isDigit(before) && FoldedText.isDigit(after))
        case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return isSentenceEnd(at: index)
        }
    }

    /// Start of the sentence that contains `position`.
    package func sentenceStart(of position: Int) -> Int {
        var index = min(position, bytes.count) - 1
        let floor = max(0, position - 4000)
        while index >= floor {
            if isSentenceEnd(at: index) { return index + 1 }
            index -= 1
        }
        return floor
    }

    /// End (exclusive, at the terminating byte) of the sentence that contains `position`.
    package func sentenceEnd(of position: Int) -> Int {
        var index = position
        let ceiling = min(bytes.count, position + 4000)
        while index < ceiling {
            if isSentenceEnd(at: index) { return index }
            index += 1
        }
        return ceiling
    }

    /// Start of the line that contains `position`.
    package func lineStart(of position: Int) -> Int {
        var index = min(position, bytes.count)
        while index > 0, bytes[index - 1] != 0x0A { index -= 1 }
        return index
    }

    /// Whether a quote opened before `position` in `start..<position` is still open there.
    package func isInsideQuote(_ position: Int, from start: Int) -> Bool {
        var open = false
        var index = start
        while index < position {
            if bytes[index] == UInt8(ascii: "\"") { open.toggle() }
            index += 1
        }
        return open
    }
}
