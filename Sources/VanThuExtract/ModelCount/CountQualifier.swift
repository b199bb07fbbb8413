import VanThuText

/// Words before a number that make it approximate or a bound: `trên 50` and `hơn 50` (at least),
/// `gần 50` and `dưới 50` (at most), `khoảng 50` (about); `ít nhất 1`, `tối thiểu 2` are quotas
/// (exact, status target).
package struct CountQualifier: Sendable {
    package enum Kind: String, Sendable {
        /// The true count is above the number: lowerBound.
        case atLeast
        /// The true count is below the number: upperBound.
        case atMost
        /// Roughly the number: no bound.
        case about
        /// A quota: `ít nhất 1 mô hình` is an exact count, status target.
        case quota
    }

    /// Folded words in reading order.
    package let words: [String]
    /// The words as written (lower case), to tell `gần` from `gắn` and `dưới` from `đuối`.
    package let exact: String
    package let kind: Kind

    package init(_ exact: String, _ kind: Kind) {
        self.exact = exact
        self.kind = kind
        self.words = VietnameseFolding.searchFold(exact).split(separator: " ").map(String.init)
    }

    /// Longest first.
    package static let table: [CountQualifier] = [
        .init("trên dưới", .about), .init("xấp xỉ", .about), .init("khoảng", .about), .init("chừng", .about),
        .init("ước khoảng", .about), .init("ước tính", .about),
        .init("ít nhất", .quota), .init("tối thiểu", .quota), .init("không dưới", .atLeast),
        .init("không ít hơn", .atLeast), .init("hơn", .atLeast), .init("trên", .atLeast),
        .init("gần", .atMost), .init("không quá", .atMost), .init("dưới", .atMost), .init("tối đa", .atMost),
        .init("chưa đến", .atMost), .init("chưa tới", .atMost),
    ].sorted { $0.words.count > $1.words.count }
}
