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
}
