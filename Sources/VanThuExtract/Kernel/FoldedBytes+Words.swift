import VanThuText

/// Words, sentences, clauses and quotes on the kernel's one view of folded bytes (`FoldedBytes`),
/// as the model-count rules step over them: words are letters and digits, joined by blanks (space,
/// tab) only; a line break ends a sentence.
extension FoldedBytes {
    /// The bytes of `range` (clamped to the text).
    package subscript(range: Range<Int>) -> Slice<UnsafeBufferPointer<UInt8>> {
        base[max(0, range.lowerBound)..<min(count, max(range.upperBound, max(0, range.lowerBound)))]
    }

    /// The folded text of `range`, as a string (`"xa"`, `"tp"`).
    package func string(_ range: Range<Int>) -> String {
        String(decoding: self[range], as: UTF8.self)
    }

    /// Whether a word may start at `offset`: no letter or digit right before it.
    @inline(__always)
    package func isWordStart(at offset: Int) -> Bool {
        !FoldedText.isWordByte(self[offset - 1])
    }

    /// The first offset at or after `position` that is no blank (space, tab).
    package func skipBlanks(from position: Int) -> Int {
        var index = position
        while index < count, FoldedText.isBlank(base[index]) { index += 1 }
        return index
    }

    /// The offset just after the last byte before `position` that is no blank.
    package func skipBlanksBack(from position: Int) -> Int {
        var index = min(position, count)
        while index > 0, FoldedText.isBlank(base[index - 1]) { index -= 1 }
        return index
    }

    /// The word (letters and digits) that ends where the blanks before `position` begin, when only
    /// blanks separate them (at least one, unless `position` is itself the end of the word).
    package func word(before position: Int) -> Range<Int>? {
        let end = skipBlanksBack(from: position)
        guard end > 0, FoldedText.isWordByte(base[end - 1]) else { return nil }
        var start = end
        while start > 0, FoldedText.isWordByte(base[start - 1]) { start -= 1 }
        return start..<end
    }

    /// The word that starts where the blanks after `position` end, when only blanks separate them.
    package func word(after position: Int) -> Range<Int>? {
        let start = skipBlanks(from: position)
        guard start < count, FoldedText.isWordByte(base[start]) else { return nil }
        var end = start
        while end < count, FoldedText.isWordByte(base[end]) { end += 1 }
        return start..<end
    }

    /// Up to `limit` words before `position`, nearest first, joined by blanks only.
    package func words(before position: Int, limit: Int) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var cursor = position
        while words.count < limit, let word = word(before: cursor) {
            words.append(word)
            cursor = word.lowerBound
        }
        return words
    }

    // MARK: Sentences, clauses, lines and quotes

    /// Abbreviations whose full stop ends no sentence (`TP.`, `ThS.`), folded.
    package static let abbreviations: Set<String> = ["tp", "tx", "tt", "q", "p", "ts", "ths", "gs", "pgs", "bs", "ks", "cn", "th"]

    /// Whether the byte at `index` ends a sentence: a line break, `!`, `?`, or a full stop that is
    /// not inside a number (`2.071`) and not after an abbreviation (`TP.`).
    package func isSentenceEnd(at index: Int) -> Bool {
        let byte = self[index]
        switch byte {
        case 0x0A, UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        case UInt8(ascii: "."):
            let next = index + 1 < count ? base[index + 1] : 0x20
            guard FoldedText.isBlank(next) || next == 0x0A || next == UInt8(ascii: "\"") || next == UInt8(ascii: ".") else { return false }
            if index > 0, FoldedText.isWordByte(base[index - 1]) {
                var start = index
                while start > 0, FoldedText.isWordByte(base[start - 1]) { start -= 1 }
                if index - start <= 3, Self.abbreviations.contains(string(start..<index)) { return false }
            }
            return true
        default:
            return false
        }
    }

    /// Whether the byte at `index` ends a clause: a sentence end or `,` `;` `:` `(` `)` (not the
    /// comma of a decimal number, `2,5`).
    package func isClauseEnd(at index: Int) -> Bool {
        switch self[index] {
        case UInt8(ascii: ","):
            return !(FoldedText.isDigit(self[index - 1]) && FoldedText.isDigit(self[index + 1]))
        case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return isSentenceEnd(at: index)
        }
    }

    /// Start of the sentence that contains `position` (looking back at most 4000 bytes).
    package func sentenceStart(of position: Int) -> Int {
        var index = min(position, count) - 1
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
        let ceiling = min(count, position + 4000)
        while index < ceiling {
            if isSentenceEnd(at: index) { return index }
            index += 1
        }
        return ceiling
    }

    /// Start of the line that contains `position`.
    package func lineStart(of position: Int) -> Int {
        var index = min(position, count)
        while index > 0, base[index - 1] != 0x0A { index -= 1 }
        return index
    }

    /// The matching closing quote of the quote at `position` on the same line (within 400 bytes).
    package func closingQuote(after position: Int) -> Int? {
        var index = position + 1
        let end = min(count, position + 400)
        while index < end {
            let byte = base[index]
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
            let byte = self[index]
            if byte == UInt8(ascii: "\"") { return index }
            if byte == 0x0A { return nil }
            index -= 1
        }
        return nil
    }

    /// Whether a quote opened in `start..<position` is still open at `position`.
    package func isInsideQuote(_ position: Int, from start: Int) -> Bool {
        var open = false
        var index = start
        while index < position {
            if self[index] == UInt8(ascii: "\"") { open.toggle() }
            index += 1
        }
        return open
    }
}
