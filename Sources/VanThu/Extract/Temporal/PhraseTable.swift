/// A table of folded keyword phrases ("truoc", "cham nhat", "giai doan") with a value each, matched
/// forward from an offset or backward from an end, on word boundaries, with any run of spaces
/// between the words. Longer phrases win. Entries are indexed by their first and last byte so a
/// lookup compares only the few candidates that can match.
struct PhraseTable<Value> {
    struct Entry {
        let words: [[UInt8]]
        let value: Value
    }

    private let entries: [Entry]
    private let byFirstByte: [[Int]]
    private let byLastByte: [[Int]]

    init(_ phrases: [(String, Value)]) {
        let entries = phrases
            .map { Entry(words: $0.0.split(separator: " ").map { Array($0.utf8) }, value: $0.1) }
            .sorted { $0.words.reduce(0) { $0 + $1.count + 1 } > $1.words.reduce(0) { $0 + $1.count + 1 } }
        var first = [[Int]](repeating: [], count: 256)
        var last = [[Int]](repeating: [], count: 256)
        for (index, entry) in entries.enumerated() {
            first[Int(entry.words[0][0])].append(index)
            last[Int(entry.words[entry.words.count - 1].last!)].append(index)
        }
        self.entries = entries
        self.byFirstByte = first
        self.byLastByte = last
    }

    /// The entry whose phrase starts exactly at `start` (on a word start), and the phrase's end.
    func match(_ text: FoldedBytes, at start: Int) -> (value: Value, end: Int)? {
        guard start < text.count, !FoldedBytes.isLetter(text[start - 1]) else { return nil }
        for index in byFirstByte[Int(text[start])] {
            let entry = entries[index]
            var position = start
            var matched = true
            for (k, word) in entry.words.enumerated() {
                if k > 0 {
                    let next = text.skipSpaces(from: position, limit: 4)
                    if next == position { matched = false; break }
                    position = next
                }
                if !text.matches(word, at: position) { matched = false; break }
                position += word.count
            }
            if matched { return (entry.value, position) }
        }
        return nil
    }

    /// The entry whose phrase ends exactly at `end` (on a word end), and the phrase's start.
    func match(_ text: FoldedBytes, endingAt end: Int) -> (value: Value, start: Int)? {
        guard end > 0, !FoldedBytes.isLetter(text[end]), !FoldedBytes.isDigit(text[end]) else { return nil }
        for index in byLastByte[Int(text[end - 1])] {
            let entry = entries[index]
            var position = end
            var matched = true
            for (k, word) in entry.words.reversed().enumerated() {
                if k > 0 {
                    let previous = text.skipSpacesBack(from: position, limit: 4)
                    if previous == position { matched = false; break }
                    position = previous
                }
                let start = position - word.count
                if start < 0 { matched = false; break }
                var same = true
                for j in 0..<word.count where text[start + j] != word[j] { same = false; break }
                if !same { matched = false; break }
                position = start
            }
            if matched, !FoldedBytes.isLetter(text[position - 1]), !FoldedBytes.isDigit(text[position - 1]) {
                return (entry.value, position)
            }
        }
        return nil
    }
}

extension PhraseTable: Sendable where Value: Sendable {}
extension PhraseTable.Entry: Sendable where Value: Sendable {}
