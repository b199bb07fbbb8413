import VanThuText

/// A full calendar date as the header and reference rules read it (the date of a dispatch, of a
/// cited document), from folded bytes (see `FoldedText`): `ngày 14/8/2015`, `14-8-2015`,
/// `ngày 24 tháng 4 năm 2017`, `30 tháng 7 năm 2019`.
/// Only what these rules need; the date extractor owns dates in general.
public struct CitationDate: Sendable, Equatable {
    public var day: Int
    public var month: Int
    public var year: Int
    /// Folded range read, including a leading `ngày`.
    public var range: Range<Int>

    public var iso: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    /// Reads a date at folded offset `start` (optionally `ngay` first).
    public static func read(_ f: [UInt8], at start: Int) -> CitationDate? {
        var k = start
        if match(f, k, "ngay") { k = skip(f, k + 4) }
        guard let (day, afterDay) = digits(f, k, max: 2), (1...31).contains(day) else { return nil }
        k = afterDay
        var month = 0
        var year = 0
        if k < f.count, f[k] == UInt8(ascii: "/") || f[k] == UInt8(ascii: "-") || f[k] == UInt8(ascii: ".") {
            let separator = f[k]
            guard let (m, afterMonth) = digits(f, k + 1, max: 2), afterMonth < f.count, f[afterMonth] == separator,
                  let (y, afterYear) = digits(f, afterMonth + 1, max: 4), afterYear - afterMonth - 1 == 4 else { return nil }
            month = m; year = y; k = afterYear
        } else {
            k = skip(f, k)
            guard match(f, k, "thang") else { return nil }
            k = skip(f, k + 5)
            guard let (m, afterMonth) = digits(f, k, max: 2) else { return nil }
            k = skip(f, afterMonth)
            if k < f.count, f[k] == UInt8(ascii: ",") { k = skip(f, k + 1) }
            guard match(f, k, "nam") else { return nil }
            k = skip(f, k + 3)
            guard let (y, afterYear) = digits(f, k, max: 4), afterYear - k == 4 else { return nil }
            month = m; year = y; k = afterYear
        }
        guard (1...12).contains(month), (1900...2100).contains(year), CalendarDay.isValid(day: day, month: month, year: year) else { return nil }
        if k < f.count, FoldedText.isWordByte(f[k]) { return nil }
        return CitationDate(day: day, month: month, year: year, range: start..<k)
    }

    /// A dispatch's date line left with blanks (`ngày   tháng   năm 2013`, `ngày 05 tháng năm
    /// 2018`, dots or underscores in the blanks) at folded offset `start`: its year, and the end
    /// of what was read. A full date is `read`'s.
    public static func readBlankYear(_ f: [UInt8], at start: Int) -> (year: Int, end: Int)? {
        guard match(f, start, "ngay") else { return nil }
        func blank(_ k: Int) -> Int {
            var k = k
            while k < f.count, f[k] == 0x20 || f[k] == 0x09 || f[k] == UInt8(ascii: ".") || f[k] == UInt8(ascii: "_")
                    || f[k] == FoldedText.other || (f[k] &- 48 < 10) { k += 1 }
            return k
        }
        var k = blank(start + 4)
        guard match(f, k, "thang") else { return nil }
        k = blank(k + 5)
        guard match(f, k, "nam") else { return nil }
        k = skip(f, k + 3)
        guard let (year, end) = digits(f, k, max: 4), end - k == 4, (1900...2100).contains(year) else { return nil }
        return (year, end)
    }

    /// Finds the first date in `f[range]` that starts a word.
    public static func first(in f: [UInt8], _ range: Range<Int>) -> CitationDate? {
        var k = range.lowerBound
        while k < range.upperBound {
            if (k == 0 || !FoldedText.isWordByte(f[k - 1])), let date = read(f, at: k), date.range.upperBound <= range.upperBound {
                return date
            }
            k += 1
        }
        return nil
    }

    @inline(__always)
    package static func match(_ f: [UInt8], _ k: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard k + count <= f.count else { return false }
        let p = word.utf8Start
        for i in 0..<count where f[k + i] != p[i] { return false }
        return k + count == f.count || !FoldedText.isWordByte(f[k + count])
    }

    @inline(__always)
    package static func skip(_ f: [UInt8], _ start: Int) -> Int {
        var k = start
        while k < f.count && (f[k] == 0x20 || f[k] == 0x09) { k += 1 }
        return k
    }

    @inline(__always)
    package static func digits(_ f: [UInt8], _ start: Int, max: Int) -> (Int, Int)? {
        var k = start
        var value = 0
        while k < f.count, k - start < max, f[k] >= 48 && f[k] <= 57 {
            value = value * 10 + Int(f[k] - 48); k += 1
        }
        guard k > start, k >= f.count || !(f[k] >= 48 && f[k] <= 57) else { return nil }
        return (value, k)
    }
}
