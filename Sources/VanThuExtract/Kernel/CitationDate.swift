import VanThuText

/// What the header and reference rules read on folded bytes besides the date reader's days
/// (`CalendarDays`, from `TemporalScanner`): a dispatch's date line left with blanks, and a whole
/// folded word at an offset. A full date (`ngày 14/8/2015`, `30 tháng 7 năm 2019`) is the date
/// reader's: there is one.
public enum CitationDate {
    /// A dispatch's date line left with blanks (`ngày   tháng   năm 2013`, `ngày 05 tháng năm
    /// 2018`, dots or underscores in the blanks) at folded offset `start`: its year, and the end
    /// of what was read. A full date is the date reader's (`CalendarDays`).
    public static func readBlankYear(_ f: [UInt8], at start: Int) -> (year: Int, end: Int)? {
        readBlankDate(f, at: start).map { ($0.year, $0.end) }
    }

    /// A dispatch's date line left with blanks, as `readBlankYear`, and its month when only the day is
    /// left blank (`ngày    tháng 3 năm 2024`: March 2024). A written day with a blank month
    /// (`ngày 05 tháng   năm 2018`) dates the document by its year only.
    public static func readBlankDate(_ f: [UInt8], at start: Int) -> (year: Int, month: Int?, end: Int)? {
        guard match(f, start, "ngay") else { return nil }
        var month: Int?
        let dayStart = skip(f, start + 4)
        func blank(_ k: Int) -> Int {
            var k = k
            while k < f.count, f[k] == 0x20 || f[k] == 0x09 || f[k] == UInt8(ascii: ".") || f[k] == UInt8(ascii: "_")
                    || f[k] == FoldedText.other || FoldedText.isDigit(f[k]) { k += 1 }
            return k
        }
        var k = blank(start + 4)
        guard match(f, k, "thang") else { return nil }
        let dayBlank = !(dayStart..<k).contains { FoldedText.isDigit(f[$0]) }
        let monthStart = skip(f, k + 5)
        k = blank(k + 5)
        guard match(f, k, "nam") else { return nil }
        if dayBlank, let written = f.withUnsafeBufferPointer({ FoldedBytes($0).number(at: monthStart) }),
           written.digits <= 2, (1...12).contains(written.value), skip(f, written.end) == k {
            month = written.value
        }
        k = skip(f, k + 3)
        guard let year = f.withUnsafeBufferPointer({ FoldedBytes($0).number(at: k) }), year.digits == 4,
              (1900...2100).contains(year.value) else { return nil }
        return (year.value, month, year.end)
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

}
