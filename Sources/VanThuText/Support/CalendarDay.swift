/// The calendar facts every layer needs: whether a day exists, and the day an ISO 8601 timestamp
/// names (an HTML page's published time, read by the format reader and applied by extraction).
public enum CalendarDay {
    /// Whether `day` exists in `month` (of `year` when known; 29 February needs a leap year).
    package static func isValid(day: Int, month: Int, year: Int?) -> Bool {
        guard month >= 1, month <= 12, day >= 1 else { return false }
        switch month {
        case 2:
            guard let year else { return day <= 29 }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return day <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    /// `2024-03-15T06:28:00+07:00` → `2024-03-15`.
    package static func isoDatePrefix(_ text: String) -> String? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ [4, 7].contains($0.offset) || ($0.element >= 48 && $0.element <= 57) }) else { return nil }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        // A date that does not exist (2021-02-29, 2020-13-45) is no date.
        guard isValid(day: number(8..<10), month: number(5..<7), year: number(0..<4)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
