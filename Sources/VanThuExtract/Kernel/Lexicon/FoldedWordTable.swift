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
        /// The line is the word, with nothing after it but a closing `!` or `.` (and spaces).
        case wholeLine
    }

    /// A short name (`header.noise`) for tests and messages.
    package let id: String
    package let place: Place
    package let entries: [Entry]
    /// Lines, as written, that no word of the table marks.
    package let counterExamples: [String]
    /// The words as the kernel's matcher holds them: their bytes as written (a space in a word is
    /// a space in the line), in the table's order (the first that matches is the one reported).
    private let matcher: PhraseMatcher<UInt8, Int>

    /// A table of line starts.
    package init(_ id: String, _ entries: [(word: String, example: String)], notMatching: [String]) {
        self.init(id, .lineStart, entries, notMatching: notMatching)
    }

    package init(_ id: String, _ place: Place, _ entries: [(word: String, example: String)], notMatching: [String]) {
        self.id = id
        self.place = place
        self.entries = entries.map { Entry(word: $0.word, example: $0.example) }
        self.counterExamples = notMatching
        // No word holds a 0 byte: nothing in a word is read as a break between words.
        matcher = PhraseMatcher(entries.enumerated().map { (Array($0.element.word.utf8), $0.offset) }, separator: 0, order: .asListed)
    }

    /// This table with more words, as written (`Mã định danh`): each is folded as lines are, and is
    /// its own example.
    package func adding(_ written: [String]) -> FoldedWordTable {
        let added = written.map { (word: String(decoding: Self.fold($0), as: UTF8.self), example: $0) }.filter { !$0.word.isEmpty }
        return FoldedWordTable(id, place, entries.map { ($0.word, $0.example) } + added, notMatching: counterExamples)
    }

    /// The first word (its index and end) that the folded line has at `offset`; with `whole`,
    /// only a word after which the line ends (but for a closing `!` or `.`).
    private func match<Line: RandomAccessCollection<UInt8>>(_ line: Line, at offset: Int, whole: Bool = false) -> (index: Int, end: Int)?
    where Line.Index == Int {
        let base = line.startIndex, count = line.count
        return matcher.first(from: offset, symbol: { $0 < count ? line[base + $0] : nil }, join: { _, _, _ in nil },
                             accept: { _, end in
            !whole || line[(base + end)...].allSatisfy { $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: ".") || $0 == 0x20 }
        }).map { (matcher.values[$0.entry], $0.end) }
    }

    /// The ends of every word of the table that the folded line has at `offset`, in the table's order.
    package func ends<Line: RandomAccessCollection<UInt8>>(in line: Line, at offset: Int) -> [Int] where Line.Index == Int {
        let base = line.startIndex, count = line.count
        var ends: [Int] = []
        _ = matcher.first(from: offset, symbol: { $0 < count ? line[base + $0] : nil }, join: { _, _, _ in nil },
                          accept: { _, end in ends.append(end); return false })
        return ends
    }

    /// Whether the folded line has a word of the table at `offset` (a line-start table read from
    /// inside the line: `Thông báo số 5 về việc …` has a subject cue after its number).
    package func marks<Line: RandomAccessCollection<UInt8>>(_ line: Line, at offset: Int) -> Bool where Line.Index == Int {
        match(line, at: offset) != nil
    }

    /// The index of the first word that a folded line starts with (`lineStart`), or of the word
    /// that occurs first in it (`anywhere`).
    package func firstMatch<Line: RandomAccessCollection<UInt8>>(in line: Line) -> Int? where Line.Index == Int {
        switch place {
        case .lineStart:
            return match(line, at: 0)?.index
        case .anywhere:
            return occurrence(in: line)?.index
        case .wholeLine:
            return match(line, at: 0, whole: true)?.index
        }
    }

    /// Whether a word of the table marks the folded line.
    package func matches<Line: RandomAccessCollection<UInt8>>(_ line: Line) -> Bool where Line.Index == Int {
        firstMatch(in: line) != nil
    }

    /// The matched word's length, for a line that starts with one of the words.
    package func matchLength<Line: RandomAccessCollection<UInt8>>(startOf line: Line) -> Int? where Line.Index == Int {
        match(line, at: 0)?.end
    }

    /// The first place in the folded line where a word of the table occurs: the word's index and
    /// its range (offsets from the line's start).
    package func occurrence<Line: RandomAccessCollection<UInt8>>(in line: Line) -> (index: Int, range: Range<Int>)?
    where Line.Index == Int {
        for offset in 0..<line.count {
            if let found = match(line, at: offset) { return (found.index, offset..<found.end) }
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
