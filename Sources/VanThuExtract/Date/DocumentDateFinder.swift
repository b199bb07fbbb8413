import VanThuText

/// Finds a document's own date among its temporal mentions, by where the mention stands:
/// a metadata line (`# date = 20201001`, ` date 2022-03 …`); a dispatch's place-and-date line
/// (`Triệu Phong, ngày 30 tháng 7 năm 2019`, also with the day and month left blank); a news page's
/// publication line near the top (`Thứ sáu - 15/03/2024 06:28`, `10/08/2018 | Tác giả`).
package struct DocumentDateFinder: Sendable {
    /// How far down the text each kind of line is looked for.
    package static let metadataLines = 6
    package static let placeLines = 45
    package static let publicationLines = 45
    /// A publication line is short; a place is a few words.
    package static let publicationLineLength = 160
    /// A line this long (bytes) is a paragraph of the body.
    package static let paragraphBytes = 240
    package static let placeLength = 48

    /// Words that may stand before the date on a publication line (folded).
    package static let publicationWords: Set<String> = [
        "thu", "hai", "ba", "tu", "nam", "sau", "bay", "chu", "nhat", "ngay", "cn", "t2", "t3", "t4", "t5", "t6", "t7",
        "cap", "dang", "luc", "thoi", "gian", "xuat", "ban", "lan", "cuoi", "posted", "published", "updated", "date",
        "on", "tin", "bai", "viet", "hanh", "gui", "vao", "publish", "update", "created", "modified",
    ]

    /// Words that name a weekday after `thứ` (folded).
    package static let weekdayNumbers: Set<String> = ["hai", "ba", "tu", "nam", "sau", "bay"]

    /// Most words a byline may put before a stamped date (`HTV 20/10/2023, 13:13`, `quantri gửi vào
    /// T6, 2018-09-28 09:22`): an author or agency that no label table can list.
    package static let stampPrefixWords = 4

    package enum Source: String, Sendable {
        case metadata = "document-date.metadata"
        case placeLine = "document-date.place-line"
        case publicationLine = "document-date.publication-line"
        case signaturePlaceLine = "document-date.signature-place-line"
        case adoptionLine = "document-date.adoption-line"
    }

    package struct Found: Sendable {
        package var value: String
        package var source: Source
    }

    package func find(in document: TextDocument, mentions: [TemporalMention]) -> Found? {
        let folded = document.folded
        return folded.bytes.withUnsafeBufferPointer { buffer in
            let text = FoldedBytes(buffer)
            // Lines come from the document's line table (UTF-8 offsets); only the start of a
            // candidate's own line is looked for in the folded bytes.
            let placeLimit = document.lines.count > Self.placeLines ? document.lines[Self.placeLines].lowerBound : Int.max
            func line(of offset: Int) -> Int { document.lineIndex(containing: Int(folded.origin[offset])) }
            func lineStart(of offset: Int) -> Int? {
                var start = offset
                while start > 0, text[start - 1] != 0x0A {
                    start -= 1
                    if offset - start > 400 { return nil }
                }
                return start
            }
            let early = mentions.prefix { Int(folded.origin[$0.range.lowerBound]) < placeLimit }
            for mention in early where mention.cue == .metadata && mention.kind == .point {
                if line(of: mention.range.lowerBound) < Self.metadataLines, let iso = mention.value.iso {
                    return Found(value: iso, source: .metadata)
                }
            }
            for mention in early where mention.kind == .point && mention.recurrence == nil {
                // A header flattened into one long line is read near the date only.
                guard mention.value.precision == .day || mention.value.precision == .year,
                      let iso = mention.value.iso else { continue }
                let start = lineStart(of: mention.range.lowerBound) ?? max(0, mention.range.lowerBound - 400)
                if mention.value.precision == .day, mention.cue == .day, isPlace(text, start..<mention.range.lowerBound) {
                    return Found(value: iso, source: .placeLine)
                }
                if mention.value.precision == .year, mention.rule == "date.year",
                   isBlankPlaceDate(text, start..<mention.range.lowerBound) {
                    return Found(value: iso, source: .placeLine)
                }
            }
            // A resolution or law has no place line: `Nghị quyết này được … thông qua ngày 11 tháng 8 năm 2022.`
            for mention in mentions where mention.kind == .point && mention.value.precision == .day && mention.cue == .day {
                if let iso = mention.value.iso, isAdoption(text, before: mention.range.lowerBound) {
                    return Found(value: iso, source: .adoptionLine)
                }
            }
            // A byline stands above the article's body: past its second paragraph, a stamped date
            // belongs to a related article or a footer.
            var paragraphs = 0
            var bodyLine = Self.publicationLines
            for (index, range) in document.lines.prefix(Self.publicationLines).enumerated() where range.count >= Self.paragraphBytes {
                paragraphs += 1
                if paragraphs == 2 { bodyLine = index; break }
            }
            for mention in early where mention.kind == .point && mention.value.precision == .day && mention.recurrence == nil {
                guard line(of: mention.range.lowerBound) < bodyLine, let iso = mention.value.iso,
                      let start = lineStart(of: mention.range.lowerBound) else { continue }
                var lineEnd = mention.range.upperBound
                while lineEnd < text.count, lineEnd - start <= Self.publicationLineLength, text[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd - start <= Self.publicationLineLength,
                   isPublicationPrefix(text, start..<mention.range.lowerBound)
                    || (startsWithClock(text, mention.range.upperBound) && isStampPrefix(text, start..<mention.range.lowerBound)),
                   isPublicationRest(text, mention.range.upperBound..<lineEnd) {
                    return Found(value: iso, source: .publicationLine)
                }
            }
            // A consolidated text or a continuation signs at the end: `Hà Nội, ngày 21 tháng 6 năm 2024`.
            for mention in mentions.dropFirst(early.count) where mention.kind == .point && mention.rule == "date.day-words"
                && mention.recurrence == nil {
                if let iso = mention.value.iso, let start = lineStart(of: mention.range.lowerBound),
                   isPlace(text, start..<mention.range.lowerBound) {
                    return Found(value: iso, source: .signaturePlaceLine)
                }
            }
            return nil
        }
    }

    /// After the date: a clock time, an author, counters — not the rest of a sentence.
    package func isPublicationRest(_ text: FoldedBytes, _ range: Range<Int>) -> Bool {
        var words = 0
        var last: UInt8 = 0
        for k in range {
            let byte = text[k]
            if FoldedText.isLetter(byte) && !FoldedText.isLetter(text[k - 1]) { words += 1 }
            if !FoldedText.isSpace(byte) { last = byte }
        }
        return words <= 6 && last != NumberToken.dot
    }

    /// `, 13:13`, ` 09:22`, ` | 2:14:39 PM`, ` - 07:47` right after the date: a stamp's clock time.
    package func startsWithClock(_ text: FoldedBytes, _ end: Int) -> Bool {
        var k = end
        while k < text.count, k - end < 5,
              text[k] == 0x20 || text[k] == NumberToken.comma || text[k] == UInt8(ascii: "|") || text[k] == NumberToken.dash {
            k += 1
        }
        guard k > end, let hour = text.number(at: k), hour.digits <= 2 else { return false }
        let mark = text[hour.end]
        return (mark == UInt8(ascii: ":") || mark == UInt8(ascii: "h")) && text.isDigit(hour.end + 1)
    }

    /// A few words without a sentence's punctuation before a stamped date: a byline's author or agency.
    package func isStampPrefix(_ text: FoldedBytes, _ range: Range<Int>) -> Bool {
        var words = 0
        for k in range {
            let byte = text[k]
            if byte == NumberToken.dot || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\"") { return false }
            if (FoldedText.isLetter(byte) || FoldedText.isDigit(byte)) && !(FoldedText.isLetter(text[k - 1]) || FoldedText.isDigit(text[k - 1])) {
                words += 1
            }
        }
        return words <= Self.stampPrefixWords
    }

    /// `6` of `Thứ 6`, or a clock time `08:30`, `8h30`, `15:00:00`.
    package func isClockOrWeekday(_ word: [UInt8]) -> Bool {
        if word.count == 1 { return word[0] >= UInt8(ascii: "2") && word[0] <= UInt8(ascii: "8") }
        guard let first = word.first, FoldedText.isDigit(first) else { return false }
        return word.count <= 8 && word.allSatisfy { FoldedText.isDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "h") }
            && word.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "h") }
    }

    /// `Triệu Phong, ` — a few words without digits, then a comma.
    package func isPlace(_ text: FoldedBytes, _ range: Range<Int>) -> Bool {
        var end = text.skipSpacesBack(from: range.upperBound, limit: 4)
        guard end > range.lowerBound, text[end - 1] == NumberToken.comma else { return false }
        end -= 1
        var start = range.lowerBound
        // In a two-column header the place follows the number after a wide gap: `Số: 12/UBND    Hà Nội, `.
        var k = end - 1
        while k > start {
            if text[k] == 0x09 || text[k] == UInt8(ascii: "|") || (text[k] == 0x20 && text[k - 1] == 0x20) {
                start = k + 1
                break
            }
            k -= 1
        }
        while start < end, FoldedText.isSpace(text[start]) || text[start] == UInt8(ascii: "*") { start += 1 }
        // A header flattened into one line: `… Số: 12/SGDĐT-VP Sơn La, ` — the place follows the symbol.
        if end - start > Self.placeLength || (start..<end).contains(where: { FoldedText.isDigit(text[$0]) }),
           let symbolEnd = symbolEnd(text, before: end, notBefore: start) {
            start = text.skipSpaces(from: symbolEnd, limit: 4)
        }
        guard end - start >= 2, end - start <= Self.placeLength else { return false }
        for k in start..<end {
            let byte = text[k]
            if !(FoldedText.isLetter(byte) || byte == 0x20 || byte == NumberToken.dot || byte == NumberToken.dash) {
                return false
            }
        }
        return true
    }

    /// `Hà Nội, ngày    tháng    năm `, `Sơn La, ngày 05 tháng  năm ` — a place line whose month
    /// (and day) is left blank: the document is dated by its year.
    package func isBlankPlaceDate(_ text: FoldedBytes, _ range: Range<Int>) -> Bool {
        let prefix = Array(UnsafeBufferPointer(rebasing: text.base[range]))
        guard let comma = prefix.lastIndex(of: NumberToken.comma),
              isPlace(text, range.lowerBound..<(range.lowerBound + comma + 1)) else { return false }
        let rest = String(decoding: prefix[(comma + 1)...], as: UTF8.self)
        let words = rest.split { !($0.isLetter || $0.isNumber) }
        return words == ["ngay", "thang"] || (words.count == 3 && words[0] == "ngay" && words[2] == "thang"
                                               && words[1].allSatisfy(\.isNumber) && words[1].count <= 2)
    }

    /// The end of a document symbol (`12/SGDĐT-VP`, `05-CV/TU`) followed by one to four words of
    /// letters only (the place) up to `end`.
    package func symbolEnd(_ text: FoldedBytes, before end: Int, notBefore limit: Int) -> Int? {
        var k = end
        var placeWords = 0
        while k > limit {
            k = text.skipSpacesBack(from: k, limit: 8)
            var wordStart = k
            while wordStart > limit, !FoldedText.isSpace(text[wordStart - 1]) { wordStart -= 1 }
            guard wordStart < k else { return nil }
            let word = wordStart..<k
            if word.allSatisfy({ FoldedText.isLetter(text[$0]) || text[$0] == NumberToken.dot }) {
                placeWords += 1
                guard placeWords <= 4 else { return nil }
                k = wordStart
                continue
            }
            let isSymbol = word.contains { FoldedText.isDigit(text[$0]) }
                && word.contains { text[$0] == NumberToken.slash || text[$0] == NumberToken.dash }
            return isSymbol && placeWords > 0 ? k : nil
        }
        return nil
    }

    /// `… này (đã) được … thông qua ngày`: the document's own adoption line (`Luật này được Quốc hội …
    /// thông qua ngày …`), not a law cited as adopted on a day (`Luật … được Quốc hội thông qua ngày …`).
    package func isAdoption(_ text: FoldedBytes, before start: Int) -> Bool {
        guard let verb = DocumentDateFinder.adoptionVerbs.match(text, endingAt: text.skipSpacesBack(from: start, limit: 3))
        else { return false }
        // The sentence: back to `.`, `;` or a blank line.
        var sentence = verb.start
        while sentence > 0, verb.start - sentence < 400 {
            let byte = text[sentence - 1]
            if byte == UInt8(ascii: ";") || (byte == NumberToken.dot && FoldedText.isSpace(text[sentence])) { break }
            if byte == 0x0A, text.skipSpacesBack(from: sentence - 1, limit: 8) > 0,
               text[text.skipSpacesBack(from: sentence - 1, limit: 8) - 1] == 0x0A { break }
            sentence -= 1
        }
        // `này được` among its first six words.
        var k = text.skipSpaces(from: sentence, limit: 8)
        for _ in 0..<6 {
            guard let word = text.wordStarting(at: k) else { return false }
            if let match = DocumentDateFinder.selfReference.match(text, at: k), match.end <= verb.start { return true }
            k = text.skipSpaces(from: word.upperBound, limit: 4)
        }
        return false
    }

    /// Right before the adoption date.
    package static let adoptionVerbs = FoldedPhraseTable<Bool>([("thong qua", true), ("thong qua vao", true)])
    /// The document speaking of itself as adopted: `này được`, `này đã được`.
    package static let selfReference = FoldedPhraseTable<Bool>([("nay duoc", true), ("nay da duoc", true)])

    /// `Thứ sáu - `, `Thứ 6, Ngày `, `Cập nhật: ` — only weekday words and labels before the date.
    package func isPublicationPrefix(_ text: FoldedBytes, _ full: Range<Int>) -> Bool {
        // `Tác giả: Nguyễn Văn A | 15/03/2024`: only the part after the last bar counts.
        var range = full
        // `Tác giả: Lê Văn Ba - Ngày: 15/03/2024` as well.
        if let bar = (full.lowerBound..<full.upperBound).last(where: {
            text[$0] == UInt8(ascii: "|") || (text[$0] == NumberToken.dash && text[$0 - 1] == 0x20 && text[$0 + 1] == 0x20)
        }) {
            range = (bar + 1)..<full.upperBound
        }
        guard range.count <= 40 else { return false }
        var word: [UInt8] = []
        var previousWord = ""
        for k in range.lowerBound...range.upperBound {
            let byte = k < range.upperBound ? text[k] : 0x20
            if FoldedText.isLetter(byte) || FoldedText.isDigit(byte) {
                word.append(byte)
                continue
            }
            if byte == UInt8(ascii: ":"), let first = word.first, FoldedText.isDigit(first), word.count <= 5 {
                word.append(byte)  // a clock time: `08:30 | 15/03/2024`
                continue
            }
            if !word.isEmpty {
                let spelled = String(decoding: word, as: UTF8.self)
                if !isClockOrWeekday(word) && !Self.publicationWords.contains(spelled) { return false }
                // `hai`, `ba`, `tư` … name a weekday only after `thứ` (`từ ngày …` folds to `tu ngay`).
                if Self.weekdayNumbers.contains(spelled) && previousWord != "thu" { return false }
                previousWord = spelled
                word.removeAll(keepingCapacity: true)
            }
            switch byte {
            // `FoldedText.other` stands for a bullet or an icon (`  • Cập nhật: …`).
            case 0x20, 0x09, 0x0D, NumberToken.comma, NumberToken.dash, UInt8(ascii: ":"), UInt8(ascii: "|"),
                 UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "#"), UInt8(ascii: "*"), FoldedText.other: continue
            default: return false
            }
        }
        return true
    }
}
