import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats

/// The cheap checks that spare most of an article's lines the date patterns and the furniture
/// starts: each may let through lines that the patterns then refuse, never the other way round.
struct HTMLLineCheckTests {
    typealias Page = HTMLDocumentReader.Page

    /// Whether any of the date and time patterns finds something in `line`, asked of them directly.
    static func patternsFind(_ line: String) -> Bool {
        let range = NSRange(line.startIndex..., in: line)
        let lowered = line.lowercased()
        return Page.numericDate.firstMatch(in: line, range: range) != nil
            || Page.isoDate.firstMatch(in: line, range: range) != nil
            || Page.wordedDate.firstMatch(in: line, range: range) != nil
            || Page.timePattern.firstMatch(in: lowered, range: NSRange(lowered.startIndex..., in: lowered)) != nil
    }

    static let datePieces = [
        "1", "12", "2024", "0", "/", ".", "-", ":", "h", "H", " ", "  ", "\u{00A0}", "\u{2003}", "\t", "ngày", "NGÀY", "Ngày",
        "nga\u{0300}y", "tháng", "năm", "giờ", "lúc", "a", "Hà Nội", ",", "|", "–", "x", "y", "Y", "ý", "\u{3000}", "(", ")",
    ]

    /// Random lines of date-like pieces, and every sample text: no line the patterns read is refused.
    @Test func noLineWithADateOrATimeIsRefused() {
        var generator = SystemRandomNumberGenerator()
        var lines = SpeedSamples.pieces + [
            "Thứ Hai, 24/12/2012, 03:04 AM", "31/12/2018 | 12:49 PM", "ngày 7 tháng 3 năm 2019", "NGÀY\u{00A0}7 THÁNG 3 NĂM 2019",
            "2024-02-29T10:00", "08h30", "8H30", "4 . 9 . 14", "Số 12 /  3 / 2020", "1.500.000 đồng", "Điều 3. Trách nhiệm",
        ]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...12, using: &generator)
            lines.append((0..<count).map { _ in Self.datePieces.randomElement(using: &generator)! }.joined())
        }
        for _ in 0..<2_000 { lines.append(SpeedSamples.random(Int.random(in: 1...40, using: &generator), using: &generator)) }
        var refused = 0
        for line in lines {
            if Self.patternsFind(line) {
                #expect(Page.mayHoldDateOrTime(line), "\(line.debugDescription)")
            } else if !Page.mayHoldDateOrTime(line) {
                refused += 1
            }
        }
        // The check is worth having: it refuses a good share of the lines that hold no date.
        #expect(refused > lines.count / 10)
        #expect(!Page.mayHoldDateOrTime("Điều 3. Trách nhiệm thi hành của 12 đơn vị"))
    }

    /// The readable rule: the line's first 32 characters, lower-cased, begin with a furniture start
    /// or are a player's clock.
    static func readableFurnitureLine(_ text: String, chars: Int) -> Bool {
        guard chars <= 160 else { return false }
        let lowered = String(String.UnicodeScalarView(text.unicodeScalars.prefix(32))).lowercased()
        if HTMLContentHints.furnitureLineStarts.contains(where: { lowered.hasPrefix($0) }) { return true }
        if lowered.contains(":"), lowered.unicodeScalars.allSatisfy({ "0123456789:/ ".unicodeScalars.contains($0) }) { return true }
        return false
    }

    /// A character that may begin a line whose first character, lower-cased, is canonically the
    /// first character of a furniture start (its decomposition begins that character's) is among
    /// the first characters the reader compares; any other cannot begin a furniture line. (The
    /// starts' first letters carry one mark at most, so a prefix of the decomposition suffices.)
    @Test func everyCharacterThatMayBeginAFurnitureLineIsCompared() {
        let firsts = HTMLContentHints.furnitureLineStarts.compactMap { start in
            start.first.map { Array(String($0).decomposedStringWithCanonicalMapping.unicodeScalars) }
        }
        for value in 0..<0x2400 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lowered = Array(String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars)
            if firsts.contains(where: { $0.starts(with: lowered) }) {
                #expect(Page.furnitureLineFirstScalars.contains(scalar), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func furnitureLinesAsTheReadableRuleFindsThem() {
        var generator = SystemRandomNumberGenerator()
        var lines: [String] = []
        for start in HTMLContentHints.furnitureLineStarts {
            for form in [start, start.uppercased(), start.capitalized, start.decomposedStringWithCanonicalMapping,
                         start.uppercased().decomposedStringWithCanonicalMapping] {
                lines += [form, form + " bài cũ", " " + form, form.dropLast() + "", "x" + form]
            }
        }
        lines += ["0:00 / 0:00", "12:30", "1/2", "0:00 / 0:00 và hơn", "0:00\u{0301}", String(repeating: "1", count: 40) + ":", "İn bài"]
        for _ in 0..<5_000 { lines.append(SpeedSamples.random(Int.random(in: 1...30, using: &generator), using: &generator)) }
        for _ in 0..<2_000 {
            let start = HTMLContentHints.furnitureLineStarts.randomElement(using: &generator)!
            lines.append(SpeedSamples.random(Int.random(in: 0...2, using: &generator), using: &generator) + start)
        }
        for line in lines {
            let chars = line.unicodeScalars.count
            #expect(Page.isFurnitureLine(line, chars: chars) == Self.readableFurnitureLine(line, chars: chars), "\(line.debugDescription)")
        }
    }

    /// The readable stamp: the whole line lower-cased, split into words, every word counted.
    static func readableStamp(_ text: String) -> Page.Stamp? {
        guard text.utf8.count <= 480, Page.mayHoldDateOrTime(text), text.unicodeScalars.count <= 140 else { return nil }
        var stamp = Page.Stamp()
        stamp.hasDate = Page.visibleDate(text) != nil
        let lowered = text.lowercased()
        stamp.hasTime = Page.timePattern.firstMatch(in: lowered, range: NSRange(lowered.startIndex..., in: lowered)) != nil
        guard stamp.hasDate || stamp.hasTime else { return nil }
        stamp.labelled = Page.stampLabels.contains(where: { HTMLContentHints.contains(lowered, $0) }) || Page.weekday(lowered)
        for word in lowered.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "," || $0 == "(" || $0 == ")" || $0 == "-" || $0 == "–" }) {
            let letters = word.filter { $0.isLetter }
            if letters.isEmpty || HTMLContentHints.stampWords.contains(String(letters)) { continue }
            if word.contains(where: { $0.isNumber }) && word.allSatisfy({ $0.isNumber || "/:.-h+".contains($0) }) { continue }
            stamp.otherWords += 1
        }
        return stamp
    }

    /// The stamp that counts words first and gives up past a limit finds what the readable one
    /// finds, and nil exactly where the readable one counts more words than the limit.
    @Test func stampsAsTheReadableRuleReadsThem() {
        var generator = SystemRandomNumberGenerator()
        let pieces = Self.datePieces + ["Thứ Hai", "CẬP NHẬT", "Cập nhật", "GMT+7", "08H30", "AM", "PM", "Lượt xem", "Nguyễn Văn Bình",
                                        "tin", "(", "–", "-", "View", "Hôm nay", "12/3/2021", "2021-03-12"]
        var lines = ["Thứ Hai, 24/12/2012, 03:04 AM", "Ngày đăng 10/01/2012 | 12:00 AM | View count: 870", "Ngày 15/3/2024",
                     "Hà Nội, ngày 15 tháng 3 năm 2024", "Trần Thị Hoa - 07/03/2026 08:47", "CẬP NHẬT LÚC 08H30 NGÀY 4/9/2014"]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...14, using: &generator)
            lines.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : ""))
        }
        for _ in 0..<2_000 { lines.append(SpeedSamples.random(Int.random(in: 1...30, using: &generator), using: &generator) + " 12/3/2021 08:15") }
        var stamps = 0
        for line in lines {
            let readable = Self.readableStamp(line)
            let stamp = Page.stamp(line)
            #expect(stamp?.hasDate == readable?.hasDate && stamp?.hasTime == readable?.hasTime && stamp?.labelled == readable?.labelled
                    && stamp?.otherWords == readable?.otherWords, "\(line.debugDescription)")
            for limit in [0, 4, 6] {
                let limited = Page.stamp(line, otherWordsAtMost: limit)
                #expect((limited != nil) == (readable.map { $0.otherWords <= limit } ?? false), "\(line.debugDescription) \(limit)")
            }
            if readable != nil { stamps += 1 }
        }
        // The lines are worth comparing: many are stamps, many are not.
        #expect(stamps > lines.count / 10 && stamps < lines.count * 9 / 10)
    }

    /// Headlines compare as Foundation's trimming left them: the quotes and spaces around them go.
    @Test func headlinesNormaliseAsTheReadableRule() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["\"", "“", "”", "'", " ", "\u{A0}", "\n", "Trường", "HỌC", "nga\u{0300}y", "‘", "«", "x", "\u{0301}", "\t", "12"]
        var headlines = ["", " ", "\"\"", "“Bản tin sáng”", "' Tin  vắn '"]
        for _ in 0..<10_000 {
            let count = Int.random(in: 1...8, using: &generator)
            headlines.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for headline in headlines {
            let readable = HTMLDocumentReader.Page.collapse(headline.precomposedStringWithCanonicalMapping).lowercased()
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"“”' "))
            #expect(Page.normalise(headline).unicodeScalars.elementsEqual(readable.unicodeScalars), "\(headline.debugDescription)")
        }
    }
}
