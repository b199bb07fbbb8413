import VanThuText

extension FoldedPhraseTable {
    /// A table as model counts read it: words joined by any run of blanks, dashes or commas
    /// (`văn hóa – xã hội`, `quốc phòng, an ninh`), after no letter or digit.
    package init(modelCount phrases: [(String, Value)]) {
        self.init(phrases, joiner: .blanksDashesCommas, boundary: .notWordByte)
    }
}

/// The folded text of one document seen word by word, with the original text at hand for the
/// checks that need diacritics or case ("công nhận" is not "công nhân", "năm" is not "Nam").
/// Offsets are folded offsets (one per Unicode scalar, see `FoldedText`). The words, sentences,
/// clauses and quotes are the kernel's view of folded bytes (`FoldedBytes`); it wraps a pointer,
/// so a `ModelCountText` lives only inside `reading(_:_:)`.
package struct ModelCountText {
    package let document: TextDocument
    package let bytes: FoldedBytes

    package init(_ document: TextDocument, bytes: FoldedBytes) {
        self.document = document
        self.bytes = bytes
    }

    /// Runs `body` on the text of `document`.
    package static func reading<T>(_ document: TextDocument, _ body: (ModelCountText) -> T) -> T {
        document.folded.bytes.withUnsafeBufferPointer { body(ModelCountText(document, bytes: FoldedBytes($0))) }
    }

    package var count: Int { bytes.count }

    /// The word that ends where the spaces before `position` begin, when only spaces separate
    /// them (at least one, unless `position` is itself the end of the word).
    package func previousWord(before position: Int) -> Range<Int>? { bytes.word(before: position) }

    /// The word that starts where the spaces after `position` end, when only spaces separate them.
    package func nextWord(after position: Int) -> Range<Int>? { bytes.word(after: position) }

    /// Up to `limit` words before `position`, nearest first, joined by spaces only.
    package func previousWords(before position: Int, limit: Int) -> [Range<Int>] { bytes.words(before: position, limit: limit) }

    /// Offset of the first non-space byte at or after `position`.
    package func skipSpaces(from position: Int) -> Int { bytes.skipBlanks(from: position) }

    /// Offset just after the last non-space byte before `position`.
    package func skipSpacesBack(from position: Int) -> Int { bytes.skipBlanksBack(from: position) }

    package func folded(_ range: Range<Int>) -> String { bytes.string(range) }

    /// The original text of a folded range.
    package func original(_ range: Range<Int>) -> String {
        document.string(folded: range)
    }

    /// The original text of a folded range, lower-cased, for comparisons with diacritics.
    package func lowered(_ range: Range<Int>) -> String {
        original(range).lowercased()
    }

    /// Whether the folded range reads as `exact` (lower case), or differs from it only in a vowel's
    /// shape mark, as OCR misreads them (`cơng nhận` for `công nhận`), never in a tone.
    package func reads(_ range: Range<Int>, as exact: String) -> Bool {
        let written = lowered(range)
        return written == exact || VietnameseFolding.ignoringVowelShape(written) == VietnameseFolding.ignoringVowelShape(exact)
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
        table.match(bytes, at: position, limit: limit ?? bytes.count, where: accept)
    }

    /// The longest phrase of `table` at `position` that reads as its entry's `exact` spelling
    /// (lower-cased) when the entry has one: `xã`, not `xa`; `có`, not `cơ`; or differs from it only
    /// in a vowel's shape mark, as OCR misreads them (`cơng nhận`), never in a tone.
    package func match<Value>(_ table: FoldedPhraseTable<Value>, at position: Int, limit: Int? = nil,
                              exact: (Value) -> String?) -> (value: Value, end: Int)? {
        match(table, at: position, limit: limit) { value, end in
            exact(value).map { reads(position..<end, as: $0) } ?? true
        }
    }

    /// The matching closing quote of the quote at `position` on the same line (within 400 bytes).
    package func closingQuote(after position: Int) -> Int? { bytes.closingQuote(after: position) }

    /// The matching opening quote of the quote at `position` on the same line (within 400 bytes).
    package func openingQuote(before position: Int) -> Int? { bytes.openingQuote(before: position) }

    /// Whether the byte at `index` ends a sentence (`FoldedBytes.isSentenceEnd`).
    package func isSentenceEnd(at index: Int) -> Bool { bytes.isSentenceEnd(at: index) }

    /// Whether the byte at `index` ends a clause (`FoldedBytes.isClauseEnd`).
    package func isClauseEnd(at index: Int) -> Bool { bytes.isClauseEnd(at: index) }

    /// Start of the sentence that contains `position`.
    package func sentenceStart(of position: Int) -> Int { bytes.sentenceStart(of: position) }

    /// End (exclusive, at the terminating byte) of the sentence that contains `position`.
    package func sentenceEnd(of position: Int) -> Int { bytes.sentenceEnd(of: position) }

    /// Start of the line that contains `position`.
    package func lineStart(of position: Int) -> Int { bytes.lineStart(of: position) }

    /// Whether a quote opened before `position` in `start..<position` is still open there.
    package func isInsideQuote(_ position: Int, from start: Int) -> Bool { bytes.isInsideQuote(position, from: start) }
}
