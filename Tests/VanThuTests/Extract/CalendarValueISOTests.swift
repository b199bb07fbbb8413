import Testing
@testable import VanThu

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
