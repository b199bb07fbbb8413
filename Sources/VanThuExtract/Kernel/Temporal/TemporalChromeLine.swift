import VanThuText

/// Lines whose dates belong to the page furniture, not to the document: a gazette's running header
/// (`CÔNG BÁO/Số 12/Ngày 03-04-2025`, repeated on every page) and a digital-signature stamp
/// (`Thời gian ký: 03.04.2025 10:11:12 +07:00`, `Ngày ký: 2025-04-03 10:11:12 +07:00`). Their
/// mentions are dropped before any rule reads them: they are neither dates nor the document's own
/// date, and a deadline never rests on them.
///
/// The lines stay in the text (the header and title rules read the pages as printed); only the
/// temporal rules skip them. A portal's "today" line is chrome of the page and goes earlier, in
/// `ChromeFilter` (rule `chrome.today`).
package enum TemporalChromeLine {
    package struct Rule: Sendable {
        package var id: String
        /// Folded words the line starts with (after blanks).
        package var starts: [String]
        /// Whether the line must also hold a clock time with seconds (`10:11:12`), as a stamp does;
        /// `Ngày ký: 03/04/2025` alone in a metadata table is the signing date of the document.
        package var needsStampTime: Bool
        /// Whether a colon must follow the words (a label: `Ngày ký: …`, not `Ngày ký kết …`).
        package var isLabel: Bool
        /// Lines of our own that the rule must drop, and lines it must keep.
        package var drops: [String]
        package var keeps: [String]
    }

    package static let rules: [Rule] = [
        Rule(id: "temporal-chrome.gazette-running-header", starts: ["cong bao/so", "cong bao / so", "cong bao so"],
             needsStampTime: false, isLabel: false,
             drops: ["CÔNG BÁO/Số 12 + 13/Ngày 03-4-2025", "CÔNG BÁO / Số 7 / Ngày 9-1-2024  15"],
             keeps: ["Công báo tỉnh số 12 ngày 03/4/2025 đăng toàn văn quyết định."]),
        Rule(id: "temporal-chrome.signature-stamp", starts: ["thoi gian ky", "ngay ky", "ky ngay"],
             needsStampTime: true, isLabel: true,
             drops: ["Thời gian ký: 03.04.2025 10:11:12 +07:00", "Ngày ký: 2025-04-03 10:11:12 +07:00"],
             keeps: ["Ngày ký: 03/04/2025", "Ngày ký kết hợp đồng là 03/4/2025, lúc 10:11:12."]),
    ]

    /// The rule words as folded bytes in the kernel's phrase matcher, as listed, each with its rule's
    /// index (a space in the words is a space in the line).
    private static let starts = PhraseMatcher<UInt8, Int>(rules.indices.flatMap { index in
        rules[index].starts.map { (Array($0.utf8), index) }
    }, separator: 0, order: .asListed)

    /// The id of the rule that makes the line holding folded offset `offset` page furniture.
    package static func ruleID(_ text: FoldedBytes, lineOf offset: Int) -> String? {
        var start = offset
        while start > 0, text[start - 1] != 0x0A, offset - start < 200 { start -= 1 }
        guard start == 0 || text[start - 1] == 0x0A else { return nil }
        while text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        var end = offset
        while end < text.count, text[end] != 0x0A, end - offset < 200 { end += 1 }
        let found = starts.first(from: start, symbol: { $0 < text.count ? text[$0] : nil }, join: { _, _, _ in nil },
                                 accept: { entry, wordsEnd in
            let index = starts.values[entry]
            guard !FoldedText.isLetter(text[wordsEnd]) else { return false }
            if rules[index].isLabel, text[text.skipSpaces(from: wordsEnd, limit: 4)] != UInt8(ascii: ":") { return false }
            return !rules[index].needsStampTime || hasStampTime(text, start..<end)
        })
        return found.map { rules[starts.values[$0.entry]].id }
    }

    /// `hh:mm:ss` somewhere in the line.
    package static func hasStampTime(_ text: FoldedBytes, _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k + 5 < range.upperBound {
            if text[k] == UInt8(ascii: ":"), text.isDigit(k - 1), text.isDigit(k + 1), text.isDigit(k + 2),
               text[k + 3] == UInt8(ascii: ":"), text.isDigit(k + 4), text.isDigit(k + 5) {
                return true
            }
            k += 1
        }
        return false
    }
}
