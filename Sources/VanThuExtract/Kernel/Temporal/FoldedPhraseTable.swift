import VanThuText

/// A table of folded keyword phrases ("truoc", "cham nhat", "giai doan") with a value each, matched
/// forward from an offset or backward from an end, on word boundaries. Longer phrases win; among
/// phrases of one length, the one listed first. The kernel's `PhraseMatcher` compares the
/// phrases; this view says what folded bytes are made of (joiners, boundaries).
///
/// What may stand between two words (`Joiner`) and right before a phrase (`Boundary`) is chosen
/// per table: the temporal rules read `trước⏎ngày` across a line break, model counts read
/// `văn hóa – xã hội` and `quốc phòng, an ninh` as one phrase.
package struct FoldedPhraseTable<Value> {
    /// What may stand between two words of a phrase in the text (at least one byte of it).
    package enum Joiner: Sendable {
        /// One to four spaces, tabs or line breaks: `chậm⏎nhất` (dates and deadlines).
        case spaces
        /// Any run of spaces, tabs, dashes and commas, not a line break: `văn hóa-xã hội`,
        /// `quốc phòng, an ninh` (model counts).
        case blanksDashesCommas

        @inline(__always)
        func joins(_ byte: UInt8) -> Bool {
            switch self {
            case .spaces: FoldedText.isSpace(byte)
            case .blanksDashesCommas: FoldedText.isBlank(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",")
            }
        }

        /// How many joining bytes are read at most.
        var limit: Int {
            switch self {
            case .spaces: 4
            case .blanksDashesCommas: Int.max
            }
        }
    }

    /// What may stand right before a phrase.
    package enum Boundary: Sendable {
        /// Anything but a letter: `2020trước` still reads `trước` (dates).
        case notLetter
        /// Anything but a letter or a digit (model counts).
        case notWordByte

        @inline(__always)
        func allows(_ byte: UInt8) -> Bool {
            switch self {
            case .notLetter: !FoldedText.isLetter(byte)
            case .notWordByte: !FoldedText.isWordByte(byte)
            }
        }
    }

    /// The phrases as the kernel's matcher holds them: folded bytes, a space between two words.
    private let matcher: PhraseMatcher<UInt8, Value>
    package let joiner: Joiner
    package let boundary: Boundary
    /// The most words a phrase of the table has.
    package var maximumWords: Int { matcher.maximumWords }

    package init(_ phrases: [(String, Value)], joiner: Joiner = .spaces, boundary: Boundary = .notLetter) {
        self.joiner = joiner
        self.boundary = boundary
        matcher = PhraseMatcher(phrases.map { (Array($0.0.split(separator: " ").joined(separator: " ").utf8), $0.1) },
                                separator: 0x20)
    }

    /// The entry whose phrase starts exactly at `start` (on a word start), and the phrase's end.
    package func match(_ text: FoldedBytes, at start: Int) -> (value: Value, end: Int)? {
        match(text, at: start, limit: text.count) { _, _ in true }
    }

    /// The longest entry whose phrase starts exactly at `start` (on a word start), ends by `limit`
    /// (on a word end) and is accepted by `accept` (given its value and end).
    package func match(_ text: FoldedBytes, at start: Int, limit: Int,
                       where accept: (Value, Int) -> Bool) -> (value: Value, end: Int)? {
        guard start < min(limit, text.count), boundary.allows(text[start - 1]) else { return nil }
        let joiner = joiner
        let found = matcher.first(from: start, symbol: { $0 < limit ? text[$0] : nil }, join: { position, _, _ in
            var next = position
            while next < limit, next - position < joiner.limit, joiner.joins(text[next]) { next += 1 }
            return next == position ? nil : next
        }, accept: { entry, end in
            !FoldedText.isWordByte(text[end]) && accept(matcher.values[entry], end)
        })
        return found.map { (matcher.values[$0.entry], $0.end) }
    }

    /// The entry whose phrase ends exactly at `end` (on a word end), and the phrase's start. With
    /// `gluedStart`, the phrase may start inside a word: text whose space was lost (`nhân dânchậm nhất`).
    package func match(_ text: FoldedBytes, endingAt end: Int, gluedStart: Bool = false) -> (value: Value, start: Int)? {
        match(text, endingAt: end, gluedStart: gluedStart) { _, _ in true }
    }

    /// The longest entry whose phrase ends exactly at `end` (on a word end) and is accepted by
    /// `accept` (given its value and start).
    package func match(_ text: FoldedBytes, endingAt end: Int, gluedStart: Bool = false,
                       where accept: (Value, Int) -> Bool) -> (value: Value, start: Int)? {
        guard end > 0, !FoldedText.isWordByte(text[end]) else { return nil }
        let joiner = joiner
        let boundary = boundary
        let found = matcher.first(endingAt: end, symbol: { $0 >= 0 ? text[$0] : nil }, join: { position, _, _ in
            var previous = position
            while previous > 0, position - previous < joiner.limit, joiner.joins(text[previous - 1]) { previous -= 1 }
            return previous == position ? nil : previous
        }, accept: { entry, start in
            (gluedStart || boundary.allows(text[start - 1]) && !FoldedText.isDigit(text[start - 1]))
                && accept(matcher.values[entry], start)
        })
        return found.map { (matcher.values[$0.entry], $0.start) }
    }
}

extension FoldedPhraseTable: Sendable where Value: Sendable {}
