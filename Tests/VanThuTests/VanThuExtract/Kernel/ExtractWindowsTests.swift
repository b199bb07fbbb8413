import Testing
@testable import VanThuText
@testable import VanThuExtract

/// A text longer than `ExtractStage.windowBytes` is extracted a window at a time (issue 14,
/// item 8). Here windows of a few KB cut a text of independent paragraphs: its facts are those
/// of the text extracted whole, offsets included, the facts next to each cut too.
struct ExtractWindowsTests {
    static let header = """
        ỦY BAN NHÂN DÂN XÃ AN BÌNH
        Số: 18/BC-UBND
        An Bình, ngày 9 tháng 11 năm 2023
        BÁO CÁO
        Kết quả phong trào thi đua dân vận khéo năm 2023


        """

    /// Paragraphs that each begin and end with a date and name a unit, a reference and a count
    /// of models, each a little different.
    static func text(paragraphs: Int) -> String {
        var text = header
        for number in 0..<paragraphs {
            let day = number % 27 + 1
            if number > 0 { text += "\n\n" }
            text += "Ngày \(day)/3/2022, Hội Nông dân xã An Bình phối hợp với Đoàn Thanh niên thôn số \(number) "
            text += "tổ chức ra quân làm đường giao thông nông thôn, đã xây dựng được \(number + 2) mô hình dân vận khéo "
            text += "trong lĩnh vực kinh tế.\nCăn cứ Kế hoạch số \(number + 10)/KH-UBND ngày \(day)/4/2021 của Ủy ban nhân dân huyện Tân Phú, "
            text += "các thôn hoàn thành trước ngày \(day)/6/2022."
        }
        return text + "\n"
    }

    static func classified(_ text: String) -> ClassifiedDocument {
        let source = SourceInfo(path: "lon.txt", sha256: "", bytes: text.utf8.count, format: "text", encoding: "utf-8")
        let clean = CleanDocument(id: "lon", source: source, document: TextDocument(text))
        return ClassifiedDocument(clean: clean, classification: Classification(kind: .unknown))
    }

    static let stage = ExtractStage(extractors: ExtractorRegistry.all)

    @Test func windowsCoverTheTextAndEndAfterAParagraph() {
        let bytes = Array(Self.text(paragraphs: 40).utf8)
        let windows = ExtractStage.windows(of: bytes, size: 2000)
        #expect(windows.count > 5)
        #expect(windows.first?.lowerBound == 0 && windows.last?.upperBound == bytes.count)
        for (a, b) in zip(windows, windows.dropFirst()) {
            #expect(a.upperBound == b.lowerBound)
            #expect(a.count <= 2000)
            #expect(bytes[a.upperBound - 1] == 0x0A && bytes[a.upperBound - 2] == 0x0A, "cut after a blank line")
        }
        // A text within the size is one window; a line without a break is cut after a space.
        #expect(ExtractStage.windows(of: bytes, size: bytes.count) == [0..<bytes.count])
        let line = Array(String(repeating: "mô hình dân vận ", count: 50).utf8)
        let cut = ExtractStage.windows(of: line, size: 100)
        #expect(cut.dropLast().allSatisfy { line[$0.upperBound - 1] == 0x20 && $0.count <= 100 })
    }

    @Test func aWindowedTextHasTheFactsOfTheWholeText() throws {
        let text = Self.text(paragraphs: 60)
        let input = Self.classified(text)
        let size = 3000
        let windows = ExtractStage.windows(of: Array(text.utf8), size: size)
        #expect(windows.count > 8)
        let whole = try Self.stage.run(input, withText: false, windowBytes: Int.max)
        let windowed = try Self.stage.run(input, withText: false, windowBytes: size)

        #expect(windowed.header == whole.header && whole.header != nil)
        #expect(windowed.title == whole.title && windowed.date == whole.date && whole.date == "2023-11-09")
        #expect(whole.dates.count >= 60)
        #expect(windowed.dates == whole.dates)
        #expect(windowed.periods == whole.periods)
        #expect(windowed.deadlines == whole.deadlines)
        #expect(windowed.references == whole.references)
        #expect(windowed.people == whole.people)
        #expect(windowed.modelCounts.map { [$0.start, $0.end, $0.count ?? -1] } == whole.modelCounts.map { [$0.start, $0.end, $0.count ?? -1] })
        #expect(windowed.units.map(\.key).sorted() == whole.units.map(\.key).sorted())
        for unit in whole.units {
            let mentions = windowed.units.first { $0.key == unit.key }?.mentions ?? []
            #expect(mentions.sorted { $0[0] < $1[0] } == unit.mentions.sorted { $0[0] < $1[0] }, "\(unit.key)")
        }

        // Offsets are the whole text's: each date's text is there, and facts next to every cut
        // (a paragraph ends with a deadline's date and begins with a date) are found.
        let scalars = Array(text.unicodeScalars)
        for date in windowed.dates {
            let written = String(String.UnicodeScalarView(scalars[date.start..<date.end]))
            #expect(written == date.text)
        }
        let spans = windowed.dates.map { ($0.start, $0.end) } + windowed.deadlines.map { ($0.start, $0.end) }
        let document = TextDocument(text)
        for window in windows.dropFirst() {
            let cut = document.scalarOffset(ofByte: window.lowerBound)
            #expect(spans.contains { $0.1 <= cut && $0.1 > cut - 12 }, "a fact just before the cut at \(cut)")
            #expect(spans.contains { $0.0 >= cut && $0.0 < cut + 12 }, "a fact just after the cut at \(cut)")
        }
    }

    /// A unit met in several windows is one unit with all its mentions; a model count's `partOf`
    /// names a total of its own window, moved with it.
    @Test func unitsJoinAcrossWindowsAndPartsKeepTheirTotal() throws {
        var text = Self.header
        for number in 0..<30 {
            text += "Huyện Tân Phú có \(number + 12) mô hình dân vận khéo, trong đó \(number + 5) mô hình về kinh tế, "
            text += "\(7) mô hình về văn hóa - xã hội.\n\n"
        }
        let input = Self.classified(text)
        let windowed = try Self.stage.run(input, withText: false, windowBytes: 1500)
        let whole = try Self.stage.run(input, withText: false, windowBytes: Int.max)
        #expect(Set(windowed.units.map(\.key)).count == windowed.units.count)
        for (index, fact) in windowed.modelCounts.enumerated() {
            if let total = fact.partOf {
                #expect(total < index)
                #expect(windowed.modelCounts[total].start < fact.start && fact.start - windowed.modelCounts[total].start < 200)
            }
        }
        #expect(windowed.modelCounts.contains { $0.partOf != nil } == whole.modelCounts.contains { $0.partOf != nil })
    }
}
