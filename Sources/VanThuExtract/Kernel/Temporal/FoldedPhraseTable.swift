import VanThuText

/// A table of folded keyword phrases ("truoc", "cham nhat", "giai doan") with a value each, matched
/// forward from an offset or backward from an end, on word boundaries. Longer phrases win; among
/// phrases of one length, the one listed first. The phrases are stored in one flat byte array,
/// indexed by their first and last byte, so a lookup compares only the few candidates that can
/// match and touches no nested arrays (this sits in the hot loop of the scanners).
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

    private let bytes: [UInt8]
    /// Where each phrase starts in `bytes`, plus the end of the last one.
    private let starts: [Int]
    private let values: [Value]
    /// Phrase indices grouped by first byte: `byFirst[firstStart[b]..<firstStart[b + 1]]`.
    private let byFirst: [Int]
    private let firstStart: [Int]
    private let byLast: [Int]
    private let lastStart: [Int]
    package let joiner: Joiner
    package let boundary: Boundary
    /// The most words a phrase of the table has.
    package let maximumWords: Int

    package init(_ phrases: [(String, Value)], joiner: Joiner = .spaces, boundary: Boundary = .notLetter) {
        self.joiner = joiner
        self.boundary = boundary
        let sorted = phrases
            .map { (Array($0.0.split(separator: " ").joined(separator: " ").utf8), $0.1) }
            .enumerated()
            .sorted { $0.element.0.count != $1.element.0.count ? $0.element.0.count > $1.element.0.count : $0.offset < $1.offset }
            .map(\.element)
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for (phrase, _) in sorted {
            starts.append(bytes.count)
            bytes += phrase
        }
        starts.append(bytes.count)
        // A counting sort by the key byte, stable: a configuration may add 100,000 phrases.
        func buckets(_ key: (Int) -> UInt8) -> ([Int], [Int]) {
            var start = [Int](repeating: 0, count: 257)
            for index in sorted.indices { start[Int(key(index)) + 1] += 1 }
            for byte in 0..<256 { start[byte + 1] += start[byte] }
            var next = start
            var order = [Int](repeating: 0, count: sorted.count)
            for index in sorted.indices {
                let byte = Int(key(index))
                order[next[byte]] = index
                next[byte] += 1
            }
            return (order, start)
        }
        (byFirst, firstStart) = buckets { bytes[starts[$0]] }
        (byLast, lastStart) = buckets { bytes[starts[$0 + 1] - 1] }
        self.bytes = bytes
        self.starts = starts
        self.values = sorted.map(\.1)
        maximumWords = sorted.map { $0.0.filter { $0 == 0x20 }.count + 1 }.max() ?? 0
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
        let first = Int(text[start])
        for slot in firstStart[first]..<firstStart[first + 1] {
            let index = byFirst[slot]
            var position = start
            var matched = true
            for k in starts[index]..<starts[index + 1] {
                let byte = bytes[k]
                if byte == 0x20 {
                    var next = position
                    while next < limit, next - position < joiner.limit, joiner.joins(text[next]) { next += 1 }
                    if next == position { matched = false; break }
                    position = next
                } else {
                    if position >= limit || text[position] != byte { matched = false; break }
                    position += 1
                }
            }
            if matched && !FoldedText.isWordByte(text[position]) && accept(values[index], position) {
                return (values[index], position)
            }
        }
        return nil
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
        let last = Int(text[end - 1])
        for slot in lastStart[last]..<lastStart[last + 1] {
            let index = byLast[slot]
            var position = end
            var matched = true
            var k = starts[index + 1] - 1
            while k >= starts[index] {
                let byte = bytes[k]
                if byte == 0x20 {
                    var previous = position
                    while previous > 0, position - previous < joiner.limit, joiner.joins(text[previous - 1]) { previous -= 1 }
                    if previous == position { matched = false; break }
                    position = previous
                } else {
                    if position == 0 || text[position - 1] != byte { matched = false; break }
                    position -= 1
                }
                k -= 1
            }
            if matched && (gluedStart || boundary.allows(text[position - 1]) && !FoldedText.isDigit(text[position - 1]))
                && accept(values[index], position) {
                return (values[index], position)
            }
        }
        return nil
    }
}

extension FoldedPhraseTable: Sendable where Value: Sendable {}
