import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The restating zones (headline, lead, lines written twice) are found from the first lines and
/// a hash of every line, not from a copy of each line (issue 14, item 8): the same zones as the
/// plain reading that lists every line and keys a dictionary by its folded text.
struct ModelCountRestatementsTests {
    /// The plain reading: every trimmed line, its word count, its folded text as a key.
    static func plainZones(_ text: ModelCountText, title: String?) -> [Range<Int>] {
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, [0x20, 0x09, 0x0D].contains(text.bytes[lower]) { lower += 1 }
            while upper > lower, [0x20, 0x09, 0x0D].contains(text.bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        func words(_ range: Range<Int>) -> Int {
            range.filter { FoldedText.isWordByte(text.bytes[$0]) && text.bytes.isWordStart(at: $0) }.count
        }
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0..<text.count where text.bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<text.count)
        lines = lines.map(trimmed).filter { !$0.isEmpty }
        let wordCounts = lines.map(words)
        var zones: [Range<Int>] = []
        var headline: Int?
        if let title = title?.trimmingCharacters(in: .whitespaces), title.count >= 10 {
            headline = lines.prefix(12).firstIndex { line in
                let original = text.original(line)
                return original.contains(title) && original.count <= title.count + 24
            }
        }
        if headline == nil, let first = lines.first, wordCounts[0] <= 40, text.bytes[first.upperBound - 1] != UInt8(ascii: ".") {
            headline = 0
        }
        if let headline {
            zones.append(lines[headline])
            if let lead = lines.indices.first(where: { $0 > headline && wordCounts[$0] >= 15 }), lead <= headline + 6 {
                zones.append(lines[lead])
            }
        }
        var seen: [String: Int] = [:]
        var repeated = Set<Int>()
        for (index, line) in lines.enumerated() where wordCounts[index] >= 4 {
            let key = text.folded(line)
            if let first = seen[key] {
                repeated.insert(first)
                repeated.insert(index)
            } else {
                seen[key] = index
            }
        }
        zones += repeated.map { lines[$0] }
        // Photo captions: a line that opens with a caption label (`Ảnh: …`).
        zones += lines.filter { line in
            ["anh:", "anh :", "anh minh hoa", "(anh", "hinh anh:", "trong anh:", "hinh:"].contains { label in
                line.count > label.utf8.count && text.folded(line).hasPrefix(label)
            }
        }
        return Array(Set(zones)).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Invented lines: short headings, long paragraphs, captions repeated (some differing only in
    /// diacritics or case, which fold alike), blank and blank-padded lines.
    static func text(seed: UInt64) -> (text: String, title: String?) {
        var random = SplitMix64(state: seed)
        let pieces = [
            "Xã Phú An công nhận 12 mô hình dân vận khéo",
            "  Ảnh: Cán bộ xã Phú An thăm mô hình trồng nấm.  ",
            "Ảnh: cán bộ xã Phú Ân thăm mô hình trồng nấm.",
            "Năm 2023, toàn xã Phú An đã xây dựng và công nhận 12 mô hình dân vận khéo trên các lĩnh vực kinh tế, văn hóa, xã hội và quốc phòng.",
            "Qua đánh giá, xã đã công nhận 12 mô hình.",
            "Tin và ảnh: Minh Châu",
            "",
            "\t",
            "Hội Nông dân xã vận động hội viên góp vốn.",
            "Mô hình ba không.",
        ]
        var lines: [String] = []
        for _ in 0..<(5 + Int(random.next() % 40)) { lines.append(pieces[Int(random.next() % UInt64(pieces.count))]) }
        let title: String? = random.next() % 2 == 0 ? "Xã Phú An công nhận 12 mô hình dân vận khéo" : nil
        return (lines.joined(separator: random.next() % 3 == 0 ? "\r\n" : "\n"), title)
    }

    @Test func theZonesAreThePlainReadingsZones() {
        var differ = 0
        var withRepeats = 0
        for seed in 0..<300 as Range<UInt64> {
            let (text, title) = Self.text(seed: seed)
            let document = TextDocument(text)
            let (zones, plain) = ModelCountText.reading(document) { text in
                (ModelCountRestatements(text: text, title: title).zones, Self.plainZones(text, title: title))
            }
            if zones != plain { differ += 1 }
            if plain.count > 2 { withRepeats += 1 }
        }
        #expect(differ == 0)
        // The texts do exercise the repeated lines.
        #expect(withRepeats > 100)
    }

    @Test func aLineWrittenTwiceFarApartIsAZone() {
        let filler = (0..<40).map { "Đoạn \($0) kể chuyện hội viên nuôi bò sinh sản ở thôn Bắc." }
        let caption = "Ảnh: Hội viên xã Tân Lập nhận bò giống."
        let text = ([caption] + filler + [caption]).joined(separator: "\n")
        let zones = ModelCountText.reading(TextDocument(text)) { ModelCountRestatements(text: $0, title: nil).zones }
        let lines = ModelCountText.reading(TextDocument(text)) { text in zones.map { text.original($0) } }
        #expect(lines == [caption, caption])
    }

    /// `sortedOnce` (sort, skip equal neighbours) gives what a `Set` sorted by start gives, for
    /// zones as they come: lines, several of them more than once, none two starting at one place.
    @Test func sortedOnceIsTheSetSortedByStart() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let starts = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in Int.random(in: 0..<500, using: &generator) }
            let lines = Set(starts).map { $0..<($0 + $0 % 7) }
            var zones: [Range<Int>] = []
            for line in lines { for _ in 0..<Int.random(in: 1...3, using: &generator) { zones.append(line) } }
            zones.shuffle(using: &generator)
            #expect(ModelCountRestatements.sortedOnce(zones) == Array(Set(zones)).sorted { $0.lowerBound < $1.lowerBound })
        }
    }
}
