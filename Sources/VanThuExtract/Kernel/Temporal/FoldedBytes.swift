import VanThuText

/// A bounds-safe view of folded text bytes (see `FoldedText`) with the small scanning steps the
/// temporal rules are made of: spaces, words, numbers, keyword phrases. Reading outside the text
/// yields 0, so rules can look a few bytes ahead or behind without checks.
///
/// It wraps an `UnsafeBufferPointer`: use it only inside `withUnsafeBufferPointer`.
package struct FoldedBytes {
    package let base: UnsafeBufferPointer<UInt8>
    package let count: Int

    package init(_ base: UnsafeBufferPointer<UInt8>) {
        self.base = base
        self.count = base.count
    }

    @inline(__always)
    package subscript(_ index: Int) -> UInt8 {
        index >= 0 && index < count ? base[index] : 0
    }

    @inline(__always)
    package func isDigit(_ index: Int) -> Bool { FoldedText.isDigit(self[index]) }

    @inline(__always)
    package func isLetter(_ index: Int) -> Bool { FoldedText.isLetter(self[index]) }

    @inline(__always)
    package func isSpace(_ index: Int) -> Bool { FoldedText.isSpace(self[index]) }

    /// The first offset at or after `index` that is not a space (at most `limit` spaces skipped).
    @inline(__always)
    package func skipSpaces(from index: Int, limit: Int = 8) -> Int {
        var i = index
        while i < count, i - index < limit, FoldedText.isSpace(base[i]) { i += 1 }
        return i
    }

    /// The offset where the run of spaces that ends at `end` starts (at most `limit` spaces).
    @inline(__always)
    package func skipSpacesBack(from end: Int, limit: Int = 8) -> Int {
        var i = end
        while i > 0, end - i < limit, FoldedText.isSpace(base[i - 1]) { i -= 1 }
        return i
    }

    /// The letters-only word that ends at `end`, if any.
    @inline(__always)
    package func wordEnding(at end: Int) -> Range<Int>? {
        var i = end
        while i > 0, FoldedText.isLetter(base[i - 1]) { i -= 1 }
        return i < end ? i..<end : nil
    }

    /// The letters-only word that starts at `start`, if any.
    @inline(__always)
    package func wordStarting(at start: Int) -> Range<Int>? {
        var i = start
        while i < count, FoldedText.isLetter(base[i]) { i += 1 }
        return i > start ? start..<i : nil
    }

    /// Whether `word` occurs at `offset`, ending on a word boundary.
    @inline(__always)
    package func matches(_ word: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + word.count <= count else { return false }
        for k in 0..<word.count where base[offset + k] != word[k] { return false }
        let after = self[offset + word.count]
        return !(FoldedText.isLetter(after) || FoldedText.isDigit(after))
    }

    /// A number of 1–9 digits at `start`: its value, digit count and end.
    @inline(__always)
    package func number(at start: Int) -> (value: Int, digits: Int, end: Int)? {
        var i = start
        var value = 0
        while i < count, FoldedText.isDigit(base[i]) {
            if i - start < 9 { value = value * 10 + Int(base[i] - 48) }
            i += 1
        }
        guard i > start else { return nil }
        return (value, i - start, i)
    }

    /// Read backwards: where the digits that end at `end` start, with the `.` or `,` between two
    /// digits (`2.071`, `2,5`), so that `NumberToken.read` from there reads the number that ends at `end`.
    package func numberStart(endingAt end: Int) -> Int {
        var start = end
        while start > 0 {
            let byte = self[start - 1]
            if FoldedText.isDigit(byte) { start -= 1; continue }
            if byte == NumberToken.dot || byte == NumberToken.comma, start < end, FoldedText.isDigit(self[start - 2]) {
                start -= 1
                continue
            }
            break
        }
        return start
    }

    /// If a phrase of `table` starts at `start` (after at most a few spaces), its entry and end.
    package func phrase<Value>(_ table: FoldedPhraseTable<Value>, at start: Int) -> (value: Value, end: Int)? {
        table.match(self, at: skipSpaces(from: start))
    }
}

extension FoldedBytes {
    /// Shortest line (bytes) that counts as a wrapped one: text extracted from a gazette PDF breaks
    /// its lines at about 75–80 characters, inside sentences.
    package static let wrappedLineLength = 55

    /// Whether the line break at `offset` only wraps a long line inside a sentence (`… gửi về Bộ⏎Tài
    /// chính trước ngày …`): the line before is long and ends without `.`, `;`, `:`, `!`, `?`, and the
    /// next line does not start a list item (`a)`, `2.`, `-`, `+`, a bullet) or a blank line.
    package func isSoftWrap(at offset: Int) -> Bool {
        continuation(afterWrapAt: offset) != nil
    }

