import VanThuText

/// The time words of a document, for the year of a count: points in time (`năm 2017`, `Tính đến
/// năm 2017`, `Trong năm 2021`, `6 tháng đầu năm 2020`, `đến ngày 30/6/2021`, `năm nay`), spans
/// of years (`giai đoạn 2016-2020`, `(2016- 2018)`, `nhiệm kỳ 2020-2025`), and words that make a
/// count cumulative or recurring (`đến nay`, `từ năm 2009 đến nay`, `hiện nay`, `nâng tổng số`,
/// `hằng năm`): see `ModelCountTimeWord`.
///
/// A count takes the nearest time word of its own sentence before it, else the first in its own
/// clause after it. A point gives its year; a span, a cumulative or a recurring word gives no
/// year (`nil`), never the end of the span. With no time word in its sentence, a count takes the
/// frame: the time word that opens the latest sentence before it ("Trong năm 2021, …" then
/// "Trong năm, toàn thành phố có …"; "(CT) - Năm 2024, …" after a dateline), else the one year of
/// the title. It never falls back to the document's own date: a count the text does not tie to a
/// year has none. Years in quotes (plan titles) and after `so với` (the year compared with) are
/// not the count's year.
package struct ModelCountYears {
    package enum Kind: Sendable, Equatable {
        /// A point in time: the count is reported for this year (nil: `năm nay` in an undated text).
        case point(Int?)
        /// A span of years, or a count accumulated up to now, or a recurring one: no single year.
        case noYear
    }

    package struct Mention: Sendable, Equatable {
        package var offset: Int
        package var kind: Kind
        /// `so với năm 2016`: the baseline of a comparison.
        package var comparative: Bool
        /// Inside quotes: a title, not the time of the count.
        package var quoted: Bool
        /// Opens its sentence ("Năm 2017, …", "Tính đến năm 2017, …", "(CT) - Năm 2024, …").
        package var opensSentence: Bool
        /// Governs only the count it leads to (`nâng tổng số … lên N`), not the later counts of its sentence.
        package var ownCountOnly = false

        package var usable: Bool { !comparative && !quoted }

        /// The year of a point, for the title's year.
        package var year: Int? { if case .point(let year) = kind { return year } else { return nil } }
    }

    package enum Resolution: Sendable, Equatable {
        /// The text ties the count to this year, or says it has none (`nil`).
        case stated(Int?)
        /// Nothing in the text says.
        case unstated
    }

    package let mentions: [Mention]

    /// Words that may come before the year at the start of a sentence.
    private static let openers: Set<String> = [
        "trong", "tinh", "den", "het", "cuoi", "dau", "nam", "thang", "quy", "nua", "sau", "chin", "qua", "ket", "thuc",
        "va", "tu", "nay", "rieng", "o", "tai", "thoi", "diem", "ngay", "ke", "hien", "toi", "giai", "doan", "nhiem", "ky",
        "i", "ii", "iii", "iv",
    ]

    /// Words before the years of a span: `giai đoạn 2021-2025`, `nhiệm kỳ 2020-2025`.
    package static let periods = FoldedPhraseTable<Bool>(modelCount: [("giai doan", true), ("nhiem ky", true)])

    package init(_ text: ModelCountText, documentYear: Int? = nil) {
        var mentions: [Mention] = []
        let bytes = text.bytes
        let count = bytes.count
        var index = 0
        while index < count {
            defer { index += 1 }
            let byte = bytes[index]
            if FoldedText.isLetter(byte), bytes.isWordStart(at: index),
               let word = ModelCountTimeWord.match(at: index, in: text) {
                if word.partOfYear {
                    let after = text.skipSpaces(from: index + word.folded.utf8.count)
                    if documentYear == nil || Self.year(at: after, in: text) != nil { continue }
                }
                var kind = word.kind
                if case .point = kind { kind = .point(documentYear) }  // năm nay
                var mention = Self.mention(at: index, kind: kind, in: text)
                mention.ownCountOnly = word.ownCountOnly
                mentions.append(mention)
                continue
            }
            guard index + 8 <= count else { continue }
            var digits = -1
            var isNam = false
            if byte == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "a"), bytes[index + 2] == UInt8(ascii: "m"),
               bytes.isWordStart(at: index), FoldedText.isBlank(bytes[index + 3]) {
                digits = text.skipSpaces(from: index + 3)
                isNam = true
            } else if byte == UInt8(ascii: "g") || byte == UInt8(ascii: "n"),
                      let end = text.match(Self.periods, at: index)?.end {
                digits = text.skipSpaces(from: end)
            } else if byte == UInt8(ascii: "("), FoldedText.isDigit(bytes[index + 1]) {
                digits = index + 1  // "(2016-2020)": a period in parentheses
            } else if FoldedText.isDigit(byte), index > 0, bytes[index - 1] == UInt8(ascii: "/") {
                if let mention = Self.dateYear(at: index, in: text) { mentions.append(mention) }
                continue
            } else {
                continue
            }
            guard let year = Self.year(at: digits, in: text) else {
                // "trong 3 năm qua", "qua 5 năm", "sau hai năm thực hiện": a span of years.
                if isNam, Self.isDuration(namAt: index, in: text) {
                    mentions.append(Self.mention(at: index, kind: .noYear, in: text))
                }
                continue
            }
            if isNam, text.lowered(index..<index + 3) != "năm" { continue }
            var kind = Kind.point(year.value)
            // A range "2015-2020", "2015 – 2020", "từ năm 2015 đến năm 2020": a span, no single year.
            var after = text.skipSpaces(from: year.end)
            if after < count, bytes[after] == UInt8(ascii: "-") {
                after = text.skipSpaces(from: after + 1)
                if let end = Self.year(at: after, in: text), end.value > year.value { kind = .noYear }
            } else if isNam, let and = text.nextWord(after: year.end), text.lowered(and) == "và",
                      let next = Self.year(at: text.skipSpaces(from: and.upperBound), in: text), next.value != year.value {
                kind = .noYear  // "năm 2022 và 2023": two years, no single one
            } else if Self.isSpanStart(at: index, yearEnd: year.end, in: text) {
                kind = .noYear
                // "từ năm 2012 đến năm 2016": the end of the span is no year of its own either.
                if let to = text.nextWord(after: year.end), let nam = text.nextWord(after: to.upperBound),
                   text.lowered(nam) == "năm" {
                    mentions.append(Self.mention(at: index, kind: kind, in: text))
                    index = nam.upperBound + 5
                    continue
                }
            } else if !isNam {
                continue  // "giai đoạn 2016" alone is not a period
            }
            mentions.append(Self.mention(at: index, kind: kind, in: text))
        }
        mentions.sort { $0.offset < $1.offset }
        // "trong năm 2022 và quý I/2023", "năm 2022 và 6 tháng đầu năm 2023": two points of
        // different years joined by `và` are one stretch over both, no single year.
        for k in mentions.indices.dropLast() {
            let (a, b) = (mentions[k], mentions[k + 1])
            guard let first = a.year, let second = b.year, first != second, a.usable, b.usable,
                  Self.joinedByAnd(a.offset..<b.offset, in: text) else { continue }
            mentions[k].kind = .noYear
            mentions[k + 1].kind = .noYear
        }
        self.mentions = mentions
    }

    /// Whether `gap` (from one time mention to the next) is a few words holding `và`, in one clause.
    private static func joinedByAnd(_ gap: Range<Int>, in text: ModelCountText) -> Bool {
        var words: [String] = []
        var index = gap.lowerBound
        while index < gap.upperBound {
            if text.isClauseEnd(at: index) { return false }
            guard FoldedText.isWordByte(text.bytes[index]), text.bytes.isWordStart(at: index) else { index += 1; continue }
            var end = index
            while end < gap.upperBound, FoldedText.isWordByte(text.bytes[end]) { end += 1 }
            words.append(text.lowered(index..<end))
            index = end
        }
        return words.count <= 7 && words.contains("và")
    }

    /// The index of the first mention at or after `offset` (binary search).
    private func firstIndex(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].offset < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A four-digit year 1900…2100 starting at `offset`, on word boundaries.
    private static func year(at offset: Int, in text: ModelCountText) -> (value: Int, end: Int)? {
        let bytes = text.bytes
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        var value = 0
        for k in 0..<4 {
            let byte = bytes[offset + k]
            guard FoldedText.isDigit(byte) else { return nil }
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
        while cursor > 0, FoldedText.isDigit(text.bytes[cursor - 1]) || text.bytes[cursor - 1] == UInt8(ascii: "/") {
            cursor -= 1
        }
        let words = text.previousWords(before: cursor, limit: 3).map { text.lowered($0) }
        // "Quý I/2023": a quarter of a year, like a month.
        let asOf = words.contains("đến") || words.contains("tháng") || words.contains("hết") || words.contains("tới")
            || words.contains("quý")
        guard asOf else { return nil }
        return mention(at: cursor, kind: .point(year.value), in: text)
    }

    private static func mention(at offset: Int, kind: Kind, in text: ModelCountText) -> Mention {
        let words = text.previousWords(before: offset, limit: 4).map { text.lowered($0) }
        let comparative = words.count >= 2 && zip(words, words.dropFirst()).contains { $0 == "với" && $1 == "so" }
        let sentenceStart = Self.afterDateline(text.sentenceStart(of: offset), before: offset, in: text)
        let quoted = text.isInsideQuote(offset, from: sentenceStart)
        var opens = false
        if !quoted {
            let prefix = text.folded(sentenceStart..<offset)
            let tokens = prefix.split(whereSeparator: { !FoldedText.isWordByte($0.asciiValue ?? 0) })
            opens = tokens.count <= 5 && tokens.allSatisfy { openers.contains(String($0)) || $0.allSatisfy(\.isNumber) }
            // A heading sets the frame of what follows it ("II. PHƯƠNG HƯỚNG NĂM 2024").
            if !opens { opens = isHeading(lineAround: offset, in: text) }
        }
        return Mention(offset: offset, kind: kind, comparative: comparative, quoted: quoted, opensSentence: opens)
    }

    /// Whether the line holding `offset` is a heading: a short line (at most 14 words) that does
    /// not end as a sentence.
    private static func isHeading(lineAround offset: Int, in text: ModelCountText) -> Bool {
        let start = text.lineStart(of: offset)
        var end = offset
        while end < text.count, text.bytes[end] != 0x0A { end += 1 }
        var last = end
        while last > start, FoldedText.isBlank(text.bytes[last - 1]) || text.bytes[last - 1] == 0x0D { last -= 1 }
        guard last > start, text.bytes[last - 1] != UInt8(ascii: "."), text.bytes[last - 1] != UInt8(ascii: ","),
              text.bytes[last - 1] != UInt8(ascii: ";") else { return false }
        var words = 0
        for index in start..<last where FoldedText.isWordByte(text.bytes[index]) && text.bytes.isWordStart(at: index) {
            words += 1
            if words > 14 { return false }
        }
        return true
    }

    /// How far back (folded bytes) a frame still governs a count: a few paragraphs.
    package static let frameReach = 2000

    /// A news lead's dateline ("YênBái - ", "(CT) - ", "TPHCM – "): a few words and a dash that
    /// open the paragraph. The sentence proper starts after it.
    package static func afterDateline(_ start: Int, before limit: Int, in text: ModelCountText) -> Int {
        var index = start
        var words = 0
        let end = min(limit, start + 48)
        while index < end {
            let byte = text.bytes[index]
            if byte == UInt8(ascii: "-"), index > start, FoldedText.isBlank(text.bytes[index - 1]),
               index + 1 < text.count, FoldedText.isBlank(text.bytes[index + 1]) {
                return words >= 1 && words <= 4 ? index + 1 : start
            }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == 0x0A { return start }
            if FoldedText.isWordByte(byte), text.bytes.isWordStart(at: index) { words += 1 }
            index += 1
        }
        return start
    }

    /// Words before a number of years that make it a span up to the report: `qua`, `trong`, `sau`.
    private static let durationLeads: Set<String> = ["qua", "trong", "sau", "suốt", "gần", "hơn"]

    /// Whether the `năm` at `offset` ends a duration of several years: a number (`3`, `hai`, `mười`)
    /// before it, and `qua` / `trong` / `sau` before the number or `qua` after `năm`.
    private static func isDuration(namAt offset: Int, in text: ModelCountText) -> Bool {
        guard let number = text.previousWord(before: offset) else { return false }
        let word = text.lowered(number)
        let isNumber = (word.allSatisfy(\.isNumber) && word.count <= 2 && word != "1" && word != "01")
            || ["hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mấy", "vài", "nhiều"].contains(word)
        guard isNumber else { return false }
        if let lead = text.previousWord(before: number.lowerBound), durationLeads.contains(text.lowered(lead)) { return true }
        if let next = text.nextWord(after: offset + 3), text.lowered(next) == "qua" { return true }
        return false
    }

    /// `từ năm 2015 đến năm 2020`, `từ năm 2015 đến nay` (the second as a time word too): the
    /// start of a span, not the year of a count.
    private static func isSpanStart(at offset: Int, yearEnd: Int, in text: ModelCountText) -> Bool {
        guard let before = text.previousWord(before: offset), ["từ", "kể"].contains(text.lowered(before)) else { return false }
        guard let next = text.nextWord(after: yearEnd) else { return false }
        return ["đến", "tới"].contains(text.lowered(next))
    }

    /// The year stated for a count: the nearest usable mention in `before` (its sentence up to the
    /// count), else the first in `after` (its own clause), else `.unstated`.
    /// `otherCounts`: where the other counts of the sentence before this one start. `nâng tổng số … lên
    /// 56 mô hình` makes only the count it raises to cumulative: a later count of the sentence (`…, tăng 9
    /// mô hình so với năm 2022`) reads past it.
    package func resolve(before: Range<Int>, after: Range<Int>, otherCounts: [Int] = []) -> Resolution {
        var index = firstIndex(atOrAfter: before.upperBound) - 1
        while index >= 0, mentions[index].offset >= before.lowerBound {
            let offset = mentions[index].offset
            let raisedOther = mentions[index].ownCountOnly && otherCounts.contains { $0 > offset && $0 < before.upperBound }
            if mentions[index].usable && !raisedOther { return Self.resolution(mentions[index]) }
            index -= 1
        }
        index = firstIndex(atOrAfter: after.lowerBound)
        while index < mentions.count, mentions[index].offset < after.upperBound {
            if mentions[index].usable { return Self.resolution(mentions[index]) }
            index += 1
        }
        return .unstated
    }

    /// The frame: the time word that opens the latest sentence before `position`.
    package func frame(before position: Int) -> Resolution {
        var index = firstIndex(atOrAfter: position) - 1
        while index >= 0, position - mentions[index].offset <= Self.frameReach {
            if mentions[index].opensSentence && mentions[index].usable { return Self.resolution(mentions[index]) }
            index -= 1
        }
        return .unstated
    }

    private static func resolution(_ mention: Mention) -> Resolution {
        switch mention.kind {
        case .point(let year): return .stated(year)
        case .noYear: return .stated(nil)
        }
    }
}
