import VanThuText

/// A table of folded words that the line rules look for at the start of a line (or anywhere in
/// it): a list of the lexicon as data, each word with a line of the project's own that it marks,
/// and lines the table must leave alone. `FoldedWordTableTests` checks every example, so a word
/// cannot be added, dropped or misspelt without a test saying so.
///
/// Words are folded the way `FoldedText` folds (lower-case ASCII, one byte per scalar) and
/// compared byte for byte: `"so:"` is `Số:`, `"kinh gui"` is `Kính gửi`. A word may end in a
/// space or a colon (`"so "`, `"co quan:"`) when the byte after it matters.
package struct FoldedWordTable: Sendable {
    package struct Entry: Sendable {
        /// The folded word, as its bytes are compared.
        package let word: String
        /// A line, as written, that this word marks.
        package let example: String
    }

    /// Where in a line the words are looked for.
    package enum Place: Sendable {
        /// The line starts with the word.
        case lineStart
        /// The word occurs anywhere in the line.
        case anywhere
    }

    /// A short name (`header.noise`) for tests and messages.
    package let id: String
    package let place: Place
    package let entries: [Entry]
    /// Lines, as written, that no word of the table marks.
    package let counterExamples: [String]
    /// The words as bytes, in the table's order (the first that matches is the one reported).
    package let words: [[UInt8]]

    /// A table of line starts.
    package init(_ id: String, _ entries: [(word: String, example: String)], notMatching: [String]) {
        self.init(id, .lineStart, entries, notMatching: notMatching)
    }

    package init(_ id: String, _ place: Place, _ entries: [(word: String, example: String)], notMatching: [String]) {
        self.id = id
        self.place = place
        self.entries = entries.map { Entry(word: $0.word, example: $0.example) }
        self.counterExamples = notMatching
        self.words = entries.map { Array($0.word.utf8) }
    }

    /// The index of the first word that a folded line starts with (`lineStart`), or that it
    /// contains (`anywhere`).
    package func firstMatch<Line: Collection<UInt8>>(in line: Line) -> Int? {
        switch place {
        case .lineStart:
            return words.firstIndex { line.starts(with: $0) }
        case .anywhere:
            return words.firstIndex { Self.find($0, in: line) != nil }
        }
    }

    /// Whether a word of the table marks the folded line.
    package func matches<Line: Collection<UInt8>>(_ line: Line) -> Bool { firstMatch(in: line) != nil }

    /// The matched word's length, for a line that starts with one of the words.
    package func matchLength<Line: Collection<UInt8>>(startOf line: Line) -> Int? {
        words.first { line.starts(with: $0) }?.count
    }

    /// The distance from `line`'s start of the first occurrence of `word`.
    package static func find<Line: Collection<UInt8>>(_ word: [UInt8], in line: Line) -> Int? {
        guard let first = word.first else { return 0 }
        let bytes = Array(line)
        guard bytes.count >= word.count else { return nil }
        var k = 0
        while k + word.count <= bytes.count {
            if bytes[k] == first && bytes[k..<(k + word.count)].elementsEqual(word) { return k }
            k += 1
        }
        return nil
    }

    /// The folded bytes of a line as written, trimmed as the header rules trim (`FoldedLines`).
    package static func fold(_ line: String) -> [UInt8] {
        let bytes = TextDocument(line).folded.bytes
        var low = 0, high = bytes.count
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x2A || b == 0x5F || b == 0x0D }
        while low < high && blank(bytes[low]) { low += 1 }
        while high > low && blank(bytes[high - 1]) { high -= 1 }
        return Array(bytes[low..<high])
    }
}
