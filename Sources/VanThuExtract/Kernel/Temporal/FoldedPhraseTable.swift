import VanThuText

/// A table of folded keyword phrases ("truoc", "cham nhat", "giai doan") with a value each, matched
/// forward from an offset or backward from an end, on word boundaries, with any run of spaces
/// between the words. Longer phrases win. The phrases are stored in one flat byte array, indexed by
/// their first and last byte, so a lookup compares only the few candidates that can match and
/// touches no nested arrays (this sits in the hot loop of the scanners).
package struct FoldedPhraseTable<Value> {
    private let bytes: [UInt8]
    /// Where each phrase starts in `bytes`, plus the end of the last one.
    private let starts: [Int]
    private let values: [Value]
    /// Phrase indices grouped by first byte: `byFirst[firstStart[b]..<firstStart[b + 1]]`.
    private let byFirst: [Int]
    private let firstStart: [Int]
    private let byLast: [Int]
    private let lastStart: [Int]

    package init(_ phrases: [(String, Value)]) {
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
        func buckets(_ key: (Int) -> UInt8) -> ([Int], [Int]) {
            var start = [Int](repeating: 0, count: 257)
            var order: [Int] = []
            for byte in 0..<256 {
                start[byte] = order.count
                for index in sorted.indices where key(index) == UInt8(byte) { order.append(index) }
            }
            start[256] = order.count
            return (order, start)
        }
        (byFirst, firstStart) = buckets { bytes[starts[$0]] }
        (byLast, lastStart) = buckets { bytes[starts[$0 + 1] - 1] }
        self.bytes = bytes
        self.starts = starts
        self.values = sorted.map(\.1)
    }

    /// The entry whose phrase starts exactly at `start` (on a word start), and the phrase's end.
    package func match(_ text: FoldedBytes, at start: Int) -> (value: Value, end: Int)? {
        guard start < text.count, !FoldedText.isLetter(text[start - 1]) else { return nil }
        let first = Int(text[start])
        for slot in firstStart[first]..<firstStart[first + 1] {
            let index = byFirst[slot]
            var position = start
            var matched = true
            for k in starts[index]..<starts[index + 1] {
                let byte = bytes[k]
                if byte == 0x20 {
                    let next = text.skipSpaces(from: position, limit: 4)
                    if next == position { matched = false; break }
                    position = next
                } else {
                    if text[position] != byte { matched = false; break }
                    position += 1
                }
            }
            if matched && !FoldedText.isLetter(text[position]) && !FoldedText.isDigit(text[position]) {
                return (values[index], position)
            }
        }
        return nil
    }

    /// The entry whose phrase ends exactly at `end` (on a word end), and the phrase's start. With
    /// `gluedStart`, the phrase may start inside a word: text whose space was lost (`nhân dânchậm nhất`).
    package func match(_ text: FoldedBytes, endingAt end: Int, gluedStart: Bool = false) -> (value: Value, start: Int)? {
        guard end > 0, !FoldedText.isLetter(text[end]), !FoldedText.isDigit(text[end]) else { return nil }
        let last = Int(text[end - 1])
        for slot in lastStart[last]..<lastStart[last + 1] {
            let index = byLast[slot]
            var position = end
            var matched = true
            var k = starts[index + 1] - 1
            while k >= starts[index] {
                let byte = bytes[k]
                if byte == 0x20 {
                    let previous = text.skipSpacesBack(from: position, limit: 4)
                    if previous == position { matched = false; break }
                    position = previous
                } else {
                    if position == 0 || text[position - 1] != byte { matched = false; break }
                    position -= 1
                }
                k -= 1
            }
            if matched && (gluedStart || (!FoldedText.isLetter(text[position - 1]) && !FoldedText.isDigit(text[position - 1]))) {
                return (values[index], position)
            }
        }
        return nil
    }
}

extension FoldedPhraseTable: Sendable where Value: Sendable {}
