/// The years a document mentions, for the year of a count: `năm 2017`, `Tính đến năm 2017`,
/// `Trong năm 2021`, `giai đoạn 2016-2020` (its end), `đến ngày 30/6/2021`.
///
/// A count takes the year of its own sentence (the nearest before it, else the first after it);
/// else the year that opens the latest sentence before it ("Trong năm 2021, …" then "Trong năm,
/// toàn thành phố có …"); else the one year of the title; else the document's own year. Years in
/// quotes (plan titles) and after `so với` (the year compared with) are not the count's year.
struct ModelCountYears {
    struct Mention: Sendable, Equatable {
        var offset: Int
        var year: Int
        /// `so với năm 2016`: the baseline of a comparison.
        var comparative: Bool
        /// Inside quotes: a title, not the time of the count.
        var quoted: Bool
        /// Opens its sentence ("Năm 2017, …", "Tính đến năm 2017, …").
        var opensSentence: Bool
        /// `từ năm 2015 đến nay`: where a period starts, not the time of the count.
        var since: Bool

        var usable: Bool { !comparative && !quoted && !since }
    }

    let mentions: [Mention]

    /// Words that may come before the year at the start of a sentence.
    private static let openers: Set<String> = [
        "trong", "tinh", "den", "het", "cuoi", "dau", "nam", "thang", "quy", "nua", "sau", "chin", "qua", "ket", "thuc",
        "va", "tu", "nay", "rieng", "o", "tai", "thoi", "diem",
    ]

    init(_ text: ModelCountText) {
        var mentions: [Mention] = []
        let bytes = text.bytes
        let count = bytes.count
        let periods = [FoldedPhrase("giai doan"), FoldedPhrase("nhiem ky")]
        var index = 0
        while index + 8 <= count {
            defer { index += 1 }
            let byte = bytes[index]
            var digits = -1
            var isNam = false
            if byte == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "a"), bytes[index + 2] == UInt8(ascii: "m"),
               FoldedText.isWordStartByte(in: bytes, at: index), ModelCountText.isSpace(bytes[index + 3]) {
                digits = text.skipSpaces(from: index + 3)
                isNam = true
            } else if byte == UInt8(ascii: "g") || byte == UInt8(ascii: "n"),
                      let end = periods.lazy.compactMap({ $0.match(in: bytes, at: index) }).first {
                digits = text.skipSpaces(from: end)
            } else if byte == UInt8(ascii: "("), ModelCountText.isDigit(bytes[index + 1]) {
                digits = index + 1  // "(2016-2020)": a period in parentheses
            } else if ModelCountText.isDigit(byte), index > 0, bytes[index - 1] == UInt8(ascii: "/") {
                if let mention = Self.dateYear(at: index, in: text) { mentions.append(mention) }
                continue
            } else {
                continue
            }
            guard let year = Self.year(at: digits, in: text) else { continue }
            if isNam, text.lowered(index..<index + 3) != "năm" { continue }
            var value = year.value
            // A range "2015-2020", "2015 – 2020": the count is as of its end.
            var after = text.skipSpaces(from: year.end)
            if after < count, bytes[after] == UInt8(ascii: "-") {
                after = text.skipSpaces(from: after + 1)
                if let end = Self.year(at: after, in: text), end.value > value { value = end.value }
            } else if !isNam {
                continue  // "giai đoạn 2016" alone is not a period
            }
            var mention = Self.mention(at: index, year: value, in: text)
            mention.since = Self.isSince(at: index, yearEnd: year.end, in: text)
            if mention.since { mention.opensSentence = false }
            mentions.append(mention)
        }
        self.mentions = mentions
    }

    /// A four-digit year 1900…2100 starting at `offset`, on word boundaries.
    private static func year(at offset: Int, in text: ModelCountText) -> (value: Int, end: Int)? {
        let bytes = text.bytes
        guard offset + 4 <= bytes.count else { return nil }
        var value = 0
        for k in 0..<4 {
            let byte = bytes[offset + k]
            guard ModelCountText.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        if offset + 4 < bytes.count {
            let next = bytes[offset + 4]
            if FoldedText.isWordByte(next) || next == UInt8(ascii: "/") { return nil }
        }
        guard (1900...2100).contains(value) else { return nil }
        return (value, offset + 4)
    }

    /// The year of `30/6/2021` or `6/2021` when the date says "as of" (`đến ngày 30/6/2021`,
    /// `tháng 6/2021`), at the digits after the last `/`.
    private static func dateYear(at offset: Int, in text: ModelCountText) -> Mention? {
        guard let year = year(at: offset, in: text) else { return nil }
        // Not a document number: "04/2015/NĐ-CP" fails in year(at:); "-" after the year too.
        if year.end < text.bytes.count, text.bytes[year.end] == UInt8(ascii: "-") { return nil }
        var cursor = offset - 1
        while cursor > 0, ModelCountText.isDigit(text.bytes[cursor - 1]) || text.bytes[cursor - 1] == UInt8(ascii: "/") {
            cursor -= 1
        }
        let words = text.previousWords(before: cursor, limit: 3).map { text.lowered($0) }
        let asOf = words.contains("đến") || words.contains("tháng") || words.contains("hết") || words.contains("tới")
        guard asOf else { return nil }
        return mention(at: cursor, year: year.value, in: text)
    }

    private static func mention(at offset: Int, year: Int, in text: ModelCountText) -> Mention {
        let words = text.previousWords(before: offset, limit: 4).map { text.lowered($0) }
        let comparative = words.count >= 2 && zip(words, words.dropFirst()).contains { $0 == "với" && $1 == "so" }
        let sentenceStart = text.sentenceStart(of: offset)
        let quoted = text.isInsideQuote(offset, from: sentenceStart)
        var opens = false
        if !quoted {
            let prefix = text.folded(sentenceStart..<offset)
            let tokens = prefix.split(whereSeparator: { !FoldedText.isWordByte($0.asciiValue ?? 0) })
            opens = tokens.count <= 5 && tokens.allSatisfy { openers.contains(String($0)) || $0.allSatisfy(\.isNumber) }
        }
        return Mention(offset: offset, year: year, comparative: comparative, quoted: quoted, opensSentence: opens, since: false)
    }

    /// `từ năm 2015 đến nay`, `kể từ năm 2015 tới nay`.
    private static func isSince(at offset: Int, yearEnd: Int, in text: ModelCountText) -> Bool {
        guard let before = text.previousWord(before: offset), text.lowered(before) == "từ" else { return false }
        var cursor = yearEnd
        var words: [String] = []
        while words.count < 3, let word = text.nextWord(after: cursor) {
            words.append(text.lowered(word))
            cursor = word.upperBound
        }
        guard let first = words.first, first == "đến" || first == "tới" else { return false }
        return words.dropFirst().prefix(2).contains("nay")
    }

    /// The year stated for a count: the last usable mention in `before` (the sentence up to the
    /// count), else the first in `after` (the count's own clause).
    func year(before: Range<Int>, after: Range<Int>) -> Int? {
        if let mention = mentions.last(where: { before.contains($0.offset) && $0.usable }) { return mention.year }
        return mentions.first(where: { after.contains($0.offset) && $0.usable })?.year
    }

    /// Whether a period up to now (`từ năm 2015 đến nay`) is stated in `range`.
    func hasSince(in range: Range<Int>) -> Bool {
        mentions.contains { range.contains($0.offset) && $0.since && !$0.quoted }
    }

    /// The year that opens the latest sentence before `position`.
    func openingYear(before position: Int) -> Int? {
        mentions.last { $0.offset < position && $0.opensSentence }?.year
    }
}
