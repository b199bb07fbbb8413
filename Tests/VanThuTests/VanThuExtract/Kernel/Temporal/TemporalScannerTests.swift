import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The scanner and the facts built from it: spans, rules, offsets in Unicode scalars.
struct TemporalScannerTests {
    func mentions(_ text: String, durations: Bool = false) -> [(String, TemporalMention)] {
        let document = TextDocument(text)
        return TemporalScanner(includeDurations: durations).scan(document.folded).map {
            (document.string(folded: $0.range), $0)
        }
    }

    @Test func spansIncludeTheCueWord() {
        let found = mentions("Kế hoạch số 06-KH/BCĐ, ngày 14/8/2015 và Sáng 9/3 tại hội trường")
        #expect(found.map(\.0) == ["ngày 14/8/2015", "Sáng 9/3"])
        #expect(found[0].1.value == CalendarValue(year: 2015, month: 8, day: 14))
        #expect(found[1].1.value.year == nil)
        #expect(found.allSatisfy { !$0.1.rule.isEmpty })
    }

    @Test func recurringDaysAreMarked() {
        let found = mentions("gửi trước ngày 20/3 hằng năm và trước ngày 28 hàng tháng")
        #expect(found.map(\.1.recurrence) == [.yearly, .monthly])
        #expect(found[0].0 == "ngày 20/3 hằng năm")
    }

    @Test func rangesBorrowTheYearAndBecomePeriods() {
        let found = mentions("từ ngày 01/3 đến ngày 30/6/2020")
        let points = found.filter { $0.1.kind == .point }
        #expect(points.map(\.1.value.year) == [2020, 2020])
        let period = found.first { $0.1.kind == .period }
        #expect(period?.0 == "từ ngày 01/3 đến ngày 30/6/2020")
    }

    @Test func durationsOnlyWhenAsked() {
        #expect(mentions("trong thời hạn 15 ngày kể từ ngày nhận").isEmpty)
        #expect(mentions("trong thời hạn 15 ngày kể từ ngày nhận", durations: true).map(\.1.kind) == [.duration])
    }

    /// Dates and deadlines share one scan with durations (`ExtractionContext.temporalMentions()`);
    /// without its durations it must be the scan without them, mention for mention.
    @Test func durationsLeaveTheOtherMentionsAlone() throws {
        var texts = DateExtractor().examples.map(\.text) + DeadlineExtractor().examples.map(\.text) + [
            "trong thời hạn 15 ngày kể từ ngày 20/3/2020 và 45 ngày 1/5",
            "từ ngày 1 đến 15 ngày, ngày 5/3/2020; nghỉ lễ 30/4 và 10 ngày và 1/5",
            "15 ngày 20/3 hằng năm - 2020 năm 2021 đến 90 tháng 2022",
            "quý IV/2020, 300 năm, 45 tháng 6 năm 2019 từ năm 2015 đến năm 2017",
        ]
        if SharedSeedsTests.available {
            let seeds = SharedSeedsTests.shared.appendingPathComponent("seeds")
            for file in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where file.hasSuffix(".txt") {
                texts.append(try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8))
            }
        }
        for text in texts {
            let plain = mentions(text).map { String(describing: $0.1) }
            let shared = mentions(text, durations: true).filter { $0.1.kind != .duration }.map { String(describing: $0.1) }
            #expect(plain == shared, "\(text.prefix(80))")
        }
    }

    @Test func factOffsetsAreScalarOffsets() {
        let text = "Đoàn thể, ngày 24 tháng 4 năm 2017 “Dân vận khéo” giai đoạn 2015 – 2020."
        var context = ExtractionContext(text: text)
        DateExtractor().extract(&context)
        let scalars = Array(text.unicodeScalars)
        for fact in context.record.dates {
            #expect(String(String.UnicodeScalarView(scalars[fact.start..<fact.end])) == fact.text)
        }
        for fact in context.record.periods {
            #expect(String(String.UnicodeScalarView(scalars[fact.start..<fact.end])) == fact.text)
        }
        #expect(context.record.dates.map(\.text) == ["ngày 24 tháng 4 năm 2017"])
        #expect(context.record.periods.map(\.text) == ["giai đoạn 2015 – 2020"])
    }

    @Test func combiningMarksDoNotShiftOffsets() {
        // "Sáng" written with a combining acute accent (NFD leftovers).
        let text = "Sa\u{301}ng 9/3, hội nghị"
        var context = ExtractionContext(text: text, date: "2022-03")
        DateExtractor().extract(&context)
        let fact = try! #require(context.record.dates.first)
        #expect(fact.value == "2022-03-09")
        #expect(fact.text == "Sa\u{301}ng 9/3")
        #expect(fact.start == 0 && fact.end == 9)
    }

    @Test func deadlineFactsCarryTheirSpanAndRule() {
        let text = "Các đơn vị báo cáo kết quả về Ban Thường vụ Huyện ủy trước ngày 01/7/2020."
        var context = ExtractionContext(text: text, date: "2019-07-30")
        DateExtractor().extract(&context)
        DeadlineExtractor().extract(&context)
        let deadline = try! #require(context.record.deadlines.first)
        #expect(deadline.text == "trước ngày 01/7/2020")
        #expect(deadline.rule == "deadline.before")
        #expect(deadline.to == "Ban Thường vụ Huyện ủy")
        #expect(deadline.action == "báo cáo kết quả")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[deadline.start..<deadline.end])) == deadline.text)
    }

    @Test func noYearIsEverInvented() {
        var context = ExtractionContext(text: "Chiều 28-10, đoàn đến thăm; tháng 3 năm nay mưa nhiều.")
        DateExtractor().extract(&context)
        #expect(context.record.date == nil)
        #expect(context.record.dates.allSatisfy { $0.value == nil })
        #expect(context.record.dates.count == 2)
    }
}