    /// Where the sentence goes on after a soft wrap at `offset` (see `isSoftWrap`), past a gazette
    /// page break (blank lines, the running header, the page number) when one stands there.
    package func continuation(afterWrapAt offset: Int) -> Int? {
        guard self[offset] == 0x0A else { return nil }
        guard isWrappedLine(endingAt: offset) else { return nil }
        if let past = skipPageBreak(from: offset) { return past }
        return isContinuedLine(at: offset + 1) ? offset + 1 : nil
    }

    /// A gazette page break inside a sentence (`ngày 21 tháng 10⏎⏎CÔNG BÁO/Số 5/Ngày …⏎21⏎năm 2013`):
    /// past the blank lines, running headers and bare page numbers after `end`, to where the
    /// sentence goes on; nil when no such furniture follows.
    package func skipPageBreak(from end: Int) -> Int? {
        let text = self
        var j = end
        var skipped = false
        while j - end < 300 {
            while j < text.count, j - end < 300, FoldedText.isSpace(text[j]) { j += 1 }
            var lineStart = j
            while lineStart > end, text[lineStart - 1] == 0x20 || text[lineStart - 1] == 0x09 { lineStart -= 1 }
            guard lineStart > end, text[lineStart - 1] == 0x0A else { break }
            var lineEnd = j
            while lineEnd < text.count, text[lineEnd] != 0x0A, lineEnd - j < 120 { lineEnd += 1 }
            var isFurniture = TemporalChromeLine.ruleID(text, lineOf: j) == "temporal-chrome.gazette-running-header"
            if !isFurniture {
                var k = j
                while k < lineEnd, FoldedText.isDigit(text[k]) || FoldedText.isSpace(text[k]) { k += 1 }
                isFurniture = k == lineEnd && lineEnd - j <= 6
            }
            guard isFurniture, text[lineEnd] == 0x0A else { break }
            j = lineEnd
            skipped = true
        }
        guard skipped else { return nil }
        while j < text.count, FoldedText.isSpace(text[j]) { j += 1 }
        return j
    }

    /// Read backwards: for the line break at `offset` that starts a line, the break that ends the
    /// previous line of text (past a page break's furniture) when that line wraps into this one.
    package func wrappedLineEnd(before offset: Int) -> Int? {
        var end = offset
        for _ in 0..<8 {
            let last = skipSpacesBack(from: end, limit: 40)
            guard last > 0 else { return nil }
            var lineStart = last
            while lineStart > 0, self[lineStart - 1] != 0x0A { lineStart -= 1 }
            var k = lineStart
            while k < last, FoldedText.isDigit(self[k]) || FoldedText.isSpace(self[k]) { k += 1 }
            let isFurniture = (k == last && last - lineStart <= 6)
                || TemporalChromeLine.ruleID(self, lineOf: lineStart) == "temporal-chrome.gazette-running-header"
            if isFurniture {
                end = lineStart - 1
                continue
            }
            var lineBreak = last
            while lineBreak < count, self[lineBreak] != 0x0A { lineBreak += 1 }
            guard let goesOn = continuation(afterWrapAt: lineBreak), goesOn > offset else { return nil }
            return lineBreak
        }
        return nil
    }

    /// Whether the line that ends at the break `offset` is long and ends inside a sentence.
    package func isWrappedLine(endingAt offset: Int) -> Bool {
        let last = skipSpacesBack(from: offset, limit: 8)
        guard last > 0, self[last - 1] != 0x0A else { return false }
        switch self[last - 1] {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"): return false
        default: break
        }
        var lineStart = last
        while lineStart > 0, self[lineStart - 1] != 0x0A, last - lineStart < Self.wrappedLineLength { lineStart -= 1 }
        return last - lineStart >= Self.wrappedLineLength
    }

    /// Whether the line that starts at `start` goes on with a sentence: not blank, not a list item.
    package func isContinuedLine(at start: Int) -> Bool {
        var next = start
        while next < count, self[next] == 0x20 || self[next] == 0x09 || self[next] == 0x0D { next += 1 }
        let first = self[next]
        guard next < count, first != 0x0A, first != UInt8(ascii: "-"), first != UInt8(ascii: "+"),
              first != UInt8(ascii: "*"), first != FoldedText.other else { return false }
        // `a) …`, `2. …`, `đ) …`: a new item.
        var k = next
        while k < count, k - next < 3, FoldedText.isDigit(self[k]) || FoldedText.isLetter(self[k]) { k += 1 }
        if k > next, k - next <= 3, self[k] == UInt8(ascii: ")") || (self[k] == UInt8(ascii: ".") && FoldedText.isDigit(self[next])) {
            return false
        }
        return true
    }
}
