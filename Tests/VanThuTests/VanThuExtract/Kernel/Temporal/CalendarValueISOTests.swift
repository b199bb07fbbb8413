import Testing
@testable import VanThuText
@testable import VanThuExtract

/// `CalendarValue.iso` writes its digits by hand; by interpolation it must read the same.
struct CalendarValueISOTests {
    @Test func sameAsInterpolation() {
        let years: [Int?] = [nil, 0, 7, 99, 999, 1800, 2015, 2199, 9999, 10000, -1, -2015, 123_456]
        let smalls: [Int?] = [nil, 0, 1, 9, 10, 12, 31, 99, 100, -1, -12]
        for year in years {
            for month in smalls {
                for day in smalls {
                    for quarter in [nil, 0, 1, 4, 9, 10, -1] as [Int?] {
                        let value = CalendarValue(year: year, quarter: quarter, month: month, day: day)
                        #expect(value.iso == value.isoByInterpolation, "\(value)")
                    }
                }
            }
        }
    }
}

/// Issue 14 (item 15): a document dated a day that does not exist gets no date.
struct ImpossibleDocumentDateTests {
    func header(_ date: String) -> String {
        """
        ỦY BAN NHÂN DÂN
        HUYỆN PHÚ AN
        Số: 21/KH-UBND
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Phú An, ngày \(date)

        KẾ HOẠCH
        Tổ chức hội thi dân vận khéo

        Ủy ban nhân dân huyện ban hành kế hoạch như sau.
        """
    }

    @Test func februaryTheTwentyNinthOfACommonYearIsNoDate() throws {
        let impossible = try #require(TestSupport.record(for: header("29 tháng 02 năm 2021")))
        #expect(impossible.date != "2021-02-29")
        #expect(impossible.header?.date != "2021-02-29")
        let leap = try #require(TestSupport.record(for: header("29 tháng 02 năm 2020")))
        #expect(leap.date == "2020-02-29")
        // The days the header and reference rules read come from the one date reader.
        var april31 = ExtractionContext(text: "ngày 31/4/2019")
        #expect(april31.calendarDays().day(at: 0) == nil)
        var april30 = ExtractionContext(text: "ngày 30/4/2019")
        #expect(april30.calendarDays().day(at: 0) == CalendarDays.Day(iso: "2019-04-30", end: 14))
        #expect(CalendarDay.isoDatePrefix("2021-02-29T08:00:00+07:00") == nil)
        #expect(CalendarDay.isoDatePrefix("2020-13-45") == nil)
        #expect(CalendarDay.isoDatePrefix("2024-02-29T08:00:00Z") == "2024-02-29")
    }
}
