import VanThuText

/// Time words without a year number that decide the year of a count (`ModelCountYears`):
///
/// | words | kind | example |
/// |---|---|---|
/// | `đến nay`, `tới nay`, `hiện nay`, `hiện tại`, `lũy kế`, `nâng tổng số` | cumulative: no year | "Đến nay, xã đã xây dựng được 87 mô hình" |
/// | `hiện` + `có`, `đang`, `duy` (trì), `trên`, `toàn` … (an adverb, not `thực hiện`) | a stock now: no year | "hiện trên địa bàn có 40 mô hình" |
/// | `hằng năm`, `hàng năm`, `mỗi năm` | recurring: no year | "Hằng năm, mỗi chi hội xây dựng 2 mô hình" |
/// | `nhiệm kỳ tới`, `giai đoạn tới`, `những năm tới` | a coming span: no year | "Trong nhiệm kỳ tới, phấn đấu 50 mô hình" |
/// | `năm nay` | the document's year (none if it has no date) | "năm nay mỗi xã đăng ký 3 mô hình" |
/// | `tháng đầu năm`, `tháng cuối năm` with no year number after | the document's year (ignored if it has no date) | "6 tháng đầu năm, huyện xây dựng 12 mô hình" |
package struct ModelCountTimeWord: Sendable {
    package let folded: String
    /// As written (lower case), when the folded form is ambiguous (`hiện` / `hiến`).
    package let exact: String
    /// `.point(nil)` for `năm nay` (resolved to the document's year), `.noYear` otherwise.
    package let kind: ModelCountYears.Kind
    /// When not empty, one of these words (as written) must follow ("hiện có", "hiện trên").
    package let followedBy: Set<String>
    /// Words (as written) that must not come right before ("thực hiện", "phát hiện").
    package let notAfter: Set<String>
    /// A part of the current year ("6 tháng đầu năm,"): the document's year, only when the document
    /// is dated and no year number follows ("6 tháng đầu năm 2020" is read from its number).
    package let partOfYear: Bool
    /// Governs only the count it leads to (`nâng tổng số … lên 56 mô hình`), not a later one of its sentence.
    package let ownCountOnly: Bool

    package init(_ exact: String, _ kind: ModelCountYears.Kind, followedBy: Set<String> = [], notAfter: Set<String> = [],
                 partOfYear: Bool = false, ownCountOnly: Bool = false) {
        self.partOfYear = partOfYear
        self.ownCountOnly = ownCountOnly
        self.exact = exact
        self.folded = VietnameseFolding.searchFold(exact)
        self.kind = kind
        self.followedBy = followedBy
        self.notAfter = notAfter
    }

    package static let table: [ModelCountTimeWord] = [
        .init("đến nay", .noYear), .init("tới nay", .noYear), .init("hiện nay", .noYear), .init("hiện tại", .noYear),
        .init("lũy kế", .noYear), .init("luỹ kế", .noYear), .init("nâng tổng số", .noYear, ownCountOnly: true),
        .init("hiện", .noYear,
              followedBy: ["có", "đang", "đã", "duy", "trên", "toàn", "ở", "tại", "các", "cả", "tỉnh", "huyện", "thành", "xã", "phường"],
              notAfter: ["thực", "thể", "xuất", "phát", "biểu", "hiển", "trình", "tái", "hiện"]),
        .init("hằng năm", .noYear), .init("hàng năm", .noYear), .init("mỗi năm", .noYear),
        // A coming span of years: "trong nhiệm kỳ tới, phấn đấu xây dựng 50 mô hình".
        .init("nhiệm kỳ tới", .noYear), .init("giai đoạn tới", .noYear), .init("những năm tới", .noYear),
        .init("năm nay", .point(nil)),
        .init("tháng đầu năm", .point(nil), partOfYear: true), .init("tháng cuối năm", .point(nil), partOfYear: true),
    ]

    package static let phrases = FoldedPhraseTable<ModelCountTimeWord>(modelCount: table.map { ($0.folded, $0) })

    /// The time word starting at `position`, if any (the longest that fits).
    package static func match(at position: Int, in text: ModelCountText) -> ModelCountTimeWord? {
        text.match(phrases, at: position) { word, end in
            guard text.lowered(position..<end) == word.exact else { return false }
            if !word.followedBy.isEmpty {
                guard let next = text.nextWord(after: end), word.followedBy.contains(text.lowered(next)) else { return false }
            }
            if let previous = text.previousWord(before: position), word.notAfter.contains(text.lowered(previous)) { return false }
            // Words split by a comma or a dash ("năm, nay") are no time word.
            return !text.bytes[position..<end].contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "-") })
        }?.value
    }
}
