/// Finds a document's own date among its temporal mentions, by where the mention stands:
/// a metadata line (`# date = 20201001`, ` date 2022-03 …`); a dispatch's place-and-date line
/// (`Triệu Phong, ngày 30 tháng 7 năm 2019`, also with the day and month left blank); a news page's
/// publication line near the top (`Thứ sáu - 15/03/2024 06:28`, `10/08/2018 | Tác giả`).
struct DocumentDateFinder: Sendable {
    /// How far down the text each kind of line is looked for.
    static let metadataLines = 6
    static let placeLines = 45
    static let publicationLines = 30
    /// A publication line is short; a place is a few words.
    static let publicationLineLength = 160
    static let placeLength = 48

    /// Words that may stand before the date on a publication line (folded).
    static let publicationWords: Set<String> = [
        "thu", "hai", "ba", "tu", "nam", "sau", "bay", "chu", "nhat", "ngay", "cn", "t2", "t3", "t4", "t5", "t6", "t7",
        "cap", "dang", "luc", "thoi", "gian", "xuat", "ban", "lan", "cuoi", "posted", "published", "updated", "date",
        "on", "tin", "bai", "viet",
    ]

    enum Source: String, Sendable {
        case metadata = "document-date.metadata"
        case placeLine = "document-date.place-line"
        case publicationLine = "document-date.publication-line"
        case signaturePlaceLine = "document-date.signature-place-line"
    }

    struct Found: Sendable {
        var value: String
        var source: Source
    }

    func find(in document: TextDocument, mentions: [TemporalMention]) -> Found? {
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
                guard mention.value.precision == .day || mention.value.precision == .year,
                      let iso = mention.value.iso, let start = lineStart(of: mention.range.lowerBound) else { continue }
                if mention.value.precision == .day, mention.cue == .day, isPlace(text, start..<mention.range.lowerBound) {
                    return Found(value: iso, source: .placeLine)
                }
                if mention.value.precision == .year, mention.rule == "date.year",
                   isBlankPlaceDate(text, start..<mention.range.lowerBound) {
                    return Found(value: iso, source: .placeLine)
                }
            }
            for mention in early where mention.kind == .point && mention.value.precision == .day && mention.recurrence == nil {
                guard line(of: mention.range.lowerBound) < Self.publicationLines, let iso = mention.value.iso,
                      let start = lineStart(of: mention.range.lowerBound) else { continue }
                var lineEnd = mention.range.upperBound
                while lineEnd < text.count, lineEnd - start <= Self.publicationLineLength, text[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd - start <= Self.publicationLineLength,
                   isPublicationPrefix(text, start..<mention.range.lowerBound),
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
    func isPublicationRest(_ text: FoldedBytes, _ range: Range<Int>) -> Bool {
        var words = 0
        var last: UInt8 = 0
        for k in range {
            let byte = text[k]
            if FoldedBytes.isLetter(byte) && !FoldedBytes.isLetter(text[k - 1]) { words += 1 }
            if !FoldedBytes.isSpace(byte) { last = byte }
        }
        return words <= 6 && last != NumberToken.dot
    }

    /// `6` of `Thứ 6`, or a clock time `08:30`, `8h30`, `15:00:00`.
    func isClockOrWeekday(_ word: [UInt8]) -> Bool {
        if word.count == 1 { return word[0] >= UInt8(ascii: "2") && word[0] <= UInt8(ascii: "8") }
        guard let first = word.first, FoldedBytes.isDigit(first) else { return false }
        return word.count <= 8 && word.allSatisfy { FoldedBytes.isDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "h") }
            && word.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "h") }
    }

    /// `Triệu Phong, ` — a few words without digits, then a comma.
    func isPlace(_ text: FoldedBytes, _ range: Range<Int>) -> Bool {
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
        while start < end, FoldedBytes.isSpace(text[start]) || text[start] == UInt8(ascii: "*") { start += 1 }
        guard end - start >= 2, end - start <= Self.placeLength else { return false }
        for k in start..<end {
            let byte = text[k]
            if !(FoldedBytes.isLetter(byte) || byte == 0x20 || byte == NumberToken.dot || byte == NumberToken.dash) {
                return false
            }
        }
        return true
    }

    /// `Hà Nội, ngày    tháng    năm ` — a place line whose day and month are left blank.
    func isBlankPlaceDate(_ text: FoldedBytes, _ range: Range<Int>) -> Bool {
        let prefix = Array(UnsafeBufferPointer(rebasing: text.base[range]))
        guard let comma = prefix.firstIndex(of: NumberToken.comma), !prefix.contains(where: FoldedBytes.isDigit),
              isPlace(text, range.lowerBound..<(range.lowerBound + comma + 1)) else { return false }
        let rest = String(decoding: prefix[(comma + 1)...], as: UTF8.self)
        let words = rest.split { !($0.isLetter) }
        return words == ["ngay", "thang"]
    }

    /// `Thứ sáu - `, `Thứ 6, Ngày `, `Cập nhật: ` — only weekday words and labels before the date.
    func isPublicationPrefix(_ text: FoldedBytes, _ full: Range<Int>) -> Bool {
        // `Tác giả: Nguyễn Văn A | 15/03/2024`: only the part after the last bar counts.
        var range = full
        if let bar = (full.lowerBound..<full.upperBound).last(where: { text[$0] == UInt8(ascii: "|") }) {
            range = (bar + 1)..<full.upperBound
        }
        guard range.count <= 40 else { return false }
        var word: [UInt8] = []
        for k in range.lowerBound...range.upperBound {
            let byte = k < range.upperBound ? text[k] : 0x20
            if FoldedBytes.isLetter(byte) || FoldedBytes.isDigit(byte) {
                word.append(byte)
                continue
            }
            if byte == UInt8(ascii: ":"), let first = word.first, FoldedBytes.isDigit(first), word.count <= 5 {
                word.append(byte)  // a clock time: `08:30 | 15/03/2024`
                continue
            }
            if !word.isEmpty {
                if !isClockOrWeekday(word) && !Self.publicationWords.contains(String(decoding: word, as: UTF8.self)) {
                    return false
                }
                word.removeAll(keepingCapacity: true)
            }
            switch byte {
            case 0x20, 0x09, 0x0D, NumberToken.comma, NumberToken.dash, UInt8(ascii: ":"), UInt8(ascii: "|"),
                 UInt8(ascii: "("), UInt8(ascii: "#"), UInt8(ascii: "*"): continue
            default: return false
            }
        }
        return true
    }
}
